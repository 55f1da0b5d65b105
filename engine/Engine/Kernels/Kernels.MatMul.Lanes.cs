using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeepLearningKata;

// The matrix product's micro-kernel is written once, generic over the width of the machine's vectors.
// Each "lanes" type below wraps one SIMD register (or one double, for machines without SIMD) and says
// how large a tile of C its registers can hold. The JIT specialises the kernel for each struct, and the
// wrappers vanish: what runs is the bare vector instructions.
internal static unsafe partial class Kernels
{
    /// <summary>One register's worth of doubles and the tile shape it supports.</summary>
    internal interface ILanes<TSelf> where TSelf : struct, ILanes<TSelf>
    {
        /// <summary>Doubles per register.</summary>
        static abstract int Count { get; }

        /// <summary>Rows of C per tile (MR): one broadcast element of A each.</summary>
        static abstract int Rows { get; }

        /// <summary>Registers across the widest tile (NR / Count).</summary>
        static abstract int MaxVectors { get; }

        static abstract TSelf Load(double* source);

        static abstract TSelf Broadcast(double value);

        /// <summary><c>a·b + c</c>, fused into one instruction where the hardware has FMA.</summary>
        static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);

        static abstract TSelf Add(TSelf a, TSelf b);

        void Store(double* destination);
    }

    // AVX-512: 32 registers. A 6×32 tile takes 24 accumulators, 4 for a row of B and 1 for A: 29, no spills.
    internal readonly struct Lanes512 : ILanes<Lanes512>
    {
        private readonly Vector512<double> _v;
        private Lanes512(Vector512<double> v) => _v = v;
        public static int Count => 8;
        public static int Rows => 6;
        public static int MaxVectors => 4;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512 Load(double* source) => new(Vector512.Load(source));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512 Broadcast(double value) => new(Vector512.Create(value));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512 MultiplyAdd(Lanes512 a, Lanes512 b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a._v, b._v, c._v));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512 Add(Lanes512 a, Lanes512 b) => new(a._v + b._v);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(double* destination) => _v.Store(destination);
    }

    // AVX2: only 16 registers, so the tile is 6×8: 12 accumulators, 2 for B, 1 for A.
    // MultiplyAddEstimate is one FMA where the CPU has it and a multiply then an add where it does not.
    internal readonly struct Lanes256 : ILanes<Lanes256>
    {
        private readonly Vector256<double> _v;
        private Lanes256(Vector256<double> v) => _v = v;
        public static int Count => 4;
        public static int Rows => 6;
        public static int MaxVectors => 2;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256 Load(double* source) => new(Vector256.Load(source));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256 Broadcast(double value) => new(Vector256.Create(value));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256 MultiplyAdd(Lanes256 a, Lanes256 b, Lanes256 c) => new(Vector256.MultiplyAddEstimate(a._v, b._v, c._v));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256 Add(Lanes256 a, Lanes256 b) => new(a._v + b._v);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(double* destination) => _v.Store(destination);
    }

    // 128-bit SIMD (ARM64 NEON, or x64 without AVX): tiles of 6×4 fit in 16 registers.
    internal readonly struct Lanes128 : ILanes<Lanes128>
    {
        private readonly Vector128<double> _v;
        private Lanes128(Vector128<double> v) => _v = v;
        public static int Count => 2;
        public static int Rows => 6;
        public static int MaxVectors => 2;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes128 Load(double* source) => new(Vector128.Load(source));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes128 Broadcast(double value) => new(Vector128.Create(value));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes128 MultiplyAdd(Lanes128 a, Lanes128 b, Lanes128 c) => new(Vector128.MultiplyAddEstimate(a._v, b._v, c._v));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes128 Add(Lanes128 a, Lanes128 b) => new(a._v + b._v);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(double* destination) => _v.Store(destination);
    }

    // No SIMD at all: a "register" is one double, and a 4×4 tile keeps 16 sums in flight.
    internal readonly struct LanesScalar : ILanes<LanesScalar>
    {
        private readonly double _v;
        private LanesScalar(double v) => _v = v;
        public static int Count => 1;
        public static int Rows => 4;
        public static int MaxVectors => 4;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static LanesScalar Load(double* source) => new(*source);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static LanesScalar Broadcast(double value) => new(value);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static LanesScalar MultiplyAdd(LanesScalar a, LanesScalar b, LanesScalar c) => new(a._v * b._v + c._v);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static LanesScalar Add(LanesScalar a, LanesScalar b) => new(a._v + b._v);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(double* destination) => *destination = _v;
    }

    // Compile-time integers for the kernel's generic parameters: `TRows.Value > 2` is a constant after
    // specialisation, so the branches on it disappear and unused accumulators are never allocated.
    internal interface IConstant
    {
        static abstract int Value { get; }
    }

    internal readonly struct N1 : IConstant { public static int Value => 1; }
    internal readonly struct N2 : IConstant { public static int Value => 2; }
    internal readonly struct N3 : IConstant { public static int Value => 3; }
    internal readonly struct N4 : IConstant { public static int Value => 4; }
    internal readonly struct N5 : IConstant { public static int Value => 5; }
    internal readonly struct N6 : IConstant { public static int Value => 6; }
}
