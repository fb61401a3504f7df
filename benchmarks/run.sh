#!/usr/bin/env bash
# Reruns every benchmark of docs/benchmarks.md and rewrites its tables:
#   bash benchmarks/run.sh            the recorded run (about 23 minutes on 2 shared cores)
#   bash benchmarks/run.sh --smoke    CI: every benchmark once (BenchmarkDotNet's Dry job) and every other
#                                     measurement in a tiny mode; results go to a scratch folder, docs are untouched
#   ... --only bdn,contention,tools,build,aot   reruns only those sections (machine table: results/machine-rerun.md)
set -euo pipefail

mode=full
only=all
while (($#)); do
  case "$1" in
    --smoke) mode=smoke ;;
    --only) only=$2; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
want() { [[ $only == all || ",$only," == *",$1,"* ]]; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bench="$root/benchmarks"
project="$bench/CelerData.Generated.Benchmarks"
work="$bench/work"
if [[ $mode == full ]]; then results="$bench/results"; else results="$work/smoke-results"; fi
mkdir -p "$work" "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CELERDATA_REPO_ROOT="$root"

say() { printf '\n== %s\n' "$*"; }

# Runs a command N times and prints the mean wall time in ms (used where hyperfine is not installed).
time_runs() {
  local runs=$1; shift
  local total=0 start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N); "$@" > /dev/null 2>&1; end=$(date +%s%N)
    total=$((total + (end - start) / 1000))
  done
  echo $((total / runs / 1000))
}

