using System.Diagnostics;

namespace DeepLearningKata.Benchmark;

/// <summary>
/// Where a training step's time goes: the step written out operation by operation (the same operations
/// as the chapter-5 reference layers), with a timestamp after each, run for many steps; the median of each.
/// </summary>
internal static class Profile
{
    public static void Print(SyntheticData data, string setting)
    {
        Tensor w1 = data.W1.Copy(), b1 = Tensor.Zeros(SyntheticData.Hidden), w2 = data.W2.Copy(), b2 = Tensor.Zeros(SyntheticData.Classes);
        const double lr = SyntheticData.LearningRate;
        var names = new List<string>();
        var samples = new List<List<double>>();
        var stamp = 0L;
        var part = 0;

        void Mark(string name)
        {
            var now = Stopwatch.GetTimestamp();
            if (samples.Count <= part)
            {
                names.Add(name);
                samples.Add([]);
            }
            samples[part++].Add(Stopwatch.GetElapsedTime(stamp, now).TotalMicroseconds);
            stamp = Stopwatch.GetTimestamp();
        }

        var total = new List<double>();
        for (var step = 0; step < data.Steps; step++)
        {
            var batch = data.BatchOf(step);
            part = 0;
            var start = Stopwatch.GetTimestamp();
            stamp = start;
            var x = data.X.Rows(batch);
            var t = data.T.Rows(batch);
            Mark("gather the batch: x, t (Rows)");
            var a1 = Np.Dot(x, w1);
            _ = a1[0, 0]; // a product is computed when first read
            Mark("x·W1  (100×784)·(784×50)");
            a1 += b1;
            Mark("+ b1");
            var mask = a1 > 0;
            var z1 = a1 * mask;
            Mark("ReLU: mask = a1 > 0, a1 * mask");
            var a2 = Np.Dot(z1, w2) + b2;
            Mark("z1·W2 + b2  (100×50)·(50×10)");
            var e = Np.Exp(a2 - a2.Max(axis: 1, keepdims: true));
            var y = e / e.Sum(axis: 1, keepdims: true);
            Mark("softmax");
            _ = -(t * Np.Log(y + 1e-7)).Sum() / 100;
            Mark("cross-entropy loss");
            var dy = (y - t) * (1.0 / 100);
            Mark("dy = (y − t)/N");
            var dw2 = Np.DotTransposeA(z1, dy);
            var db2 = dy.Sum(axis: 0);
            var dz1 = Np.DotTransposeB(dy, w2);
            Mark("layer 2 backward: dW2, db2, dz1");
            var da1 = dz1 * mask;
            Mark("ReLU backward: dz1 * mask");
            var dw1 = Np.DotTransposeA(x, da1);
            Mark("dW1 = xᵀ·da1  (784×100)·(100×50)");
            var db1 = da1.Sum(axis: 0);
            Mark("db1 = Σ da1");
            _ = Np.Dot(da1, w1.T); // as 5.4 writes it; computed only when read, and a training step never reads it
            Mark("dx = da1·W1ᵀ  (100×50)·(50×784)");
            w1.SubtractInPlace(dw1, lr);
            Mark("SGD: W1.SubtractInPlace(dW1, lr)");
            b1.SubtractInPlace(db1, lr);
            w2.SubtractInPlace(dw2, lr);
            b2.SubtractInPlace(db2, lr);
            Mark("SGD: b1, W2, b2");
            total.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        var median = Measure.Median(total);
        Console.WriteLine();
        Console.WriteLine($"Profile of the engine's step, {setting}, " +
            $"timed in place over {data.Steps} steps (medians, µs; the first {Math.Min(200, data.Steps / 4)} steps are left out):");
        var skip = Math.Min(200, data.Steps / 4);
        var sum = 0.0;
        for (var i = 0; i < names.Count; i++)
        {
            var m = Measure.Median(samples[i].Skip(skip).ToArray());
            sum += m;
            Console.WriteLine($"  {names[i],-36} {m,8:F1}   {m / median,5:P0}");
        }
        Console.WriteLine($"  {"sum of the medians",-36} {sum,8:F1};  median of whole steps {Measure.Median(total.Skip(skip).ToArray()):F1}");
    }
}
