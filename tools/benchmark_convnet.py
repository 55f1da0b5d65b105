#!/usr/bin/env python3
"""The NumPy side of the SimpleConvNet benchmark (tools/benchmark.sh runs both sides together).

One training step of the book's SimpleConvNet (chapter 7), in ms/step: warm-up steps, then the median of
the timed steps. The network and its layers are the book's recipe, written here again:

  Conv(30 filters 5x5, stride 1, pad 0) - ReLU - MaxPool(2x2, stride 2) - Affine(4320 -> 100) - ReLU
  - Affine(100 -> 10) - SoftmaxWithLoss, input 1x28x28, batch 100, weights 0.01*N(0,1), biases 0,
  Adam with learning rate 0.001 (beta1 0.9, beta2 0.999, the bias correction folded into the step).

Convolution and pooling go through im2col / col2im with the loop over the filter window (fh, fw) and
array slicing for the rest, as the book's common/util.py does. A step is the training loop body: gather
the batch (x_train[batch_mask]), network.gradient (forward, loss, backward), then optimizer.update.

Data: --data FILE reads the data set, starting weights and batch indices the engine side wrote (magic
DLKC1; format in tools/Benchmark/ConvNetData.cs), so both sides compute the same numbers and their losses
agree to rounding. Without --data the same recipe is drawn here: inputs uniform in [0, 1), labels uniform.

Threads and kernel are set by the caller, e.g.
  env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 tools/benchmark_convnet.py
"""
import argparse
import json
import os
import sys
import time

import numpy as np

# The layers both benchmarks share, as the book's common/layers.py has them.
from benchmark_numpy import Relu, SoftmaxWithLoss, median

CHANNELS, HEIGHT, WIDTH = 1, 28, 28
FILTERS, FILTER_SIZE, STRIDE, PAD = 30, 5, 1, 0
POOL = 2
HIDDEN, CLASSES, BATCH = 100, 10, 100
LEARNING_RATE = 0.001


# ---------------------------------------------------------------- data

def load(path):
    """Reads the engine's data file: magic DLKC1, eight int32, then the arrays (little-endian)."""
    with open(path, "rb") as f:
        if f.read(5) != b"DLKC1":
            sys.exit(f"{path} is not a convnet benchmark data file")
        samples, c, h, w, classes, batch, steps, filters = np.fromfile(f, dtype="<i4", count=8)
        x = np.fromfile(f, dtype="<f8", count=samples * c * h * w).reshape(samples, c, h, w)
        labels = np.fromfile(f, dtype="<i4", count=samples)
        w1 = np.fromfile(f, dtype="<f8", count=filters * c * FILTER_SIZE * FILTER_SIZE).reshape(
            filters, c, FILTER_SIZE, FILTER_SIZE)
        pooled = filters * ((h - FILTER_SIZE + 1) // POOL) * ((w - FILTER_SIZE + 1) // POOL)
        w2 = np.fromfile(f, dtype="<f8", count=pooled * HIDDEN).reshape(pooled, HIDDEN)
        w3 = np.fromfile(f, dtype="<f8", count=HIDDEN * classes).reshape(HIDDEN, classes)
        indices = np.fromfile(f, dtype="<i4", count=steps * batch).reshape(steps, batch)
    t = np.zeros((samples, classes))
    t[np.arange(samples), labels] = 1.0
    return x, t, (w1, w2, w3), indices


def generate(samples, steps, seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 1.0, (samples, CHANNELS, HEIGHT, WIDTH))
    labels = rng.integers(0, CLASSES, samples)
    t = np.zeros((samples, CLASSES))
    t[np.arange(samples), labels] = 1.0
    pooled = FILTERS * ((HEIGHT - FILTER_SIZE + 1) // POOL) * ((WIDTH - FILTER_SIZE + 1) // POOL)
    w1 = 0.01 * rng.standard_normal((FILTERS, CHANNELS, FILTER_SIZE, FILTER_SIZE))
    w2 = 0.01 * rng.standard_normal((pooled, HIDDEN))
    w3 = 0.01 * rng.standard_normal((HIDDEN, CLASSES))
    indices = rng.integers(0, samples, (steps, BATCH))
    return x, t, (w1, w2, w3), indices


# ---------------------------------------------------------------- im2col, col2im

def im2col(x, fh, fw, stride=1, pad=0):
    n, c, h, w = x.shape
    oh = (h + 2 * pad - fh) // stride + 1
    ow = (w + 2 * pad - fw) // stride + 1
    img = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((n, c, fh, fw, oh, ow))
    for y in range(fh):
        y_max = y + stride * oh
        for x_ in range(fw):
            x_max = x_ + stride * ow
            col[:, :, y, x_, :, :] = img[:, :, y:y_max:stride, x_:x_max:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(n * oh * ow, -1)


def col2im(col, shape, fh, fw, stride=1, pad=0):
    n, c, h, w = shape
    oh = (h + 2 * pad - fh) // stride + 1
    ow = (w + 2 * pad - fw) // stride + 1
    col = col.reshape(n, oh, ow, c, fh, fw).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1))
    for y in range(fh):
        y_max = y + stride * oh
        for x_ in range(fw):
            x_max = x_ + stride * ow
            img[:, :, y:y_max:stride, x_:x_max:stride] += col[:, :, y, x_, :, :]
    return img[:, :, pad:h + pad, pad:w + pad]


# ---------------------------------------------------------------- layers

class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad
        self.x = self.col = self.col_W = None
        self.dW = self.db = None

    def forward(self, x):
        fn, c, fh, fw = self.W.shape
        n, c, h, w = x.shape
        oh = (h + 2 * self.pad - fh) // self.stride + 1
        ow = (w + 2 * self.pad - fw) // self.stride + 1
        col = im2col(x, fh, fw, self.stride, self.pad)
        col_W = self.W.reshape(fn, -1).T
        out = np.dot(col, col_W) + self.b
        self.x, self.col, self.col_W = x, col, col_W
        return out.reshape(n, oh, ow, -1).transpose(0, 3, 1, 2)

    def backward(self, dout):
        fn, c, fh, fw = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, fn)
        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.col.T, dout).transpose(1, 0).reshape(fn, c, fh, fw)
        dcol = np.dot(dout, self.col_W.T)
        return col2im(dcol, self.x.shape, fh, fw, self.stride, self.pad)


