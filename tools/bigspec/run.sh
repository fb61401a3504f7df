#!/usr/bin/env bash
# Big-spec benchmark (issue 11): GitHub's description of api.github.com, as CelerData.Generated, NSwag and Kiota
# turn it into C#, and what a `dotnet build -c Release` of a console project with each client costs.
#
#   bash tools/bigspec/run.sh [--rounds N] [--only "ours nswag kiota ours-repos"] [--binlog] [--work DIR]
#
# It fetches @octokit/openapi (the version below) from npm into a work directory (a new temporary one unless
# --work is given; never inside the repository), generates NSwag's and Kiota's clients there with the tools of the
# repository's manifest (.config/dotnet-tools.json), copies the projects of tools/bigspec/projects next to them,
# restores and builds each once (not measured; ours writes its generated files to gen-ours/ for counting), then
# builds them in rounds, interleaved (ours, nswag, kiota, ours-repos, then again), because the machine is shared:
# each measured build touches Program.cs so the compiler runs again, and runs as
#   /usr/bin/time -v dotnet build -c Release --no-restore --disable-build-servers -p:UseSharedCompilation=false
# (no build server: the compiler is a child process, so its processor time and peak memory are in time's figures).
# `ours` uses the checkout this script is in; `ours-repos` is the same project with IncludeTags=repos.
# --binlog adds one build of ours with -bl -p:ReportAnalyzer=true (analyzer and generator times) at the end.
# Results: WORK/results.tsv (one row per build), WORK/summary.md (medians, ratios, bytes), logs in WORK/logs.
set -euo pipefail

rounds=2
only="ours nswag kiota ours-repos"
binlog=no
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --binlog) binlog=yes; shift ;;
    --work) work="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$repo/tools/bigspec"
