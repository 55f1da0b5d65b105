#!/usr/bin/env bash
# Times watch mode from saving a file to seeing its verdict, several times, and prints the median.
# It works on a scratch copy of exercises/ and golden/ (KATA_ROOT), so your own exercises are not touched:
# it saves exercise 1.3 alternately right and wrong, and waits for the verdict line each time.
#
#   tools/measure-watch.sh [RUNS]          (default: 7)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
dll="$root/tools/Runner/bin/Release/net10.0/DeepLearningKata.Runner.dll"
dotnet build "$root/tools/Runner/DeepLearningKata.Runner.csproj" -c Release --nologo -v quiet -tl:off -clp:NoSummary > /dev/null

scratch="$(mktemp -d)"
touch "$scratch/DeepLearningKata.sln"
cp -r "$root/exercises" "$root/golden" "$scratch/"
rm -rf "$scratch/exercises/bin" "$scratch/exercises/obj"
stub="$scratch/exercises/Chapter01/1.3-SigmoidDerivative/SigmoidDerivative.cs"
todo='throw new NotImplementedException("Exercise 1.3 (SigmoidDerivative) is not started yet.");'
if ! grep -qF "$todo" "$stub"; then echo "measure-watch: exercise 1.3's stub has changed; nothing to measure with." >&2; exit 2; fi
original="$(cat "$stub")"
out="$scratch/watch.out"

KATA_ROOT="$scratch" NO_COLOR=1 dotnet "$dll" --watch --exercise 1.3 > "$out" 2>&1 &
pid=$!
trap 'cp "$out" "${TMPDIR:-/tmp}/measure-watch.out" 2>/dev/null; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$scratch"' EXIT

verdicts() { grep -c '1\.3 SigmoidDerivative — ' "$out" || true; }
waited=0
until grep -q 'Watching' "$out"; do
  sleep 0.1; waited=$((waited + 1))
  if [ "$waited" -gt 1800 ] || ! kill -0 "$pid" 2>/dev/null; then echo "watch mode did not start:" >&2; cat "$out" >&2; exit 1; fi
done

times=()
for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) -eq 1 ]; then body='var s = Earlier.Sigmoid(x); return s * (1 - s);'; else body='var s = Earlier.Sigmoid(x); return s * (1 + s);'; fi
  before="$(verdicts)"
  start="$(date +%s.%N)"
  printf '%s\n' "${original/"$todo"/$body}" > "$stub"
  until [ "$(verdicts)" -gt "$before" ]; do
    sleep 0.02
    if ! kill -0 "$pid" 2>/dev/null; then echo "watch mode ended:" >&2; cat "$out" >&2; exit 1; fi
  done
  end="$(date +%s.%N)"
  t="$(echo "$end - $start" | bc)"
  times+=("$t")
  printf 'save %d → %s\n' "$i" "$(grep '1\.3 SigmoidDerivative — ' "$out" | tail -1)"
  sleep 1
  printf '  %.2f s   watch mode says: %s\n' "$t" "$(grep -o '(graded.*)' "$out" | tail -1)"
done
median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')"
printf 'save → verdict over %d saves: median %.2f s (min %.2f, max %.2f); load average: %s\n' "$runs" "$median" \
  "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