class Pooling:
    def __init__(self, ph, pw, stride=1, pad=0):
        self.ph, self.pw, self.stride, self.pad = ph, pw, stride, pad
        self.x = self.arg_max = None

    def forward(self, x):
        n, c, h, w = x.shape
        oh = (h - self.ph) // self.stride + 1
        ow = (w - self.pw) // self.stride + 1
        col = im2col(x, self.ph, self.pw, self.stride, self.pad).reshape(-1, self.ph * self.pw)
        self.arg_max = np.argmax(col, axis=1)
        self.x = x
        return np.max(col, axis=1).reshape(n, oh, ow, c).transpose(0, 3, 1, 2)

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)
        size = self.ph * self.pw
        dmax = np.zeros((dout.size, size))
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (size,))
        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        return col2im(dcol, self.x.shape, self.ph, self.pw, self.stride, self.pad)



class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.original_x_shape = None
        self.dW = self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)



class SimpleConvNet:
    def __init__(self, w1, w2, w3):
        self.params = {"W1": w1, "b1": np.zeros(w1.shape[0]), "W2": w2, "b2": np.zeros(w2.shape[1]),
                       "W3": w3, "b3": np.zeros(w3.shape[1])}
        self.layers = [Convolution(self.params["W1"], self.params["b1"], STRIDE, PAD), Relu(),
                       Pooling(POOL, POOL, POOL), Affine(self.params["W2"], self.params["b2"]), Relu(),
                       Affine(self.params["W3"], self.params["b3"])]
        self.last_layer = SoftmaxWithLoss()

    def gradient(self, x, t):
        for layer in self.layers:
            x = layer.forward(x)
        loss = self.last_layer.forward(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads = {"W1": self.layers[0].dW, "b1": self.layers[0].db, "W2": self.layers[3].dW,
                 "b2": self.layers[3].db, "W3": self.layers[5].dW, "b3": self.layers[5].db}
        return loss, grads


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2 = lr, beta1, beta2
        self.iter = 0
        self.m = self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {k: np.zeros_like(v) for k, v in params.items()}
            self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for key in params:
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


# ---------------------------------------------------------------- measurement

def train(x_train, t_train, weights, indices, warmup):
    net = SimpleConvNet(*(w.copy() for w in weights))
    optimizer = Adam(LEARNING_RATE)
    times, losses = [], []
    for step, batch_mask in enumerate(indices):
        start = time.perf_counter()
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        loss, grads = net.gradient(x_batch, t_batch)
        optimizer.update(net.params, grads)
        elapsed = time.perf_counter() - start
        losses.append(float(loss))
        if step >= warmup:
            times.append(elapsed)
    return times, losses



def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="data file written by the engine benchmark")
    parser.add_argument("--steps", type=int, default=60, help="timed steps (without --data)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed steps first")
    parser.add_argument("--samples", type=int, default=2000, help="data set rows (without --data)")
    parser.add_argument("--json", action="store_true", help="print one JSON object (for the engine benchmark)")
    args = parser.parse_args()

    if args.data:
        x, t, weights, indices = load(args.data)
    else:
        x, t, weights, indices = generate(args.samples, args.warmup + args.steps, 2024)
    step_times, losses = train(x, t, weights, indices, args.warmup)
    result = {
        "numpy": np.__version__,
        "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS", "(unset)"),
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
        "step_seconds": step_times,
        "losses": losses,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"NumPy {result['numpy']}; OPENBLAS_NUM_THREADS={result['openblas_num_threads']} "
          f"OPENBLAS_CORETYPE={result['openblas_coretype']}")
    print(f"SimpleConvNet step: {median(step_times) * 1e3:.2f} ms (median of {len(step_times)})")
    print(f"loss: step 1 {losses[0]:.6f}, step {len(losses)} {losses[-1]:.6f}")


if __name__ == "__main__":
    main()
