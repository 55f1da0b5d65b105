#!/usr/bin/env bash
# Mutation testing of the checks: Stryker.NET mutates the reference solutions of the exercises
# (engine/Reference/ChapterNN/N.M-Title.cs; not the chapter classes' plumbing), and for each mutant runs
# "the reference passes every check of exercise X" (checks/Mutation, one NUnit test per exercise).
# A mutant the checks do not reject is a gap in the checks, or an equivalent mutant listed with its
# reason in tools/mutation/equivalent.md. The spans of tools/mutation/equivalent-spans.txt (code whose every
# mutant is equivalent) are left out of every run that mutates their file.
#
#   tools/mutation/run.sh                 every chapter (one Stryker run per chapter, found from the folders)
#   tools/mutation/run.sh --chapter 3     one chapter (repeat, or a list: 1,3)
#   tools/mutation/run.sh --slice         the fixed slice CI runs (tools/mutation/slice.txt)
#   tools/mutation/run.sh --slice-file F  a slice of your own: exercise files listed in F as in slice.txt
#                                         (e.g. chapter 7 without the training exercise 7.5)
#   tools/mutation/run.sh --concurrency 2 test sessions in parallel (default 2)
#   tools/mutation/run.sh --min 90        the score every chapter must reach (default 90)
#
# Reports: StrykerOutput/ChapterNN/reports/mutation-report.html (and .json). It prints the score per
# chapter, the survivors, and the wall time. Exit code 0 when every chapter run reaches --min, 1 when
# one does not or Stryker fails, 2 for a mistake on the command line.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# A mutated reference fails golden checks on purpose: with CI set, no .received. file is ever written.
export CI="${CI:-mutation-run}"

chapters=()
slice=0
sliceFile=tools/mutation/slice.txt
concurrency=2
min=90
while [ $# -gt 0 ]; do
  case "$1" in
    --chapter) [ $# -ge 2 ] || { echo "--chapter needs a number" >&2; exit 2; }
               IFS=',' read -r -a more <<<"$2"; chapters+=("${more[@]}"); shift 2 ;;
    --slice) slice=1; shift ;;
    --slice-file) [ $# -ge 2 ] || { echo "--slice-file needs a file" >&2; exit 2; }
                  slice=1; sliceFile="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --concurrency) [ $# -ge 2 ] || { echo "--concurrency needs a number" >&2; exit 2; }; concurrency="$2"; shift 2 ;;
    --min) [ $# -ge 2 ] || { echo "--min needs a number" >&2; exit 2; }; min="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

# The chapters built so far: folders engine/Reference/ChapterNN holding exercise files (N.M-Title.cs).
if [ ${#chapters[@]} -eq 0 ]; then
  for dir in engine/Reference/Chapter[0-9][0-9]; do
    if compgen -G "$dir/[0-9]*.cs" >/dev/null; then chapters+=("$((10#${dir##*Chapter}))"); fi
  done
fi

dotnet tool restore >/dev/null

# The exclusions for the exercise files a run mutates (tools/mutation/equivalent-spans.txt): for each entry
# "FILE | CODE" whose FILE matches one of the globs given (paths under engine/Reference/), a Stryker pattern
# -m "!**/FILE{start..end}" over the characters of CODE, counted in UTF-16 code units as Roslyn counts them.
excluded=()
exclusions() {
  excluded=()
  local line file code text prefix rest start length glob match
  while IFS= read -r line; do
    file="${line%% | *}"; code="${line#* | }"
    match=0
    for glob in "$@"; do
      # shellcheck disable=SC2053 # the glob is a pattern on purpose
      if [[ "$file" == $glob ]]; then match=1; fi
    done
    [ "$match" -eq 1 ] || continue
    [ -f "engine/Reference/$file" ] || { echo "equivalent-spans.txt names engine/Reference/$file, which does not exist" >&2; exit 2; }
    text="$(cat "engine/Reference/$file")"
    case "$text" in
      *"$code"*) ;;
      *) echo "equivalent-spans.txt: \"$code\" is not in engine/Reference/$file (update the list with the reference)" >&2; exit 2 ;;
    esac
    prefix="${text%%"$code"*}"
    rest="${text#"$prefix$code"}"
    case "$rest" in
      *"$code"*) echo "equivalent-spans.txt: \"$code\" is in engine/Reference/$file more than once" >&2; exit 2 ;;
    esac
    start=$(( $(printf '%s' "$prefix" | iconv -f UTF-8 -t UTF-16LE | wc -c) / 2 ))
    length=$(( $(printf '%s' "$code" | iconv -f UTF-8 -t UTF-16LE | wc -c) / 2 ))
    excluded+=(-m "!**/$file{$start..$((start + length))}")
  done < <(grep -vE '^[[:space:]]*(#|$)' tools/mutation/equivalent-spans.txt)
}

