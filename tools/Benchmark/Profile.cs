namespace DeepLearningKata.Benchmark;

/// <summary>
/// Where a training step's time goes: each operation of the step timed on its own, on the step's shapes.
/// The parts add up to roughly the step (allocation and cache effects shift a little between them).
/// </summary>
internal static class Profile
{
    public static void Print(SyntheticData data, LayerSet layers)
    {
        var net = new TwoLayerNet(layers, data.W1.Copy(), data.W2.Copy());
        var batch = data.BatchOf(0);
        var x = data.X.Rows(batch);
        var t = data.T.Rows(batch);
        Tensor w1 = net.Params["W1"], b1 = net.Params["b1"], w2 = net.Params["W2"], b2 = net.Params["b2"];
        var a1 = Np.Dot(x, w1) + b1;
        var mask = a1 > 0;
        var z1 = a1 * mask;
        var a2 = Np.Dot(z1, w2) + b2;
        var e = Np.Exp(a2 - a2.Max(axis: 1, keepdims: true));
        var y = e / e.Sum(axis: 1, keepdims: true);
        var dy = (y - t) * (1.0 / 100);
        var dz1 = Np.DotTransposeB(dy, w2);
        var da1 = dz1 * mask;
        var dw1 = Np.DotTransposeA(x, da1);

        var parts = new (string Name, Action Run)[]
        {
            ("gather batch x, t (Rows)", () => { data.X.Rows(batch); data.T.Rows(batch); }),
            ("x·W1 (100×784)·(784×50)", () => Np.Dot(x, w1)),
            ("+ b1", () => _ = a1 + b1),
            ("relu: mask = a1 > 0, a1 * mask", () => { _ = a1 > 0; _ = a1 * mask; }),
            ("z1·W2 (100×50)·(50×10) + b2", () => _ = Np.Dot(z1, w2) + b2),
            ("softmax", () => { var ee = Np.Exp(a2 - a2.Max(axis: 1, keepdims: true)); _ = ee / ee.Sum(axis: 1, keepdims: true); }),
            ("cross-entropy loss", () => _ = -(t * Np.Log(y + 1e-7)).Sum() / 100),
            ("dy = (y − t)/N", () => _ = (y - t) * (1.0 / 100)),
            ("dW2 = z1ᵀ·dy, db2 = Σ dy", () => { Np.DotTransposeA(z1, dy); dy.Sum(axis: 0); }),
            ("dz1 = dy·W2ᵀ", () => Np.DotTransposeB(dy, w2)),
            ("relu backward dz1 * mask", () => _ = dz1 * mask),
            ("dW1 = xᵀ·da1 (784×100)·(100×50)", () => Np.DotTransposeA(x, da1)),
            ("db1 = Σ da1", () => da1.Sum(axis: 0)),
            ("dx = da1·W1ᵀ (100×50)·(50×784)", () => Np.DotTransposeB(da1, w1)),
            ("SGD W1 (W1.Assign(W1 − lr·dW1))", () => w1.Assign(w1 - 0.0 * dw1)),
            ("SGD b1, W2, b2", () => { b1.Assign(b1 - 0.0 * b1); w2.Assign(w2 - 0.0 * w2); b2.Assign(b2 - 0.0 * b2); }),
        };
        var step = Measure.MedianSeconds(() => net.Step(data.X, data.T, batch, 0.0), 50);
        Console.WriteLine();
        Console.WriteLine($"Profile of one engine step (each part timed alone, median µs); whole step {step * 1e6:F1} µs:");
        var total = 0.0;
        foreach (var (name, run) in parts)
        {
            var seconds = Measure.MedianSeconds(run, 50);
            total += seconds;
            Console.WriteLine($"  {name,-36} {seconds * 1e6,8:F1}   {seconds / step,6:P0}");
        }
        Console.WriteLine($"  {"sum of the parts",-36} {total * 1e6,8:F1}   {total / step,6:P0}");
    }
}
