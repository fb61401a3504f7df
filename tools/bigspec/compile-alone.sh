#!/usr/bin/env bash
# The Roslyn compilation alone (issue 11), as a build runs it: the SDK's own compiler (csc, ReadyToRun), the options
# and references MSBuild gives it for the `ours` project of run.sh, with generated C# as plain sources instead of
# the generator, and without analyzers or generators. Each directory of generated files is compiled in rounds,
# interleaved, as one process under /usr/bin/time -v, so the figures are the compiler's whole processor time
# (user + sys), its wall time and its peak memory, side by side.
#
#   bash tools/bigspec/compile-alone.sh --work DIR [--rounds N] NAME=GENERATED_DIR...
#
# DIR is a work directory of tools/bigspec/run.sh (its `ours` project restored and built once: run.sh with
# --only ours does that). GENERATED_DIR holds the generated .cs files of one output, for example run.sh's
# DIR/gen-ours or `measure-generate`'s output directory. Like a build without GenerateDocumentationFile, csc gets no
# /doc, so documentation comments are ordinary comments (DocumentationMode.None).
# Results: DIR/compile-alone.tsv (one row per compilation) and a table on standard output.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

rounds=3
work=""
outputs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *=*) outputs+=("$1"); shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ -z "$work" ] || [ ! -d "$work/ours" ] || [ "${#outputs[@]}" -eq 0 ]; then
  echo "usage: compile-alone.sh --work DIR [--rounds N] NAME=GENERATED_DIR..." >&2
  exit 2
fi

# The compiler's command line, from a detailed build of the ours project (touching Program.cs so that it compiles).
touch "$work/ours/Program.cs"
(cd "$work/ours" && dotnet build -c Release --no-restore --disable-build-servers -p:UseSharedCompilation=false -v:detailed) > "$work/logs/compile-alone-detailed.log" 2>&1
# The ours project's own compilation: when the generator is out of date, its compilation comes first in the log.
line="$(awk '/\/Roslyn\/bincore\/csc \/noconfig/ && /\/out:obj\/Release\/net10\.0\/Ours\.dll/ { sub(/^[ \t]+/, ""); print; exit }' \
  "$work/logs/compile-alone-detailed.log")"
if [ -z "$line" ]; then
  echo "no csc command line in $work/logs/compile-alone-detailed.log" >&2
  exit 1
fi

csc="${line%% *}"
scratch="$work/compile-alone"
rm -rf "$scratch" && mkdir -p "$scratch"
# Keep the options and references; drop the analyzers, generators, their configuration and inputs, the sources and
# the outputs (each compilation writes its own).
printf '%s\n' "$line" | tr ' ' '\n' | tail -n +2 | grep -E '^/' |
  grep -vE '^/(analyzer|analyzerconfig|additionalfile|out|refout|generatedfilesout|errorlog|doc):' |
  sed 's|^/target:exe$|/target:library|' > "$scratch/options.rsp"

results="$work/compile-alone.tsv"
printf 'round\tname\tload\twall_s\tuser_s\tsys_s\tmax_rss_mb\tassembly_bytes\tsource_bytes\texit\n' > "$results"
for round in $(seq 1 "$rounds"); do
  for output in "${outputs[@]}"; do
    name="${output%%=*}"
    dir="${output#*=}"
    rsp="$scratch/$name.rsp"
    cp "$scratch/options.rsp" "$rsp"
    echo "/out:$scratch/$name.dll" >> "$rsp"
    find "$dir" -maxdepth 1 -name '*.cs' | sort | sed 's/.*/"&"/' >> "$rsp"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    status=0
    /usr/bin/time -v "$csc" "@$rsp" > "$scratch/$name-$round.log" 2> "$scratch/$name-$round.time" || status=$?
    figures="$(time_figures "$scratch/$name-$round.time")"
    bytes="$(cat "$dir"/*.cs | wc -c)"
    assembly="$(stat -c %s "$scratch/$name.dll" 2>/dev/null || echo 0)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$load" "$figures" "$assembly" "$bytes" "$status" >> "$results"
    echo "round $round $name: $(tail -1 "$results" | cut -f3-)"
    if [ "$status" -ne 0 ]; then
      grep -m5 -E 'error|warning' "$scratch/$name-$round.log" >&2 || true
    fi
  done
done

# Medians per output, and ratios against the first one.
echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc), $(date -u '+%Y-%m-%d %H:%M') UTC, $csc"
echo
echo "| Output | Source bytes | Processor (user+sys), median | Ratio | Wall, median | Ratio | Max RSS, median | Ratio | Assembly |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' 'NR > 1 {
    key = $2; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    c = ++count[key]; cpu[key, c] = $5 + $6; wall[key, c] = $4; rss[key, c] = $7; asm[key] = $8; src[key] = $9
  }
  function median(arr, key, k,   i, j, t, v) {
    for (i = 1; i <= k; i++) v[i] = arr[key, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return (k % 2) ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
  }
  END {
    for (i = 1; i <= n; i++) {
      k = order[i]; m = count[k]
      c = median(cpu, k, m); w = median(wall, k, m); r = median(rss, k, m)
      if (i == 1) { c0 = c; w0 = w; r0 = r }
      printf "| %s | %\047d | %.1f s | %.2f | %.1f s | %.2f | %d MB | %.2f | %\047d |\n", k, src[k], c, c / c0, w, w / w0, r, r / r0, asm[k]
    }
  }' "$results"
