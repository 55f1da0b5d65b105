using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeepLearningKata;

// The matrix product's micro-kernel is written once, generic over the machine's register: Vector512<double>
// (AVX-512), Vector256<double> (AVX2), Vector128<double> (NEON, or x64 without AVX) or a plain double where
// there is no SIMD. Lanes<T> says how many doubles a register holds and how large a tile of C the registers can
// hold, and gives the few operations the kernel needs. Each tests the register's size in bytes (64, 32, 16 or 8), a
// constant to the JIT while it compiles the kernel for one T, so what runs is the bare vector instructions. All of
// them must be inlined: a Count left as a call makes every width a variable and the accumulators spill to the stack.
//
// The register types themselves are the generic argument, not a struct wrapped around them: with a wrapper the JIT
// passed each accumulator through a spare register after every multiply-add (24 extra moves per step of the AVX2
// kernel, which has no spare registers), and a 512×512 product ran at about half of OpenBLAS's speed on a Zen 3
// core (AVX2); without, the loop is 2 loads, 6 broadcasts and 12 fused multiply-adds, as written.
internal static unsafe partial class Kernels
{
    internal static class Lanes<T> where T : struct
    {
        /// <summary>Doubles per register.</summary>
        public static int Count
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Unsafe.SizeOf<T>() / sizeof(double);
        }

        /// <summary>Rows of C per tile (MR): one broadcast element of A each.</summary>
        /// <remarks>
        /// AVX-512 has 32 registers: a 6×32 tile takes 24 accumulators, 4 for a row of B and 1 for A. AVX2 and
        /// 128-bit SIMD have 16: 6×8 (or 6×4) takes 12, 2 for B and 1 for A. Without SIMD, 4×4 keeps 16 sums in flight.
        /// </remarks>
        public static int Rows
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Count == 1 ? 4 : 6;
        }

        /// <summary>Registers across the widest tile (NR / Count).</summary>
        public static int MaxVectors
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Count is 8 or 1 ? 4 : 2;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Load(double* source)
        {
            if (Unsafe.SizeOf<T>() == 64) return (T)(object)Vector512.Load(source);
            if (Unsafe.SizeOf<T>() == 32) return (T)(object)Vector256.Load(source);
            if (Unsafe.SizeOf<T>() == 16) return (T)(object)Vector128.Load(source);
            return (T)(object)*source;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Broadcast(double value)
        {
            if (Unsafe.SizeOf<T>() == 64) return (T)(object)Vector512.Create(value);
            if (Unsafe.SizeOf<T>() == 32) return (T)(object)Vector256.Create(value);
            if (Unsafe.SizeOf<T>() == 16) return (T)(object)Vector128.Create(value);
            return (T)(object)value;
        }

        /// <summary><c>a·b + c</c>: one fused instruction where the hardware has FMA, a multiply then an add where it does not.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T MultiplyAdd(T a, T b, T c)
        {
            if (Unsafe.SizeOf<T>() == 64)
                return (T)(object)Vector512.FusedMultiplyAdd((Vector512<double>)(object)a, (Vector512<double>)(object)b, (Vector512<double>)(object)c);
            if (Unsafe.SizeOf<T>() == 32)
                return (T)(object)Vector256.MultiplyAddEstimate((Vector256<double>)(object)a, (Vector256<double>)(object)b, (Vector256<double>)(object)c);
            if (Unsafe.SizeOf<T>() == 16)
                return (T)(object)Vector128.MultiplyAddEstimate((Vector128<double>)(object)a, (Vector128<double>)(object)b, (Vector128<double>)(object)c);
            return (T)(object)((double)(object)a * (double)(object)b + (double)(object)c);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Add(T a, T b)
        {
            if (Unsafe.SizeOf<T>() == 64) return (T)(object)((Vector512<double>)(object)a + (Vector512<double>)(object)b);
            if (Unsafe.SizeOf<T>() == 32) return (T)(object)((Vector256<double>)(object)a + (Vector256<double>)(object)b);
            if (Unsafe.SizeOf<T>() == 16) return (T)(object)((Vector128<double>)(object)a + (Vector128<double>)(object)b);
            return (T)(object)((double)(object)a + (double)(object)b);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(T value, double* destination)
        {
            if (Unsafe.SizeOf<T>() == 64) ((Vector512<double>)(object)value).Store(destination);
            else if (Unsafe.SizeOf<T>() == 32) ((Vector256<double>)(object)value).Store(destination);
            else if (Unsafe.SizeOf<T>() == 16) ((Vector128<double>)(object)value).Store(destination);
            else *destination = (double)(object)value;
        }
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
