#!/usr/bin/env bash
# Grades your exercises and tells you what to do next.
#
#   ./run-checks.sh                     every exercise
#   ./run-checks.sh --exercise 1.3      one exercise (repeat, or a list: 1.3,1.4)
#   ./run-checks.sh --chapter 1         one chapter (repeat, or a list: 1,3)
#   ./run-checks.sh --explain 1.3       the instructions of exercise 1.3 (add --lang zh for 中文)
#   ./run-checks.sh --classroom DIR --csv class.csv --json class.json --gradebook grades.csv --class-page class.html
#                                       for instructors: grade a whole class (README, "Classroom")
#   ./run-checks.sh --classroom-workflow   for instructors: write GitHub Classroom's workflow from tools/classroom/points.tsv
#   ./run-checks.sh --watch             keep running: grade an exercise again each time you save it
#   ./run-checks.sh --report report.html   also write a visual report (one HTML page, works offline)
#   ./run-checks.sh --help              all options (--subject, --json, --badges, --accept, --timeout, --lang)
#
# It builds the runner and runs it: the runner compiles your exercises/ itself (an exercise that does not
# compile is reported as such, the others are graded) and grades each exercise in a supervised process with
# a time and memory limit (--memory MB). Exit code: 0 when every selected exercise passes, 1 otherwise (also
# when an exercise does not compile), 2 for a mistake on the command line. The twin for PowerShell is run-checks.ps1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$root/tools/Runner/DeepLearningKata.Runner.csproj"
dll="$root/tools/Runner/bin/Release/net10.0/DeepLearningKata.Runner.dll"

# On a terminal, say what the first seconds are for; the runner's first line overwrites it.
if [ -t 2 ]; then printf 'Building…\r' >&2; fi
# The runner does not contain your code (it compiles exercises/ itself, one exercise at a time), so a mistake
# of yours never stops this build: if it fails, the kata's own tools could not be built or restored.
if ! build="$(dotnet build "$project" -c Release --nologo -v quiet -tl:off -clp:NoSummary 2>&1)"; then
  { echo "The kata's grading tool could not be built (this is not about your exercises):"; printf '%s\n' "$build"; } >&2
  exit 1
fi

# Grading a class runs each learner's code in an OS sandbox (bubblewrap, on Linux): install it when missing and we can.
for arg in "$@"; do
  if [ "$arg" = --classroom ]; then "$root/tools/classroom/install-sandbox.sh"; break; fi
done

exec dotnet "$dll" "$@"
