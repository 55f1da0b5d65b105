#!/usr/bin/env bash
# Installs bubblewrap (bwrap), the OS sandbox classroom grading runs each learner's code in, when it is missing:
# on Linux with apt-get, as root or with sudo that needs no password. It never fails the caller: where bwrap cannot
# be had it says why on standard error, and the classroom run goes on without it (and says so at its start).
#
#   tools/classroom/install-sandbox.sh        used by ./run-checks.sh --classroom, .ci/run and the self-test
set -uo pipefail

command -v bwrap >/dev/null 2>&1 && exit 0
[ "$(uname -s)" = Linux ] || exit 0 # the runner says "no OS sandbox: it needs Linux"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "no OS sandbox yet: install bubblewrap with your package manager (it provides bwrap)." >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n)
else
  echo "no OS sandbox yet: bubblewrap is not installed, and installing it needs root (sudo apt-get install bubblewrap)." >&2
  exit 0
fi
echo "Installing bubblewrap, the OS sandbox for grading a class (apt-get install bubblewrap)…" >&2
log="$(mktemp)"
if "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 \
   && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >>"$log" 2>&1; then
  rm -f "$log"
else
  echo "could not install bubblewrap (the last lines of apt-get):" >&2
  tail -n 5 "$log" >&2
  rm -f "$log"
fi
exit 0
