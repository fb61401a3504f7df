#!/usr/bin/env bash
# GitHub's whole client published as Native AOT (issue 11): the trimming and AOT warnings of the publish (there must be
# none besides the generator's own CDG diagnostics), its wall and processor time and peak memory, the binary's size,
# and a run of the binary (a JSON round trip and a call to a loopback server; tools/bigspec/projects/aot/Program.cs).
#
#   bash tools/bigspec/aot.sh [--work DIR]
#
# Like run.sh it fetches @octokit/openapi from npm into the work directory (a new temporary one unless --work is given;
# never inside the repository) and copies the project there. Exit code 0 when the publish has no trimming or AOT
# warning and the binary exits 0.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -z "$work" ]; then work="$(mktemp -d /tmp/bigspec-aot.XXXXXX)"; fi
mkdir -p "$work"
case "$(cd "$work" && pwd)/" in "$repo"/*) echo "--work must be outside the repository" >&2; exit 2 ;; esac
echo "work directory: $work"

spec="$(fetch_spec "$work")"
project="$work/aot"
rm -rf "$project"
copy_project "$repo/tools/bigspec/projects/aot" "$project" "$repo" "$spec"

if ! (cd "$project" && dotnet restore > "$work/aot-restore.log" 2>&1); then
  echo "restore failed; log: $work/aot-restore.log" >&2
  exit 1
fi
status=0
/usr/bin/time -v dotnet publish "$project" -c Release --no-restore -o "$project/publish" \
  > "$work/aot-publish.log" 2> "$work/aot-publish.time" || status=$?
if [ "$status" -ne 0 ]; then
  grep -E ': error ' "$work/aot-publish.log" | sort -u | head -20 >&2 || true
  echo "publish failed ($status); log: $work/aot-publish.log" >&2
  exit 1
fi

figures="$(time_figures "$work/aot-publish.time" | awk -F'\t' '{ printf "%s s wall, %.1f s processor, %s MB peak", $1, $2 + $3, $4 }')"
generator_warnings="$(warning_codes "$work/aot-publish.log" | grep -c '^CDG' || true)"
other="$(warning_codes "$work/aot-publish.log" | { grep -v '^CDG' || true; } | count_by_code)"
binary="$project/publish/Aot"
size="$(stat -c %s "$binary")"

echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc), $(date -u '+%Y-%m-%d %H:%M UTC'), checkout $(git -C "$repo" rev-parse --short HEAD)"
echo "publish: $figures"
echo "binary: $size bytes"
echo "generator warnings (CDG): $generator_warnings; trimming, AOT and compiler warnings: ${other:-none}"
run=0
# The binary makes one loopback call; two minutes is far beyond what it needs (124 is timeout's code).
timeout 120 "$binary" || run=$?
echo "binary exit code: $run"
if [ -n "$other" ] || [ "$run" -ne 0 ]; then
  exit 1
fi