source "$here/common.sh"
if [ -z "$work" ]; then work="$(mktemp -d /tmp/bigspec.XXXXXX)"; fi
mkdir -p "$work/logs"
case "$(cd "$work" && pwd)/" in "$repo"/*) echo "--work must be outside the repository" >&2; exit 2 ;; esac
echo "work directory: $work"

has() { case " $only " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# The description, from npm at run time.
spec="$(fetch_spec "$work")"

# Projects, copied out of the repository.
for p in ours nswag kiota; do
  copy_project "$here/projects/$p" "$work/$p" "$repo" "$spec"
done
rm -rf "$work/ours-repos" && cp -r "$work/ours" "$work/ours-repos"
project_dir() { echo "$work/$1"; }
assembly_name() { case "$1" in ours|ours-repos) echo Ours ;; nswag) echo NSwagClient ;; kiota) echo KiotaClient ;; esac; }
project_props() { if [ "$1" = ours-repos ]; then echo "-p:BigSpecTags=repos"; fi; }

# Client generation by the two other tools, once each, measured the same way.
(cd "$repo" && dotnet tool restore >/dev/null)
gen_row() { printf '%s\t%s\t%s\t%s\n' "$1" "$(load)" "$(time_figures "$2")" "$3" >> "$work/generation.tsv"; }
if has nswag && [ ! -f "$work/nswag/GitHub.cs" ]; then
  echo "nswag: generating ($(load))"
  (cd "$repo" && /usr/bin/time -v dotnet tool run nswag openapi2csclient "/input:$spec" \
    "/output:$work/nswag/GitHub.cs" /namespace:Bench.GitHub /className:GitHubClient) > "$work/logs/gen-nswag.log" 2>&1
  gen_row nswag "$work/logs/gen-nswag.log" "$(stat -c %s "$work/nswag/GitHub.cs")"
fi
if has kiota && [ ! -d "$work/kiota/GitHub" ]; then
  echo "kiota: generating ($(load))"
  (cd "$repo" && /usr/bin/time -v dotnet tool run kiota generate -l CSharp -d "$spec" -o "$work/kiota/GitHub" \
    -c GitHubClient -n Bench.GitHub --clean-output) > "$work/logs/gen-kiota.log" 2>&1
  gen_row kiota "$work/logs/gen-kiota.log" "$(find "$work/kiota/GitHub" -name '*.cs' -printf '%s\n' | awk '{ s += $1 } END { print s }')"
fi

build() { # project, log, extra arguments...
  local p="$1" log="$2"; shift 2
  (cd "$(project_dir "$p")" && /usr/bin/time -v dotnet build -c Release --no-restore --disable-build-servers \
    -p:UseSharedCompilation=false -tl:off -clp:NoSummary $(project_props "$p") "$@") > "$log" 2>&1
}

# Restore and a first build of each (not measured): references built, ours' generated files written for counting.
for p in $only; do
  echo "$p: restore and first build ($(load))"
  (cd "$(project_dir "$p")" && dotnet restore $(project_props "$p") > "$work/logs/restore-$p.log" 2>&1)
  extra=()
  if [ "$p" = ours ] || [ "$p" = ours-repos ]; then
    # Always built again: in a reused work directory the generated files counted must be this checkout's.
    rm -rf "$work/gen-$p"
    extra=(-p:EmitCompilerGeneratedFiles=true "-p:CompilerGeneratedFilesOutputPath=$work/gen-$p")
  elif grep -q 'Exit status: 0' "$work/logs/first-$p.log" 2>/dev/null; then
    continue
  fi
  if ! build "$p" "$work/logs/first-$p.log" "${extra[@]}" && [ "$p" = nswag ]; then
    # NSwag's client names types it never declares (CS0246); an empty class per name lets the compiler run to the end.
    grep -E ': error CS0246' "$work/logs/first-$p.log" | sed -E "s/.*name '([A-Za-z0-9_]+)'.*/\1/" | sort -u |
      awk 'BEGIN { print "// Types NSwag'\''s client uses but does not declare (added by tools/bigspec/run.sh)."; print "namespace Bench.GitHub;" }
           { print "public class " $1 " { }" }' > "$work/nswag/Missing.cs"
    echo "nswag: $(grep -c '^public class' "$work/nswag/Missing.cs") undeclared types, declared empty in Missing.cs; building again"
    cp "$work/logs/first-$p.log" "$work/logs/first-$p-undeclared.log"
    build "$p" "$work/logs/first-$p.log"
  elif [ -f "$work/logs/first-$p.log" ] && [ "$p" = kiota ] && grep -q ': error CS1001' "$work/logs/first-$p.log"; then
    # Kiota names the path parameter {base} of /repos/{owner}/{repo}/compare/{base}...{head} `base`, a C# keyword
    # (CS1001); it becomes @base in the files that use it.
    grep -lE '\bstring base\b' -r "$work/kiota/GitHub" | xargs sed -i -E \
      -e 's/\bstring base\b/string @base/g' -e 's/(IsNullOrEmpty|IsNullOrWhiteSpace|nameof)\(base\)/\1(@base)/g' \
      -e 's/"base", base\)/"base", @base)/g' -e 's/RequestAdapter, base, head\)/RequestAdapter, @base, head)/g'
    echo "kiota: parameter base renamed @base; building again"
    cp "$work/logs/first-$p.log" "$work/logs/first-$p-keyword.log"
    build "$p" "$work/logs/first-$p.log"
  fi
  grep -q 'Exit status: 0' "$work/logs/first-$p.log" || { echo "$p: first build failed, see $work/logs/first-$p.log" >&2; exit 1; }
done

printf 'round\tproject\tload_before\tload_after\twall_s\tuser_s\tsys_s\tmax_rss_mb\twarnings\twarnings_by_code\tassembly_bytes\n' > "$work/results.tsv"
for r in $(seq 1 "$rounds"); do
  for p in $only; do
    dir="$(project_dir "$p")"
    touch "$dir/Program.cs"
    before="$(load)"
    log="$work/logs/build-$r-$p.log"
    build "$p" "$log" || { echo "$p: build failed, see $log" >&2; exit 1; }
    asm="$(stat -c %s "$dir/bin/Release/net10.0/$(assembly_name "$p").dll")"
    row="$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$r" "$p" "$before" "$(load)" "$(time_figures "$log")" \
      "$(warning_count "$log")" "$(warnings_by_code "$log")" "$asm")"
    echo "$row" >> "$work/results.tsv"
    echo "$row"
  done
