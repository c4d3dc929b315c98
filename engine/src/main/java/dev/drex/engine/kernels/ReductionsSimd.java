package dev.drex.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ReductionsScalar}. Sums keep two vector accumulators of
 * {@link Simd#SPECIES} lanes (so each lane adds every 2L-th element, hiding the add latency), fold
 * them with {@link Simd#sumLanes} (a fixed order, so the same bits interpreted or JIT-compiled), then
 * add the scalar tail. The order of additions differs from the scalar twin's, so the twins agree
 * only to rounding. See {@link Reductions}.
 */
public final class ReductionsSimd {
    private ReductionsSimd() {}

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = S.length();

    public static float sum(float[] x, int off, int n) {
        FloatVector acc0 = FloatVector.zero(S), acc1 = FloatVector.zero(S);
        int i = 0;
        for (int bound2 = n - 2 * L; i <= bound2; i += 2 * L) {
            acc0 = acc0.add(FloatVector.fromArray(S, x, off + i));
            acc1 = acc1.add(FloatVector.fromArray(S, x, off + i + L));
        }
        for (int bound = S.loopBound(n); i < bound; i += L) acc0 = acc0.add(FloatVector.fromArray(S, x, off + i));
        return Simd.sumLanes(acc0.add(acc1)) + ReductionsScalar.sum(x, off + i, n - i);
    }

    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector acc0 = FloatVector.zero(S), acc1 = FloatVector.zero(S);
        int i = 0;
        for (int bound2 = n - 2 * L; i <= bound2; i += 2 * L) {
            acc0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc0);
            acc1 = FloatVector.fromArray(S, a, aOff + i + L).fma(FloatVector.fromArray(S, b, bOff + i + L), acc1);
        }
        for (int bound = S.loopBound(n); i < bound; i += L)
            acc0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc0);
        return Simd.sumLanes(acc0.add(acc1)) + ReductionsScalar.dot(a, aOff + i, b, bOff + i, n - i);
    }

    public static float max(float[] x, int off, int n) {
        FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) acc = acc.max(FloatVector.fromArray(S, x, off + i));
        return Math.max(acc.reduceLanes(VectorOperators.MAX), ReductionsScalar.max(x, off + i, n - i));
    }

    public static float sumSquares(float[] x, int off, int n) {
        FloatVector acc0 = FloatVector.zero(S), acc1 = FloatVector.zero(S);
        int i = 0;
        for (int bound2 = n - 2 * L; i <= bound2; i += 2 * L) {
            FloatVector v0 = FloatVector.fromArray(S, x, off + i), v1 = FloatVector.fromArray(S, x, off + i + L);
            acc0 = v0.fma(v0, acc0);
            acc1 = v1.fma(v1, acc1);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, off + i);
            acc0 = v.fma(v, acc0);
        }
        return Simd.sumLanes(acc0.add(acc1)) + ReductionsScalar.sumSquares(x, off + i, n - i);
    }

    public static void sumRowsInto(float[] x, int xOff, int rows, int cols, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) ElementwiseSimd.add(out, outOff, x, xOff + r * cols, out, outOff, cols);
    }
}
