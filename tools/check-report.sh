#!/usr/bin/env bash
# Renders the visual report (run-checks --report) in a real headless browser and checks what the browser built,
# for three subjects:
#   reference  the kata's solutions: every golden figure (golden/**/*.verified.png) drawn in its exercise's item;
#   stubs      the untouched exercises/: nothing started, so no figure at all;
#   learner    a scratch copy of exercises/ with a few exercises solved (the reference rewritten into the stub, as
#              tools/classroom/make-sample-class.sh does) and 3.2 answered wrongly: each started exercise's figures in
#              its own item, after its failure, with a legend naming "yours" and "reference"; none for an exercise not
#              started (4.5 has a golden figure and is left as a stub).
# Everywhere: the scoreboard, one section per chapter, nothing fetched from the network, every chart an inline <svg>
# whose text holds its figure's axis labels. Screenshots land beside the reports, to look at.
#
#   tools/check-report.sh [OUT_DIR]        (default: .kata/report-check)
#
# Needs chromium: installed here with apt-get (Debian's package) when missing and running as root.
# Exit code 0 when the three reports pass the checks.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/.kata/report-check}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
find_browser() { command -v chromium || command -v chromium-browser || command -v google-chrome || true; }
browser="$(find_browser)"
if [ -z "$browser" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "check-report: installing Debian's chromium ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser="$(find_browser)"
fi
if [ -z "$browser" ]; then
  echo "check-report: no chromium found; install it (Debian: apt-get install -y chromium)." >&2
  exit 2
fi

failures=0
fail() { echo "  ✗ $*"; failures=$((failures + 1)); }
pass() { echo "  ✓ $*"; }

# Runs the browser on a report without any network (every host name resolves to nothing) and a fresh profile.
browse() {
  local profile
  profile="$(mktemp -d)"
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$profile" --hide-scrollbars "$@" 2>/dev/null
  rm -rf "$profile"
}

# One line per exercise item of a DOM: "ID STATE CHARTS YOURS REFERENCE THISRUN AFTER_FAILURE NOPLOT LABELS_MISSING".
# CHARTS: <svg class="chart"> inside <figure class="plot">; YOURS/REFERENCE/THISRUN: legend texts ending so;
# AFTER_FAILURE: 1 when every chart comes after the item's "What went wrong" (or there is none);
# LABELS_MISSING: figures whose data-x-label or data-y-label is not the text of one of their SVG's <text> elements.
items() {
  awk 'BEGIN { RS = "<li class=\"exercise "; }
    NR > 1 {
      rec = $0; sub(/<\/li>.*/, "", rec)
      gsub(/[ \t\r\n]+/, " ", rec); gsub(/> /, ">", rec); gsub(/ </, "<", rec)
      state = rec; sub(/".*/, "", state)
      id = rec; sub(/^[^"]*" id="ex-/, "", id); sub(/".*/, "", id); gsub(/-/, ".", id)
      charts = gsub(/<figure class="plot"[^>]*><svg class="chart"/, "&", rec)
      yours = gsub(/ \(yours\)<\/text>/, "&", rec)
      refs = gsub(/ \(reference\)<\/text>/, "&", rec)
      run = gsub(/ \(this run\)<\/text>/, "&", rec)
      noplot = gsub(/class="no-plot"/, "&", rec)
      wrong = index(rec, "What went wrong"); first = index(rec, "<svg")
      after = (first == 0 || wrong == 0 || first > wrong) ? 1 : 0
      missing = 0; rest = rec
      while ((at = index(rest, "<figure class=\"plot\"")) > 0) {
        rest = substr(rest, at); fig = rest; sub(/<\/figure>.*/, "", fig); rest = substr(rest, 2)
        x = fig; sub(/.*data-x-label="/, "", x); sub(/".*/, "", x)
        y = fig; sub(/.*data-y-label="/, "", y); sub(/".*/, "", y)
        if (index(fig, ">" x "</text>") == 0 || (y != "" && index(fig, ">" y "</text>") == 0)) missing++
      }
      print id, state, charts, yours, refs, run, after, noplot, missing
    }' "$1"
}

# The report of a subject, rendered: screenshot, DOM, the checks every report must pass. Leaves $dom and $rows set.
render() {
  local name="$1" subject="$2"; shift 2
  local html="$out/$name.html" png="$out/$name.png"
  dom="$out/$name.dom.html"
  echo "Report for the $name ($subject):"
  rm -f "$html" "$dom"
  # Not everything passes: the exit code is not the point here, the page is.
  env "$@" "$root/run-checks.sh" --subject "$subject" ${grade:+$grade} --report "$html" > "$out/$name.log" 2>&1 || true
  if [ ! -s "$html" ]; then fail "no report was written (see $out/$name.log)"; rows=""; return 1; fi
  browse --screenshot="$png" --window-size=1200,2000 "file://$html" > /dev/null
  browse --dump-dom "file://$html" > "$dom"
  if [ -s "$png" ]; then pass "screenshot $png"; else fail "no screenshot"; fi
  if grep -q 'id="scoreboard"' "$dom"; then pass "the scoreboard is there"; else fail "no scoreboard in the DOM"; fi
  local scoreboard sections
  scoreboard="$(grep -o '<tr data-chapter="[0-9]*"' "$dom" | wc -l || true)"
  sections="$(grep -o '<section class="chapter" id="chapter-[0-9]*"' "$dom" | wc -l || true)"
  if [ "$scoreboard" -gt 0 ] && [ "$scoreboard" -eq "$sections" ]; then pass "$sections chapters: a scoreboard row and a section each"; else fail "$scoreboard scoreboard rows but $sections chapter sections"; fi
  local external
  external="$(grep -oiE '(src|href|action|srcset|poster)=["'"'"']?(https?:)?//[^"'"'"' >]*|url\((["'"'"'])?(https?:)?//[^)]*|<link[^>]*>|<script[^>]*src[^>]*>|@import' "$dom" || true)"
  if [ -z "$external" ]; then pass "no external URL"; else fail "external references: $external"; fi
  rows="$(items "$dom")"
  local charts outside bytes
  charts="$(grep -o '<svg class="chart"' "$dom" | wc -l || true)"
  outside="$(awk '{ n += $3 } END { print n + 0 }' <<<"$rows")"
  if [ "$charts" -eq "$outside" ]; then pass "$charts charts, each in its exercise's item"; else fail "$charts charts on the page, $outside of them in an exercise's item"; fi
  if awk '$3 > 0 && $2 == "not-started" { bad = 1 } END { exit bad }' <<<"$rows"; then pass "no chart for an exercise not started"; else fail "charts for exercises not started: $(awk '$3 > 0 && $2 == "not-started" { printf "%s ", $1 }' <<<"$rows")"; fi
  if awk '$9 > 0 { bad = 1 } END { exit bad }' <<<"$rows"; then pass "every chart shows its figure's axis labels"; else fail "axis labels missing in the charts of: $(awk '$9 > 0 { printf "%s ", $1 }' <<<"$rows")"; fi
  if awk '$7 == 0 { bad = 1 } END { exit bad }' <<<"$rows"; then pass "every chart comes after its exercise's failure"; else fail "a chart before its failure in: $(awk '$7 == 0 { printf "%s ", $1 }' <<<"$rows")"; fi
  bytes="$(wc -c < "$html")"
  if [ "$bytes" -le $((4 * 1024 * 1024)) ]; then pass "the page is $((bytes / 1024)) KB"; else fail "the page is $((bytes / 1024)) KB (more than 4 MB)"; fi
}

# Exercises with a golden figure, one per figure: "3.2" twice for its relu and sigmoid.
golden_figures() { find "$root/golden" -name '*.verified.png' -printf '%f\n' | sed -E 's/^([0-9]+\.[0-9]+)-.*/\1/' | sort; }

# 1. The reference: every golden figure drawn, legend "(this run)" over "(reference)".
grade=""
if render reference reference; then
  expected="$(golden_figures | wc -l)"
  drawn="$(awk '{ n += $3 } END { print n + 0 }' <<<"$rows")"
  if [ "$drawn" -eq "$expected" ]; then pass "all $expected golden figures drawn"; else fail "$drawn charts for $expected golden figures (golden/**/*.verified.png)"; fi
  if awk '$3 > 0 && ($5 == 0 || $6 == 0) { bad = 1 } END { exit bad }' <<<"$rows"; then pass "every legend names \"(this run)\" and \"(reference)\""; else fail "a legend without \"(this run)\" or \"(reference)\" in: $(awk '$3 > 0 && ($5 == 0 || $6 == 0) { printf "%s ", $1 }' <<<"$rows")"; fi
fi

# 2. The pristine stubs: nothing started, nothing drawn.
if render stubs learner; then
  charts="$(grep -c '<svg' "$dom" || true)"
  if [ "$charts" -eq 0 ]; then pass "no chart at all"; else fail "$charts <svg> elements, where nothing was started"; fi
fi

# 3. A learner's copy: some exercises solved, 3.2 wrong, 4.5 (with a golden figure) not started.
copy="$out/learner-copy"
rm -rf "$copy"
mkdir -p "$copy"
cp -r "$root/exercises" "$copy/"
ln -s "$root/golden" "$copy/golden"
ln -s "$root/data" "$copy/data"
# shellcheck source=classroom/solve.sh
source "$root/tools/classroom/solve.sh"
for id in 3.1 3.2 4.7 6.1 6.2 7.1; do solve "$copy" "$id"; done # 7.1's reference holds Windows, which Guards.cs uses
cat > "$(ls "$copy"/exercises/Chapter03/3.2-*/*.cs | head -n 1)" <<'EOF'
namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    public static Tensor Sigmoid(Tensor x) => 1.0 / (1.0 + Np.Exp(-2.0 * x));

    public static Tensor Relu(Tensor x) => Np.Maximum(0.0, x);

    public static Tensor Identity(Tensor x) => x.Copy();
}
EOF
grade="--chapter 3,4,6"
if render learner learner KATA_ROOT="$copy"; then
  row() { awk -v id="$1" '$1 == id' <<<"$rows"; }
  read -r _ state charts yours refs _ <<<"$(row 3.2)"
  if [ "$state" = failed ] && [ "$charts" -eq 2 ] && [ "$yours" -ge 2 ] && [ "$refs" -ge 2 ]; then
    pass "3.2 (wrong) failed, its 2 figures beside the failure, legends naming \"(yours)\" and \"(reference)\""
  else
    fail "3.2 should have failed with 2 charts naming \"(yours)\" and \"(reference)\": $(row 3.2)"
  fi
  first="$(awk 'BEGIN { RS = "<li class=\"exercise " } /id="ex-3-2"/ && match($0, /data-figure="[^"]*"/) { print substr($0, RSTART + 13, RLENGTH - 14) }' "$dom")"
  if [ "$first" = sigmoid ]; then pass "3.2's wrong figure (sigmoid) comes first, under the failure"; else fail "3.2's first figure is \"$first\", not the wrong one (sigmoid)"; fi
  read -r _ state charts _ <<<"$(row 4.5)"
  if [ "$state" = not-started ] && [ "$charts" -eq 0 ]; then pass "4.5, not started, shows no chart"; else fail "4.5 should be not started, without a chart: $(row 4.5)"; fi
  if awk '$3 > 0 && ($4 == 0 || $5 == 0) { bad = 1 } END { exit bad }' <<<"$rows"; then pass "every legend names \"(yours)\" and \"(reference)\""; else fail "a legend without \"(yours)\" or \"(reference)\" in: $(awk '$3 > 0 && ($4 == 0 || $5 == 0) { printf "%s ", $1 }' <<<"$rows")"; fi
  started="$(awk '$2 != "not-started" && $3 == 0 { printf "%s ", $1 }' <<<"$rows")"
  for id in $started; do
    if golden_figures | grep -qx "$id"; then fail "$id was graded and has a golden figure, but no chart"; fi
  done
fi

if [ "$failures" -gt 0 ]; then echo "$failures problem(s)."; exit 1; fi
echo "The three reports look right. Look at the screenshots: $out/reference.png $out/stubs.png $out/learner.png"
