#!/usr/bin/env bash
# The reference solutions (what learners write) against NumPy, side by side: one training step of the book's
# two-layer net built from the chapter-5 references (ms/step), the
# matrix product at 512×512×512 (GFLOP/s), and one training step of the book's SimpleConvNet (chapter 7,
# ms/step; tools/benchmark_convnet.py is its NumPy side). See tools/Benchmark/Program.cs and PERFORMANCE.md.
#
#   tools/benchmark.sh [--rounds 3] [--steps 1000] [--warmup 200] [--profile] [--no-numpy]
#                      [--only twolayer|convnet] [--convnet-steps 40] [--convnet-warmup 5]
#
# The NumPy side is set up fairly: Debian's python3-numpy with OpenBLAS (libopenblas0-pthread; without it
# NumPy falls back to the slow reference BLAS), installed here with apt-get when missing and running as
# root. /usr/bin/python3 is used on purpose: a pyenv python3 earlier on PATH has no NumPy. The benchmark
# runs the NumPy script with OPENBLAS_CORETYPE removed (so OpenBLAS picks its AVX-512 kernel) and with
# OPENBLAS_NUM_THREADS=1 and =2, and compares the engine with the faster setting.
set -euo pipefail
cd "$(dirname "$0")/.."

python=/usr/bin/python3
have_numpy() { "$python" -c "import numpy" 2>/dev/null; }
have_openblas() { dpkg-query -W -f='${Status}' libopenblas0-pthread 2>/dev/null | grep -q "install ok installed"; }

if ! have_numpy || ! have_openblas; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing python3-numpy and libopenblas0-pthread ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy libopenblas0-pthread >/dev/null
  else
    echo "Note: python3-numpy with libopenblas0-pthread is missing and cannot be installed here (needs root and apt-get);"
    echo "      the NumPy side is skipped or uses whatever BLAS is present."
  fi
fi

dotnet build tools/Benchmark/DeepLearningKata.Benchmark.csproj -c Release -nologo -v q
# No runtime settings of its own: the engine runs as every program of the kata does (the runtimeconfig the project's
# build writes), so what is timed is what a learner gets. The machine's CPU and SIMD width are printed with the result.
exec dotnet tools/Benchmark/bin/Release/net10.0/DeepLearningKata.Benchmark.dll --python "$python" "$@"
