#!/usr/bin/env python3
"""The NumPy side of the engine benchmark (tools/benchmark.sh runs both sides together).

It measures what tools/Benchmark measures for the engine, the same way:
  * the matrix product of two 512x512 float64 matrices (np.dot), in GFLOP/s: 3 warm-up runs, then the
    median of the timed runs;
  * one training step of the book's two-layer net (784-50-10, ReLU, softmax with cross-entropy loss,
    batch 100, SGD with learning rate 0.1, weights 0.01*N(0,1), biases 0, a fresh random mini-batch each
    step), in ms/step: warm-up steps, then the median of the timed steps. A step is the book's training
    loop body: gather the batch (x_train[batch_mask]), network.gradient (forward, loss, backward), then
    params[key] -= lr * grad[key]. The loss reported is the one the gradient's forward pass computed.

Data: --data FILE reads the data set, starting weights and batch indices the engine side wrote (format in
tools/Benchmark/SyntheticData.cs), so both sides compute the same numbers and their losses agree to
rounding. Without --data the same recipe is drawn here with NumPy's generator: inputs uniform in [0, 1)
(784 features), labels argmax((x - 0.5) @ R) for a fixed R ~ N(0, 1) of shape (784, 10).

Threads and kernel are set by the caller, e.g.
  env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 tools/benchmark_numpy.py
(OPENBLAS_CORETYPE=Haswell, set on the benchmark machines, would force OpenBLAS's AVX2 kernels.)
"""
import argparse
import ctypes
import json
import os
import sys
import time

import numpy as np

INPUT, HIDDEN, CLASSES, BATCH = 784, 50, 10, 100
LEARNING_RATE = 0.1


# ---------------------------------------------------------------- data

def load(path):
    """Reads the engine's data file: magic DLKB1, six int32, then the arrays (little-endian)."""
    with open(path, "rb") as f:
        if f.read(5) != b"DLKB1":
            sys.exit(f"{path} is not a benchmark data file")
        samples, inputs, hidden, classes, batch, steps = np.fromfile(f, dtype="<i4", count=6)
        x = np.fromfile(f, dtype="<f8", count=samples * inputs).reshape(samples, inputs)
        labels = np.fromfile(f, dtype="<i4", count=samples)
        w1 = np.fromfile(f, dtype="<f8", count=inputs * hidden).reshape(inputs, hidden)
        w2 = np.fromfile(f, dtype="<f8", count=hidden * classes).reshape(hidden, classes)
        indices = np.fromfile(f, dtype="<i4", count=steps * batch).reshape(steps, batch)
    t = np.zeros((samples, classes))
    t[np.arange(samples), labels] = 1.0
    return x, t, w1, w2, indices


