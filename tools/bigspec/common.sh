# What the big-spec scripts share (sourced by run.sh, compile-alone.sh and aot.sh): the description they measure,
# copying a project out of the repository, and reading /usr/bin/time -v's figures and a build's warnings.

# The version of @octokit/openapi whose api.github.com.json is the big description.
octokit_version=23.0.2

# fetch_spec WORK: fetches the description from npm into WORK once (package/generated/) and prints its path.
fetch_spec() {
  local spec="$1/package/generated/api.github.com.json"
  if [ ! -f "$spec" ]; then
    (cd "$1" && npm pack --silent "@octokit/openapi@$octokit_version" >/dev/null && tar xzf "octokit-openapi-$octokit_version.tgz") ||
      { echo "could not fetch @octokit/openapi@$octokit_version from npm" >&2; return 1; }
  fi
  echo "$spec"
}

# copy_project SOURCE DEST REPO SPEC: copies a project of tools/bigspec/projects out of the repository (so that its
# Directory.Build.props and central versions do not apply), with @REPO@ and @SPEC@ written in.
copy_project() {
  mkdir -p "$2"
  local f
  for f in "$1"/*; do
    sed -e "s|@REPO@|$3|g" -e "s|@SPEC@|$4|g" "$f" > "$2/$(basename "$f")"
  done
}

# time_figures LOG: time -v's figures from a log, tab-separated: wall (s), user (s), sys (s), max RSS (MB).
time_figures() {
  awk -F': ' '
    /User time \(seconds\)/ { user = $2 }
    /System time \(seconds\)/ { sys = $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    /Elapsed \(wall clock\) time/ {
      n = split($NF, t, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + t[i]
    }
    END { printf "%.1f\t%.1f\t%.1f\t%.0f", wall, user, sys, rss }' "$1"
}

# warning_codes LOG: the code of each distinct warning in a build log, one per line.
warning_codes() { { grep -E ': warning [A-Z]+[0-9]+' "$1" || true; } | sort -u | sed -E 's/.*: warning ([A-Z]+[0-9]+).*/\1/'; }

# count_by_code: codes on standard input counted, most first ("CS8618 12, CDG0023 3").
count_by_code() { sort | uniq -c | sort -rn | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }'; }

# warnings_by_code LOG and warning_count LOG: a build log's distinct warnings by code, and their total.
warnings_by_code() { warning_codes "$1" | count_by_code; }
warning_count() { warning_codes "$1" | wc -l; }