done

if [ "$binlog" = yes ] && has ours; then
  touch "$work/ours/Program.cs"
  echo "ours: build with -bl -p:ReportAnalyzer=true ($(load))"
  build ours "$work/logs/binlog-ours.log" -p:ReportAnalyzer=true "-bl:$work/ours.binlog"
  echo "binary log: $work/ours.binlog ($(time_figures "$work/logs/binlog-ours.log"))"
fi

# Summary: medians per project, ratios against ours, and the generated bytes.
{
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), nproc $(nproc), $(free -g | awk '/Mem:/ { print $2 }') GiB," \
    "SDK $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC'), checkout $(git -C "$repo" rev-parse --short HEAD)," \
    "@octokit/openapi $octokit_version, $rounds rounds interleaved ($only)."
  echo
  echo "| Build | Processor time (user+sys), median | Ratio | Max RSS, median | Ratio | Wall, median (load 1-min at start) | Warnings | Assembly |"
  echo "|---|---:|---:|---:|---:|---:|---|---:|"
  awk -F'\t' 'NR > 1 {
      k = $2; n[k]++; cpu[k, n[k]] = $6 + $7; rss[k, n[k]] = $8; wall[k, n[k]] = $5; ld[k] = ld[k] (ld[k] == "" ? "" : ", ") substr($3, 1, index($3, " ") - 1)
      warn[k] = $9 ($10 == "" ? "" : " (" $10 ")"); asm[k] = $11; if (!(k in seen)) { seen[k] = 1; order[++m] = k }
    }
    function median(a, k, c,   i, j, t, v) {
      for (i = 1; i <= c; i++) v[i] = a[k, i]
      for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
      return c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2
    }
    END {
      base = ("ours" in seen) ? "ours" : order[1]
      bc = median(cpu, base, n[base]); br = median(rss, base, n[base])
      for (i = 1; i <= m; i++) {
        k = order[i]; c = median(cpu, k, n[k]); r = median(rss, k, n[k])
        printf "| %s | %.1f s | %.2f | %.0f MB | %.2f | %.1f s (%s) | %s | %d |\n", k, c, c / bc, r, r / br, median(wall, k, n[k]), ld[k], warn[k], asm[k]
      }
    }' "$work/results.tsv"
  echo
  echo "| Generated C# | Bytes | Files |"
  echo "|---|---:|---:|"
  for p in ours ours-repos; do
    if [ -d "$work/gen-$p" ]; then
      for g in "$work/gen-$p"/*/*/; do
        printf '| %s, %s | %s | %s |\n' "$p" "$(basename "$g")" \
          "$(find "$g" -name '*.cs' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')" "$(find "$g" -name '*.cs' | wc -l)"
      done
    fi
  done
  if [ -f "$work/nswag/GitHub.cs" ]; then
    printf '| nswag | %s | 1 |\n' "$(stat -c %s "$work/nswag/GitHub.cs" | awk '{ printf "%d", $1 }')"
  fi
  if [ -d "$work/kiota/GitHub" ]; then
    printf '| kiota | %s | %s |\n' "$(find "$work/kiota/GitHub" -name '*.cs' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')" \
      "$(find "$work/kiota/GitHub" -name '*.cs' | wc -l)"
  fi
  if [ -f "$work/generation.tsv" ]; then
    echo
    echo "| Client generation (one run) | Load (1, 5, 15 min) | Wall | Processor time (user+sys) | Max RSS |"
    echo "|---|---|---:|---:|---:|"
    awk -F'\t' '{ printf "| %s | %s | %.1f s | %.1f s | %.0f MB |\n", $1, $2, $3, $4 + $5, $6 }' "$work/generation.tsv"
  fi
} > "$work/summary.md"
cat "$work/summary.md"