def generate(samples, steps, seed):
    """The same recipe as the engine side, drawn with NumPy's generator."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 1.0, (samples, INPUT))
    teacher = rng.standard_normal((INPUT, CLASSES))
    labels = np.argmax((x - 0.5) @ teacher, axis=1)
    t = np.zeros((samples, CLASSES))
    t[np.arange(samples), labels] = 1.0
    w1 = 0.01 * rng.standard_normal((INPUT, HIDDEN))
    w2 = 0.01 * rng.standard_normal((HIDDEN, CLASSES))
    indices = rng.integers(0, samples, (steps, BATCH))
    return x, t, w1, w2, indices


# ---------------------------------------------------------------- the book's layers (common/layers.py)

class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = None
        self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class SoftmaxWithLoss:
    def __init__(self):
        self.y = self.t = None

    def forward(self, x, t):
        # Subtracting each row's maximum keeps exp from overflowing and does not change the result.
        e = np.exp(x - np.max(x, axis=1, keepdims=True))
        self.y = e / np.sum(e, axis=1, keepdims=True)
        self.t = t
        return -np.sum(t * np.log(self.y + 1e-7)) / x.shape[0]

    def backward(self, dout=1):
        return (self.y - self.t) * (dout / self.t.shape[0])


class TwoLayerNet:
    def __init__(self, W1, W2):
        self.params = {"W1": W1, "b1": np.zeros(W1.shape[1]), "W2": W2, "b2": np.zeros(W2.shape[1])}
        self.layers = [Affine(self.params["W1"], self.params["b1"]), Relu(),
                       Affine(self.params["W2"], self.params["b2"])]
        self.last_layer = SoftmaxWithLoss()

    def gradient(self, x, t):
        for layer in self.layers:
            x = layer.forward(x)
        loss = self.last_layer.forward(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads = {"W1": self.layers[0].dW, "b1": self.layers[0].db,
                 "W2": self.layers[2].dW, "b2": self.layers[2].db}
        return loss, grads


# ---------------------------------------------------------------- measurements

def train(x_train, t_train, w1, w2, indices, warmup):
    net = TwoLayerNet(w1.copy(), w2.copy())
    times, losses = [], []
    for step, batch_mask in enumerate(indices):
        start = time.perf_counter()
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        loss, grad = net.gradient(x_batch, t_batch)
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] -= LEARNING_RATE * grad[key]
        elapsed = time.perf_counter() - start
        losses.append(float(loss))
        if step >= warmup:
            times.append(elapsed)
    return times, losses


def gemm(runs, n=512):
    rng = np.random.default_rng(42)
    a = rng.standard_normal((n, n))
    b = rng.standard_normal((n, n))
    for _ in range(3):
        np.dot(a, b)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        np.dot(a, b)
        times.append(time.perf_counter() - start)
    return times


def blas_info():
    """Which BLAS NumPy loaded, and for OpenBLAS its build, chosen kernel and thread count."""
    info = {"library": "unknown"}
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line.lower() and ".so" in line}
        if libs:
            info["library"] = ", ".join(sorted(libs))
        for lib in libs:
            if "openblas" in lib:
                openblas = ctypes.CDLL(lib)
                openblas.openblas_get_config.restype = ctypes.c_char_p
                openblas.openblas_get_corename.restype = ctypes.c_char_p
                info["config"] = openblas.openblas_get_config().decode()
                info["core"] = openblas.openblas_get_corename().decode()
                info["threads"] = openblas.openblas_get_num_threads()
                break
    except (OSError, AttributeError):
        pass
    return info


def median(values):
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="data file written by the engine benchmark")
    parser.add_argument("--steps", type=int, default=1000, help="timed steps (without --data)")
    parser.add_argument("--warmup", type=int, default=200, help="untimed steps first")
    parser.add_argument("--samples", type=int, default=10000, help="data set rows (without --data)")
    parser.add_argument("--gemm-runs", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print one JSON object (for the engine benchmark)")
    args = parser.parse_args()

    if args.data:
        x, t, w1, w2, indices = load(args.data)
    else:
        x, t, w1, w2, indices = generate(args.samples, args.warmup + args.steps, 2024)
    np.dot(x[:2], w1)  # loads the BLAS library, so blas_info can see it
    gemm_times = gemm(args.gemm_runs)
    step_times, losses = train(x, t, w1, w2, indices, args.warmup)
    result = {
        "numpy": np.__version__,
        "blas": blas_info(),
        "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS", "(unset)"),
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
        "step_seconds": step_times,
        "gemm_seconds": gemm_times,
        "losses": losses,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"NumPy {result['numpy']}, BLAS {result['blas']}")
    print(f"OPENBLAS_NUM_THREADS={result['openblas_num_threads']} OPENBLAS_CORETYPE={result['openblas_coretype']}")
    print(f"two-layer step: {median(step_times) * 1e3:.3f} ms (median of {len(step_times)})")
    print(f"dot 512:        {2 * 512 ** 3 / median(gemm_times) / 1e9:.1f} GFLOP/s (median of {len(gemm_times)})")
    print(f"loss: step 1 {losses[0]:.6f}, step {len(losses)} {losses[-1]:.6f}")


if __name__ == "__main__":
    main()
