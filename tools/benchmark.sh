#!/usr/bin/env bash
# The engine against NumPy, side by side: one training step of the book's two-layer net (ms/step), the
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
# The engine allocates a new array per operation, as NumPy does; NumPy's allocator hands back blocks still
# in cache, .NET's collector needs a young generation large enough for a few steps' temporaries. 16 MB and
# keeping freed memory committed (no page faults, ~10 µs per page on these VMs) is that setting; both are
# ordinary runtime settings of the .NET process, like OPENBLAS_NUM_THREADS on the NumPy side.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x1000000}" DOTNET_GCRetainVM="${DOTNET_GCRetainVM:-1}"
# Full collections done in the foreground (no background GC): a training step of the SimpleConvNet frees several
# 14 MB arrays, which live in the large-object heap and are freed only by full collections. Swept in the background,
# their memory was handed back to the OS and faulted in again by the next step (a profile of the layers under load:
# about 8,000 page faults per step, against about 2,300 collected in the foreground; how many remain depends on how
# long a step takes, as the collector returns unused memory over time). On 2 cores a background collector also
# competes with the step for a core. An ordinary runtime setting, like the two above.
export DOTNET_gcConcurrent="${DOTNET_gcConcurrent:-0}"
exec dotnet tools/Benchmark/bin/Release/net10.0/DeepLearningKata.Benchmark.dll --python "$python" "$@"