# hyperfine → Markdown table; without hyperfine, a mean over the same number of runs.
compare() {
  local out=$1 runs=$2 warmup=$3; shift 3
  if command -v hyperfine > /dev/null; then
    local args=()
    while (($#)); do args+=(-n "$1" "$2"); shift 2; done
    hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-json "$work/$(basename "$out").json" "${args[@]}" > /dev/null
    dotnet "$dll" hyperfine-table "$work/$(basename "$out").json" "$out"
  else
    { echo "| Command | Mean [ms] | Runs |"; echo "|:---|---:|---:|"
      while (($#)); do echo "| \`$1\` | $(time_runs "$runs" bash -c "$2") | $runs |"; shift 2; done; } > "$out"
  fi
}

# Runs the two binaries alternately N times each (so that a change of load on a shared machine hits both alike)
# and writes min, quartiles and median of the wall time, with the ratio of medians against the first.
interleave() {
  local out=$1 runs=$2 name1=$3 cmd1=$4 name2=$5 cmd2=$6 start end
  : > "$work/interleave-1" ; : > "$work/interleave-2"
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N); "$cmd1" > /dev/null; end=$(date +%s%N); echo $(((end - start) / 1000)) >> "$work/interleave-1"
    start=$(date +%s%N); "$cmd2" > /dev/null; end=$(date +%s%N); echo $(((end - start) / 1000)) >> "$work/interleave-2"
  done
  stats() { sort -n "$1" | awk '{v[NR]=$1} END {m=v[int((NR+1)/2)]; printf "%.1f|%.1f|%.1f|%.1f|%.1f|%d", v[1]/1000, v[int((NR+3)/4)]/1000, m/1000, v[int((3*NR+3)/4)]/1000, v[NR]/1000, NR}'; }
  local s1 s2
  s1=$(stats "$work/interleave-1"); s2=$(stats "$work/interleave-2")
  {
    echo "| App | Min (ms) | p25 (ms) | Median (ms) | p75 (ms) | Max (ms) | Runs | Ratio (median) |"
    echo "|:---|---:|---:|---:|---:|---:|---:|---:|"
    echo "| $name1 | ${s1//|/ | } | 1.00 |"
    echo "| $name2 | ${s2//|/ | } | $(awk -v a="${s2}" -v b="${s1}" 'BEGIN {split(a, x, "|"); split(b, y, "|"); printf "%.2f", x[3] / y[3]}') |"
  } > "$out"
}

say "Machine"
# A partial rerun (--only) records its own machine table beside the full run's.
if [[ $only == all ]]; then machine=machine.md; else machine=machine-rerun.md; fi
{
  echo "| | |"
  echo "|---|---|"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') |"
  echo "| Cores (nproc) | $(nproc) |"
  echo "| RAM | $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) |"
  echo "| OS | $(uname -srm) |"
  echo "| .NET SDK | $(dotnet --version) |"
  echo "| BenchmarkDotNet | $(sed -n 's/.*"BenchmarkDotNet" Version="\([^"]*\)".*/\1/p' Directory.Packages.props) |"
  echo "| Load average at start | $(cut -d' ' -f1-3 /proc/loadavg) |"
  echo "| Shared machine | ${BENCHMARK_MACHINE_SHARED:-unknown (set BENCHMARK_MACHINE_SHARED=yes/no)} |"
  echo "| Date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
  if [[ $only != all ]]; then echo "| Sections rerun | $only |"; fi
} > "$results/$machine"
cat "$results/$machine"

say "Build"
dotnet build "$project" -c Release -v quiet -nologo
dll="$project/bin/Release/net10.0/CelerData.Generated.Benchmarks.dll"
sizes="10,100,1000,5000"
dotnet "$dll" make-specs "$bench/specs" "$sizes"

if want bdn; then
say "BenchmarkDotNet suites"
# In-process: one build, and the suites do not rebuild the repository's projects into a second copy.
if [[ $mode == full ]]; then job=(--launchCount 1 --warmupCount 3 --iterationCount 10); else job=(--job Dry); fi
artifacts="$work/bdn"
dotnet "$dll" --filter '*' --inProcess "${job[@]}" --artifacts "$artifacts" --exporters github
for suite in JsonDeserializeBenchmarks JsonDeserializeEntryBenchmarks JsonSerializeBenchmarks JsonListBenchmarks CallBenchmarks BearerWarmPathBenchmarks ContentionBenchmarks GeneratorBenchmarks; do
  report=$(ls "$artifacts"/results/*."$suite"-report-github.md)
  # BenchmarkDotNet quotes descriptions with spaces and escapes the quotes as HTML.
  sed "s/&#39;//g" "$report" > "$results/$suite.md"
done

say "JSON by processor time (measure-json: alternating batches, the thread's own processor time)"
if [[ $mode == full ]]; then batches=41; else batches=3; fi
dotnet "$dll" measure-json "$batches" > "$results/json-processor-time.md"
cat "$results/json-processor-time.md"

fi

if want contention; then
say "Contention: fetches and per-caller latency"
if [[ $mode == full ]]; then rounds=200; else rounds=2; fi
dotnet "$dll" contention-report "$results/contention-report.md" "$rounds"
cat "$results/contention-report.md"

fi

if want tools; then
say "Client generation from one spec: ours, Kiota, NSwag (whole process runs)"
dotnet tool restore > /dev/null
if [[ $mode == full ]]; then tool_sizes=(celerdata 1000); runs=10; else tool_sizes=(10); runs=1; fi
: > "$results/tools.md"
for size in "${tool_sizes[@]}"; do
  if [[ $size == celerdata ]]; then spec="$root/spec/celerdata-cloud.openapi.yaml"; else spec="$bench/specs/synthetic-$size.openapi.yaml"; fi
  echo "**$(basename "$spec")**" >> "$results/tools.md"; echo >> "$results/tools.md"
  compare "$work/tools-$size.md" "$runs" 1 \
    "CelerData.Generated (spec to files, own process)" "dotnet '$dll' generate '$spec' '$work/ours-$size'" \
    "Kiota 1.38.0" "dotnet tool run kiota generate -l CSharp -d '$spec' -o '$work/kiota-$size' --clean-output" \
    "NSwag 14.7.1" "dotnet tool run nswag openapi2csclient /input:'$spec' /output:'$work/nswag-$size.cs'"
  cat "$work/tools-$size.md" >> "$results/tools.md"; echo >> "$results/tools.md"
done
cat "$results/tools.md"

fi

if want build; then
say "dotnet build of a project that contains the spec"
consumer="$work/consumer"
mkdir -p "$consumer"
if [[ $mode == full ]]; then build_spec="$bench/specs/synthetic-1000.openapi.yaml"; build_runs=5; else build_spec="$bench/specs/synthetic-10.openapi.yaml"; build_runs=1; fi
cp "$build_spec" "$consumer/api.openapi.yaml"
cat > "$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$root/generator/CelerData.Generated/build/CelerData.Generated.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Refit" Version="16.4.0" />
    <ProjectReference Include="$root/generator/CelerData.Generated/CelerData.Generated.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <CelerDataSpec Include="api.openapi.yaml" Namespace="Consumer.Api" Condition="'\$(WithSpec)' == 'true'" />
  </ItemGroup>
  <Import Project="$root/generator/CelerData.Generated/build/CelerData.Generated.targets" />
</Project>
XML
echo 'namespace Consumer; internal static class Program { private static void Main() { } }' > "$consumer/Program.cs"
dotnet build "$consumer" -c Release -v quiet -nologo -p:WithSpec=true > /dev/null
dotnet build "$consumer" -c Release -v quiet -nologo -p:WithSpec=false > /dev/null
# Each timed build recompiles (Program.cs is touched) but restores and builds no reference: the compiler server is warm.
compare "$results/build.md" "$build_runs" 0 \
  "dotnet build, with the $(basename "$build_spec") spec" "touch '$consumer/Program.cs' && dotnet build '$consumer' -c Release --no-restore --no-dependencies -v quiet -nologo -p:WithSpec=true" \
  "dotnet build, same project without a spec" "touch '$consumer/Program.cs' && dotnet build '$consumer' -c Release --no-restore --no-dependencies -v quiet -nologo -p:WithSpec=false"
cat "$results/build.md"

fi

if want aot; then
say "Native AOT: binary size and time to the first token"
aot="$work/aot"
if [[ $mode == full ]]; then aot_runs=60; else aot_runs=1; fi
for app in GeneratedTokenApp RefitTokenApp; do
  dotnet publish "$bench/aot/$app" -c Release -v quiet -nologo -o "$aot/$app" > /dev/null
done
{
  echo "| App | Binary size (bytes) | Size ratio | First token, in-app (ms after process start) |"
  echo "|---|---:|---:|---:|"
  base=$(stat -c %s "$aot/RefitTokenApp/RefitTokenApp")
  for app in RefitTokenApp GeneratedTokenApp; do
    size=$(stat -c %s "$aot/$app/$app")
    inapp=$(for _ in 1 2 3; do "$aot/$app/$app"; done | sed -n 's/.*, \([0-9.]*\) ms after.*/\1/p' | sort -n | sed -n 2p)
    echo "| $app | $size | $(awk "BEGIN {printf \"%.3f\", $size / $base}") | $inapp (median of 3) |"
  done
} > "$results/aot-size.md"
for app in RefitTokenApp GeneratedTokenApp; do "$aot/$app/$app" > /dev/null; done
interleave "$results/aot-time.md" "$aot_runs" \
  "Refit + STJ generators (RefitTokenApp)" "$aot/RefitTokenApp/RefitTokenApp" \
  "CelerData.Generated (GeneratedTokenApp)" "$aot/GeneratedTokenApp/GeneratedTokenApp"
cat "$results/aot-size.md" "$results/aot-time.md"
fi

if [[ $mode == full ]]; then
  say "docs/benchmarks.md"
  dotnet "$dll" write-doc "$root/docs/benchmarks.md" "$results"
fi
say "Done ($mode)"
