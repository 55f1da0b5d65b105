using System.Diagnostics;
using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Benchmark;

/// <summary>
/// Where a SimpleConvNet step's time goes: each layer's Forward and Backward of the chapter-7 reference, the loss,
/// and Adam's update, timed in place with the page faults and collections of each (medians over the steps).
/// </summary>
internal static class ConvNetProfile
{
    // The reference net with its layers in reach (they are protected in SimpleConvNet).
    private sealed class OpenNet(ConvNetSettings settings, Random random) : SimpleConvNet(settings, random)
    {
        public IReadOnlyList<ILayer> Layers => layers;
        public ILossLayer Last => lastLayer;
    }

    /// <summary>The names of the reference's layers, in its order (the book's OrderedDict keys).</summary>
    private static readonly string[] LayerNames = ["Conv1", "Relu1", "Pool1", "Affine1", "Relu2", "Affine2"];

    public static void Print(int steps, int warmup)
    {
        var data = ConvNet.Create(samples: 1000, steps: warmup + steps);
        var net = new OpenNet(new ConvNetSettings(), new Random(ConvNet.Seed));
        foreach (var (name, p) in net.Params) p.Assign(data.Start[name]);
        var optimizer = new Chapter6Reference().CreateAdam(0.001);
        var names = new List<string>();
        var times = new List<List<double>>();
        var faults = new List<List<double>>();
        var part = 0;
        long stamp = 0, faultStamp = 0;

        void Mark(string name)
        {
            var now = Stopwatch.GetTimestamp();
            var f = Options.PageFaults();
            if (times.Count <= part)
            {
                names.Add(name);
                times.Add([]);
                faults.Add([]);
            }
            times[part].Add(Stopwatch.GetElapsedTime(stamp, now).TotalMilliseconds);
            faults[part++].Add(f - faultStamp);
            faultStamp = Options.PageFaults();
            stamp = Stopwatch.GetTimestamp();
        }

        var total = new List<double>();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBefore = GC.GetTotalPauseDuration();
        for (var step = 0; step < data.Steps; step++)
        {
            if (step == warmup)
            {
                gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                pauseBefore = GC.GetTotalPauseDuration();
            }
            part = 0;
            var start = Stopwatch.GetTimestamp();
            faultStamp = Options.PageFaults();
            stamp = start;
            var x = data.X.Rows(data.BatchOf(step));
            var t = data.T.Rows(data.BatchOf(step));
            Mark("gather the batch");
            x = x.Reshape(x.Dim(0), 1, 28, 28);
            for (var i = 0; i < net.Layers.Count; i++)
            {
                x = net.Layers[i].Forward(x);
                Mark($"{LayerNames[i]} forward");
            }
            net.Last.Forward(x, t);
            var dout = net.Last.Backward(1.0);
            Mark("softmax with loss, forward and backward");
            for (var i = net.Layers.Count - 1; i >= 0; i--)
            {
                dout = net.Layers[i].Backward(dout);
                Mark($"{LayerNames[i]} backward");
            }
            var grads = new Dictionary<string, Tensor>
            {
                ["W1"] = net.Layers[0].Grads["W"], ["b1"] = net.Layers[0].Grads["b"],
                ["W2"] = net.Layers[3].Grads["W"], ["b2"] = net.Layers[3].Grads["b"],
                ["W3"] = net.Layers[5].Grads["W"], ["b3"] = net.Layers[5].Grads["b"],
            };
            optimizer.Update(net.Params, grads);
            Mark("Adam update");
            if (step >= warmup) total.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var median = Measure.Median(total);
        Console.WriteLine();
        Console.WriteLine($"Profile of the engine's SimpleConvNet step, {steps} steps after {warmup} of warm-up (medians, ms; page faults per step, mean):");
        var sum = 0.0;
        for (var i = 0; i < names.Count; i++)
        {
            var m = Measure.Median(times[i].Skip(warmup).ToArray());
            sum += m;
            Console.WriteLine($"  {names[i],-40} {m,8:F2}   {m / median,5:P0}   faults {faults[i].Skip(warmup).Average(),7:F0}");
        }
        Console.WriteLine($"  {"sum of the medians",-40} {sum,8:F2};  median of whole steps {median:F2}; collections gen0/1/2 " +
            $"{GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}, " +
            $"paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / steps:F2} ms per step");
    }
}
