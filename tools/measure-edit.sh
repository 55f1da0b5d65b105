#!/usr/bin/env bash
# Times "edit → verdict" as a learner meets it: save exercise 1.3 (alternately right and wrong), then grade it,
# several times, with each entry point; prints every time and the median, with the machine it ran on.
#
#   dotnet test --filter TestCategory=1.3        (the IDE's and the design card's way)
#   ./run-checks.sh --exercise 1.3               (the runner)
#   watch mode                                   (tools/measure-watch.sh, the same edits)
#
# It works in a fresh clone of this repository's HEAD in a temporary folder (built once before timing), so
# your own exercises are not touched.
#
#   tools/measure-edit.sh [RUNS]          (default: 7)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
git clone -q "$root" "$scratch/kata"
cd "$scratch/kata"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stub=exercises/Chapter01/1.3-SigmoidDerivative/SigmoidDerivative.cs
todo='throw new NotImplementedException("Exercise 1.3 (SigmoidDerivative) is not started yet.");'
if ! grep -qF "$todo" "$stub"; then echo "measure-edit: exercise 1.3's stub has changed; nothing to measure with." >&2; exit 2; fi
original="$(cat "$stub")"
edit() { # $1: the run's number; odd runs save a right answer, even ones a wrong one
  local body
  if [ $(($1 % 2)) -eq 1 ]; then body='var s = Earlier.Sigmoid(x); return s * (1 - s);'; else body='var s = Earlier.Sigmoid(x); return s * (1 + s);'; fi
  printf '%s\n' "${original/"$todo"/$body}" > "$stub"
}

echo "measure-edit: building once (not timed) …"
dotnet test --filter TestCategory=1.3 > /dev/null 2>&1 || true
./run-checks.sh --exercise 1.3 > /dev/null 2>&1 || true

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
measure() { # $1: label; the rest: the command
  local label="$1"; shift
  local times=()
  for i in $(seq 1 "$runs"); do
    edit "$i"
    local start end
    start="$(date +%s.%N)"
    "$@" > "$scratch/out" 2>&1 || true
    end="$(date +%s.%N)"
    if ! grep -qE "SigmoidDerivative|Passed!|Failed!" "$scratch/out"; then echo "measure-edit: $label gave no verdict:" >&2; cat "$scratch/out" >&2; exit 1; fi
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%-44s median %6.2f s   (runs: %s)\n' "$label" "$(median "${times[@]}")" "$(printf '%.2f ' "${times[@]}")"
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //') · $(nproc) cores · load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
measure "dotnet test --filter TestCategory=1.3" dotnet test --filter TestCategory=1.3 --logger "console;verbosity=minimal"
measure "./run-checks.sh --exercise 1.3" ./run-checks.sh --exercise 1.3
printf '%s\n' "$original" > "$stub"
echo "watch mode:"
tools/measure-watch.sh "$runs" | tail -n 2