# One Stryker run: -O output folder, then mutate options and the test filter.
stryker() {
  local out="$1" filter="$2"; shift 2
  rm -rf "$out"
  # Stryker runs from the test project's folder (at the root it would take the solution instead).
  (cd checks/Mutation && dotnet stryker -f ../../tools/mutation/stryker-config.json "$@" \
      --test-case-filter "$filter" --concurrency "$concurrency" -O "$out")
}

start=$(date +%s)
reports=()
status=0
if [ "$slice" -eq 1 ]; then
  # The slice: the exercise files listed in slice.txt, in one Stryker run (one build), each graded by
  # its own exercise's test.
  mutate=(); filter=""
  while read -r f; do
    [ -f "engine/Reference/$f" ] || { echo "slice.txt names engine/Reference/$f, which does not exist" >&2; exit 2; }
    mutate+=(-m "**/$f")
    id="$(basename "$f")"; id="${id%%-*}"
    filter="${filter:+$filter|}TestCategory=Exercise$id"
  done < <(grep -vE '^[[:space:]]*(#|$)' "$sliceFile")
  sliceFiles=()
  while read -r f; do sliceFiles+=("$f"); done < <(grep -vE '^[[:space:]]*(#|$)' "$sliceFile")
  exclusions "${sliceFiles[@]}"
  mutate+=("${excluded[@]}")
  out="$root/StrykerOutput/Slice"
  [ "$sliceFile" = tools/mutation/slice.txt ] || out="$root/StrykerOutput/Slice-$(basename "${sliceFile%.*}")"
  echo "== slice ($sliceFile): mutating ${mutate[*]//-m /}"
  if stryker "$out" "$filter" "${mutate[@]}"; then
    reports+=("$out/reports/mutation-report.json")
  else
    echo "FAIL: Stryker failed on the slice" >&2; status=1
  fi
else
  for n in "${chapters[@]}"; do
    nn=$(printf '%02d' "$n")
    [ -d "engine/Reference/Chapter$nn" ] || { echo "no chapter $n: engine/Reference/Chapter$nn does not exist" >&2; exit 2; }
    echo "== chapter $n: mutating engine/Reference/Chapter$nn/[0-9]*.cs"
    t0=$(date +%s)
    exclusions "Chapter$nn/[0-9]*.cs"
    [ ${#excluded[@]} -eq 0 ] || echo "== chapter $n: equivalent spans left out: ${excluded[*]//-m /}"
    if stryker "$root/StrykerOutput/Chapter$nn" "TestCategory=Chapter$n" -m "**/Chapter$nn/[0-9]*.cs" "${excluded[@]}"; then
      reports+=("$root/StrykerOutput/Chapter$nn/reports/mutation-report.json")
    else
      echo "FAIL: Stryker failed on chapter $n" >&2; status=1
    fi
    echo "== chapter $n: $(( $(date +%s) - t0 )) s"
  done
fi

echo
echo "== mutation score per chapter$([ "$slice" -eq 1 ] && echo " (slice: $sliceFile)")"
if [ ${#reports[@]} -gt 0 ]; then
  dotnet run tools/mutation/Score.cs -- --min "$min" --survivors "${reports[@]}" || status=1
else
  echo "no report" >&2; status=1
fi
echo "== HTML reports: $(for r in "${reports[@]}"; do printf '%s ' "${r%.json}.html"; done)"
echo "== wall time: $(( $(date +%s) - start )) s"
exit "$status"
