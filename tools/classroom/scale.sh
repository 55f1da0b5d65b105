#!/usr/bin/env bash
# Grades a generated class of N submissions twice and says what it cost:
#
#   tools/classroom/scale.sh N [runner options]     e.g.  tools/classroom/scale.sh 200
#                                                          tools/classroom/scale.sh 50 --chapter 1,2
#
# The class is made by make-sample-class.sh in a temporary folder (removed at the end; KEEP=1 keeps it): a mix,
# by index, of solved, partly done, wrong, not compiling and empty submissions (SAMPLE_KINDS overrides the mix). It is
# graded with ./run-checks.sh --classroom --parallel 2 (PARALLEL=…) on chapters 1 to 3 unless options are given.
# Printed: the wall time, the time per submission, the peak memory (the resident memory of the runner and every
# process below it — workers, bwrap — summed, sampled every 0.2 s: a peak shorter than that can be missed), and the
# load average before and after. The second run must write byte-identical CSV, JSON, gradebook and class page (cmp).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:?usage: scale.sh N [runner options]}"; shift
options=("$@")
if [ ${#options[@]} -eq 0 ]; then options=(--chapter 1,2,3); fi
parallel="${PARALLEL:-2}"
work="$(mktemp -d "${TMPDIR:-/tmp}/kata-scale-$n-XXXXXX")"
cleanup() { if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work"; fi; }
trap cleanup EXIT

export SAMPLE_KINDS="${SAMPLE_KINDS:-solved partly wrong broken-exercise empty}"
t0=$(date +%s.%N)
"$root/tools/classroom/make-sample-class.sh" "$work/class" "$n" >/dev/null
awk -v s="$t0" -v e="$(date +%s.%N)" -v n="$n" -v k="$SAMPLE_KINDS" 'BEGIN { printf "Made %d submissions (%s) in %.0f s\n", n, k, e - s }'

# Builds the runner (and installs the sandbox when it can) once, outside the timed runs.
"$root/run-checks.sh" --help >/dev/null || { echo "scale.sh: the runner could not be built" >&2; exit 1; }
"$root/tools/classroom/install-sandbox.sh"
dll="$root/tools/Runner/bin/Release/net10.0/DeepLearningKata.Runner.dll"

# Peak of the summed resident memory (kB) of process $1 and all below it, until it ends; written to file $2.
sample() {
  local pid="$1" out="$2" peak=0 now
  while kill -0 "$pid" 2>/dev/null; do
    now=$(ps -e -o pid=,ppid=,rss= | awk -v top="$pid" '
      { parent[$1] = $2; rss[$1] = $3 }
      END { for (p in parent) { q = p; while (q != "" && q != 0 && q != top) q = parent[q]; if (q == top) sum += rss[p] } print sum + 0 }')
    if [ "$now" -gt "$peak" ]; then peak=$now; fi
    sleep 0.2
  done
  echo "$peak" > "$out"
}

run() { # run I: grades the class, writes its outputs as $work/out-I.*
  local i="$1" start end peak code
  echo "== run $i: --classroom --parallel $parallel ${options[*]}   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  start=$(date +%s.%N)
  set +e
  dotnet "$dll" --classroom "$work/class" --parallel "$parallel" "${options[@]}" \
    --csv "$work/out-$i.csv" --json "$work/out-$i.json" --gradebook "$work/out-$i.grades.csv" --class-page "$work/out-$i.html" \
    >"$work/out-$i.log" 2>&1 &
  local pid=$!
  sample "$pid" "$work/peak-$i" &
  local sampler=$!
  wait "$pid"; code=$?
  wait "$sampler"
  set -e
  end=$(date +%s.%N)
  peak=$(cat "$work/peak-$i")
  grep -E "OS sandbox|Graded [0-9]" "$work/out-$i.log" | sed 's/^ */   /'
  awk -F, 'NR > 1 && !seen[$1]++ { n[$3]++ } END { for (s in n) printf "   %d %s\n", n[s], s }' "$work/out-$i.csv" | sort -k2
  awk -v s="$start" -v e="$end" -v n="$n" -v p="$peak" -v c="$code" 'BEGIN {
    w = e - s; printf "   wall %.1f s, %.2f s per submission, peak memory %.0f MB (runner + workers), exit code %d\n", w, w / n, p / 1024, c }'
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

run 1
run 2
same=0
for f in csv json grades.csv html; do
  if cmp -s "$work/out-1.$f" "$work/out-2.$f"; then echo "   same: out.$f ($(wc -c <"$work/out-1.$f") bytes)"
  else echo "   DIFFERENT: out.$f"; cmp "$work/out-1.$f" "$work/out-2.$f" | head -n 1; same=1; fi
done
if [ "$same" -eq 0 ]; then echo "The two runs wrote byte-identical CSV, JSON, gradebook and class page."; fi
exit "$same"
