package dev.drex.engine.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link SoftmaxScalar}. Masks are read as {@link VectorMask}s straight from the
 * {@code boolean[]}; masked lanes become -Infinity before the max and 0 after the exp. See
 * {@link Softmax} for the contract.
 *
 * <p>Reproducible whatever the JIT does: exp is {@link Transcendentals#exp} (the same bits as the
 * scalar twin's), sums are folded with {@link Simd#sumLanes} in a fixed order. The sums differ from
 * the scalar twin's (lane-parallel order), so the twins agree to rounding, not bitwise.
 */
public final class SoftmaxSimd {
    private SoftmaxSimd() {}

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = S.length();
    private static final float NEG_INF = Float.NEGATIVE_INFINITY;

    public static void softmaxScaled(float[] x, int xOff, float scale, float[] out, int outOff, int n,
                                     boolean[] mask, int maskOff) {
        int bound = S.loopBound(n), i = 0;
        // pass 1: max over kept entries of scale * x
        FloatVector vmax = FloatVector.broadcast(S, NEG_INF);
        for (; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i).mul(scale);
            if (mask != null) v = v.blend(NEG_INF, VectorMask.fromArray(S, mask, maskOff + i).not());
            vmax = vmax.max(v);
        }
        float max = SoftmaxScalar.maskedMax(x, xOff + i, scale, n - i, mask, maskOff + i,
                vmax.reduceLanes(VectorOperators.MAX));
        if (max == NEG_INF) {                              // every entry masked (or -Infinity)
            Arrays.fill(out, outOff, outOff + n, 0f);
            return;
        }
        // pass 2: out = exp(scale * x - max), 0 where masked; sum
        FloatVector vsum = FloatVector.zero(S);
        for (i = 0; i < bound; i += L) {
            FloatVector e = Transcendentals.exp(FloatVector.fromArray(S, x, xOff + i).fma(scale, -max));
            if (mask != null) e = e.blend(0f, VectorMask.fromArray(S, mask, maskOff + i).not());
            e.intoArray(out, outOff + i);
            vsum = vsum.add(e);
        }
        float sum = Simd.sumLanes(vsum)
                + SoftmaxScalar.expShiftSum(x, xOff + i, scale, max, out, outOff + i, n - i, mask, maskOff + i);
        // pass 3: normalise
        ElementwiseSimd.scale(out, outOff, 1f / sum, out, outOff, n);
    }

    public static void softmax(float[] x, int xOff, float[] out, int outOff, int n, boolean[] mask, int maskOff) {
        softmaxScaled(x, xOff, 1f, out, outOff, n, mask, maskOff);
    }

    public static void logSoftmax(float[] x, int xOff, float[] out, int outOff, int n, boolean[] mask, int maskOff) {
        int bound = S.loopBound(n), i = 0;
        FloatVector vmax = FloatVector.broadcast(S, NEG_INF);
        for (; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            if (mask != null) v = v.blend(NEG_INF, VectorMask.fromArray(S, mask, maskOff + i).not());
            vmax = vmax.max(v);
        }
        float max = SoftmaxScalar.maskedMax(x, xOff + i, 1f, n - i, mask, maskOff + i,
                vmax.reduceLanes(VectorOperators.MAX));
        if (max == NEG_INF) {
            Arrays.fill(out, outOff, outOff + n, NEG_INF);
            return;
        }
        FloatVector vsum = FloatVector.zero(S);
        for (i = 0; i < bound; i += L) {
            FloatVector e = Transcendentals.exp(FloatVector.fromArray(S, x, xOff + i).sub(max));
            if (mask != null) e = e.blend(0f, VectorMask.fromArray(S, mask, maskOff + i).not());
            vsum = vsum.add(e);
        }
        float sum = Simd.sumLanes(vsum)
                + SoftmaxScalar.expShiftSumOnly(x, xOff + i, max, n - i, mask, maskOff + i);
        float logSum = Transcendentals.log(sum);
        for (i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i).sub(max).sub(logSum);
            if (mask != null) v = v.blend(NEG_INF, VectorMask.fromArray(S, mask, maskOff + i).not());
            v.intoArray(out, outOff + i);
        }
        SoftmaxScalar.shiftOrNegInf(x, xOff + i, max, logSum, out, outOff + i, n - i, mask, maskOff + i);
    }

    public static void softmaxBackwardAcc(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        float s = ReductionsSimd.dot(dy, dyOff, y, yOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector vy = FloatVector.fromArray(S, y, yOff + i);
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).sub(s);
            vy.fma(g, FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
        for (; i < n; i++) dx[dxOff + i] = Math.fma(y[yOff + i], dy[dyOff + i] - s, dx[dxOff + i]);
    }

    public static void logSoftmaxBackwardAcc(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n,
                                             boolean[] mask, int maskOff) {
        int bound = S.loopBound(n), i = 0;
        float s;
        if (mask == null) {
            s = ReductionsSimd.sum(dy, dyOff, n);
        } else {
            FloatVector vsum = FloatVector.zero(S);
            for (; i < bound; i += L)
                vsum = vsum.add(FloatVector.fromArray(S, dy, dyOff + i).blend(0f, VectorMask.fromArray(S, mask, maskOff + i).not()));
            s = Simd.sumLanes(vsum) + SoftmaxScalar.maskedSum(dy, dyOff + i, n - i, mask, maskOff + i);
        }
        for (i = 0; i < bound; i += L) {
            FloatVector p = Transcendentals.exp(FloatVector.fromArray(S, y, yOff + i));
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).sub(p.mul(s));
            if (mask != null) g = g.blend(0f, VectorMask.fromArray(S, mask, maskOff + i).not());
            g.add(FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
        SoftmaxScalar.logSoftmaxGradTail(y, yOff + i, dy, dyOff + i, s, dx, dxOff + i, n - i, mask, maskOff + i);
    }
}
