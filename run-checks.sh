#!/usr/bin/env bash
# Grades your exercises and tells you what to do next.
#
#   ./run-checks.sh                     every exercise
#   ./run-checks.sh --exercise 1.3      one exercise (repeat, or a list: 1.3,1.4)
#   ./run-checks.sh --chapter 1         one chapter (repeat, or a list: 1,3)
#   ./run-checks.sh --explain 1.3       the instructions of exercise 1.3 (add --lang zh for 中文)
#   ./run-checks.sh --classroom DIR --csv class.csv --json class.json
#                                       for instructors: grade a whole class (README, "Classroom")
#   ./run-checks.sh --watch             keep running: grade an exercise again each time you save it
#   ./run-checks.sh --report report.html   also write a visual report (one HTML page, works offline)
#   ./run-checks.sh --help              all options (--subject, --json, --badges, --accept, --timeout, --lang)
#
# It builds the runner (and with it your exercises/) and runs it; each exercise is graded in a separate
# process with a time limit. Exit code: 0 when every selected exercise passes, 1 otherwise (also when
# the code does not compile), 2 for a mistake on the command line. The twin for PowerShell is run-checks.ps1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$root/tools/Runner/DeepLearningKata.Runner.csproj"
dll="$root/tools/Runner/bin/Release/net10.0/DeepLearningKata.Runner.dll"

# On a terminal, say what the first seconds are for; the runner's first line overwrites it.
if [ -t 2 ]; then printf 'Building…\r' >&2; fi
if ! build="$(dotnet build "$project" -c Release --nologo -v quiet -tl:off -clp:NoSummary 2>&1)"; then
  {
    echo "The code does not compile, so nothing could be graded. Fix this first:"
    # "/…/exercises/X.cs(21,9): error CS1002: ; expected [/…/Y.csproj]"  ->  "exercises/X.cs:21:9: error CS1002: ; expected"
    errors="$(printf '%s\n' "$build" | grep -E ': error [A-Za-z]+[0-9]+' \
      | sed -E -e "s|^[[:space:]]*||" -e "s|^${root//|/\\|}/||" -e 's| \[[^]]*\]$||' -e 's|\(([0-9]+),([0-9]+)\): error|:\1:\2: error|' \
      | awk '!seen[$0]++' || true)"
    if [ -n "$errors" ]; then printf '%s\n' "$errors" | sed 's|^|  |'; else printf '%s\n' "$build"; fi
  } >&2
  # Watch mode compiles your exercises itself: with a runner built before, it can wait for your fix.
  watch=false
  for arg in "$@"; do if [ "$arg" = --watch ]; then watch=true; fi; done
  if ! $watch || [ ! -f "$dll" ]; then exit 1; fi
  echo "Watching anyway: save the fix and it is graded." >&2
fi

exec dotnet "$dll" "$@"
