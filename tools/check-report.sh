#!/usr/bin/env bash
# Renders the visual report (run-checks --report) in a real headless browser, for the reference and for the
# untouched stubs, and checks what the browser built: the scoreboard is there, one section per chapter,
# nothing is fetched from the network. Screenshots land beside the reports, to look at.
#
#   tools/check-report.sh [OUT_DIR]        (default: .kata/report-check)
#
# Needs chromium: installed here with apt-get (Debian's package) when missing and running as root.
# Exit code 0 when both reports pass the checks.
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

check() {
  local name="$1" subject="$2"
  local html="$out/$name.html" png="$out/$name.png" dom="$out/$name.dom.html"
  echo "Report for the $name ($subject):"
  rm -f "$html"
  # Not everything passes for the stubs: the exit code is not the point here, the page is.
  "$root/run-checks.sh" --subject "$subject" --report "$html" > "$out/$name.log" 2>&1 || true
  if [ ! -s "$html" ]; then fail "no report was written (see $out/$name.log)"; return; fi
  browse --screenshot="$png" --window-size=1200,2000 "file://$html" > /dev/null
  browse --dump-dom "file://$html" > "$dom"
  if [ -s "$png" ]; then pass "screenshot $png"; else fail "no screenshot"; fi
  if grep -q 'id="scoreboard"' "$dom"; then pass "the scoreboard is there"; else fail "no scoreboard in the DOM"; fi
  local rows sections
  rows="$(grep -o '<tr data-chapter="[0-9]*"' "$dom" | wc -l || true)"
  sections="$(grep -o '<section class="chapter" id="chapter-[0-9]*"' "$dom" | wc -l || true)"
  if [ "$rows" -gt 0 ] && [ "$rows" -eq "$sections" ]; then pass "$sections chapters: a scoreboard row and a section each"; else fail "$rows scoreboard rows but $sections chapter sections"; fi
  local external
  external="$(grep -oiE '(src|href|action|srcset|poster)=["'"'"']?(https?:)?//[^"'"'"' >]*|url\((["'"'"'])?(https?:)?//[^)]*|<link[^>]*>|<script[^>]*src[^>]*>|@import' "$dom" || true)"
  if [ -z "$external" ]; then pass "no external URL"; else fail "external references: $external"; fi
  local plots subject_curves
  plots="$(grep -o '<figure class="plot"' "$dom" | wc -l || true)"
  subject_curves="$(grep -o 'class="subject"' "$dom" | wc -l || true)"
  pass "$plots figures, $subject_curves curve segments of the subject's own"
  if [ "$subject" = reference ] && [ "$plots" -gt 0 ] && [ "$subject_curves" -eq 0 ]; then fail "the reference ran but drew no curve of its own"; fi
}

check reference reference
check stubs learner
if [ "$failures" -gt 0 ]; then echo "$failures problem(s)."; exit 1; fi
echo "Both reports look right. Look at the screenshots: $out/reference.png $out/stubs.png"
