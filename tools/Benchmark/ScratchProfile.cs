using System.Diagnostics;
using System.Runtime.InteropServices;
using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;
namespace DeepLearningKata.Benchmark;
internal static class ScratchProfile
{
    [StructLayout(LayoutKind.Sequential)] struct Timespec { public long Sec, Nsec; }
    [DllImport("libc", EntryPoint = "clock_gettime")] static extern int ClockGettime(int clock, out Timespec ts);
    static double Cpu() { ClockGettime(3, out var t); return t.Sec * 1e3 + t.Nsec * 1e-6; }
    static long Faults() => long.Parse(File.ReadAllText("/proc/self/stat").Split(' ')[9]);
    public static void Run()
    {
        var r = new Random(1);
        var x = Tensor.RandomUniform(r, 0, 1, 100, 1, 28, 28);
        var W1 = Tensor.RandomNormal(r, 30, 1, 5, 5) * 0.01; var b1 = Tensor.Zeros(30);
        var W2 = Tensor.RandomNormal(r, 4320, 100) * 0.01; var b2 = Tensor.Zeros(100);
        var W3 = Tensor.RandomNormal(r, 100, 10) * 0.01; var b3 = Tensor.Zeros(10);
        ILayer[] layers = [new Convolution(W1, b1), new ReluLayer(), new MaxPooling(2, 2, stride: 2), new AffineLayer(W2, b2), new ReluLayer(), new AffineLayer(W3, b3)];
        var t = Tensor.Zeros(100, 10); for (int i = 0; i < 100; i++) t[i, i % 10] = 1;
        var last = new SoftmaxWithLossLayer();
        var names = new[] { "conv", "relu", "pool", "affine", "relu", "affine" };
        var fwd = new double[6]; var bwd = new double[6]; var ff = new long[6]; var bf = new long[6];
        var fc = new double[6]; var bc = new double[6];
        const int N = 30;
        double wall = 0, cpu = 0; long faults = 0;
        for (int it = 0; it < N + 5; it++)
        {
            var h = x;
            var s0 = Stopwatch.GetTimestamp(); var c0 = Cpu(); var g0 = Faults();
            for (int i = 0; i < 6; i++) { var f0 = Faults(); var c = Cpu(); var s = Stopwatch.GetTimestamp(); h = layers[i].Forward(h); if (it >= 5) { fwd[i] += Stopwatch.GetElapsedTime(s).TotalMilliseconds; fc[i] += Cpu() - c; ff[i] += Faults() - f0; } }
            last.Forward(h, t); var d = last.Backward(1.0);
            for (int i = 5; i >= 0; i--) { var f0 = Faults(); var c = Cpu(); var s = Stopwatch.GetTimestamp(); d = layers[i].Backward(d); if (it >= 5) { bwd[i] += Stopwatch.GetElapsedTime(s).TotalMilliseconds; bc[i] += Cpu() - c; bf[i] += Faults() - f0; } }
            if (it >= 5) { wall += Stopwatch.GetElapsedTime(s0).TotalMilliseconds; cpu += Cpu() - c0; faults += Faults() - g0; }
        }
        Console.WriteLine($"gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}  per step: wall {wall / N:F2} ms, thread cpu {cpu / N:F2} ms, faults {faults / N}");
        foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
        {
            var g = GC.GetGCMemoryInfo(kind);
            Console.WriteLine($"{kind}: index {g.Index} gen {g.Generation} compacted {g.Compacted} load {g.MemoryLoadBytes >> 20} MB high {g.HighMemoryLoadThresholdBytes >> 20} MB avail {g.TotalAvailableMemoryBytes >> 20} MB heap {g.HeapSizeBytes >> 20} MB committed {g.TotalCommittedBytes >> 20} MB promoted {g.PromotedBytes >> 20} MB frag {g.FragmentedBytes >> 20} MB " +
                string.Join(" ", Enumerable.Range(0, g.GenerationInfo.Length).Select(i => $"g{i}:{g.GenerationInfo[i].SizeBeforeBytes >> 20}->{g.GenerationInfo[i].SizeAfterBytes >> 20}")));
        }
        for (int i = 0; i < 6; i++) Console.WriteLine($"{names[i],-8} fwd {fwd[i] / N,8:F2} ms cpu {fc[i] / N,7:F2} ({ff[i] / N,6} faults)  bwd {bwd[i] / N,8:F2} ms cpu {bc[i] / N,7:F2} ({bf[i] / N,6} faults)");
    }
}
