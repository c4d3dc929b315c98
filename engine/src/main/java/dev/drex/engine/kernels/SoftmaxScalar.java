package dev.drex.engine.kernels;

import java.util.Arrays;

/**
 * Scalar twin of {@link SoftmaxSimd}, and its loop tail. Each pass is also exposed as a
 * package-private helper over a sub-range so the SIMD twin can finish a row with it. See
 * {@link Softmax} for the contract.
 */
public final class SoftmaxScalar {
    private SoftmaxScalar() {}

    static boolean kept(boolean[] mask, int maskOff, int i) {
        return mask == null || mask[maskOff + i];
    }

    /** max over kept j of scale * x[j]; -Infinity if none. */
    static float maskedMax(float[] x, int xOff, float scale, int n, boolean[] mask, int maskOff, float max) {
        for (int j = 0; j < n; j++) if (kept(mask, maskOff, j)) max = Math.max(max, scale * x[xOff + j]);
        return max;
    }

    /** out[j] = exp(fma(x[j], scale, -max)) (0 where masked); returns the sum of what was written. */
    static float expShiftSum(float[] x, int xOff, float scale, float max, float[] out, int outOff, int n,
                             boolean[] mask, int maskOff) {
        float sum = 0f;
        for (int j = 0; j < n; j++) {
            float e = kept(mask, maskOff, j) ? Transcendentals.exp(Math.fma(x[xOff + j], scale, -max)) : 0f;
            out[outOff + j] = e;
            sum += e;
        }
        return sum;
    }

    /** sum over kept j of exp(x[j] - max), without writing anything. */
    static float expShiftSumOnly(float[] x, int xOff, float max, int n, boolean[] mask, int maskOff) {
        float sum = 0f;
        for (int j = 0; j < n; j++) if (kept(mask, maskOff, j)) sum += Transcendentals.exp(x[xOff + j] - max);
        return sum;
    }

    public static void softmaxScaled(float[] x, int xOff, float scale, float[] out, int outOff, int n,
                                     boolean[] mask, int maskOff) {
        float max = maskedMax(x, xOff, scale, n, mask, maskOff, Float.NEGATIVE_INFINITY);
        if (max == Float.NEGATIVE_INFINITY) {             // every entry masked (or -Infinity)
            Arrays.fill(out, outOff, outOff + n, 0f);
            return;
        }
        float inv = 1f / expShiftSum(x, xOff, scale, max, out, outOff, n, mask, maskOff);
        ElementwiseScalar.scale(out, outOff, inv, out, outOff, n);
    }

    public static void softmax(float[] x, int xOff, float[] out, int outOff, int n, boolean[] mask, int maskOff) {
        softmaxScaled(x, xOff, 1f, out, outOff, n, mask, maskOff);
    }

    /**
     * out[j] = (x[j] - max) - logSum where kept, -Infinity where masked. Subtracting max first keeps
     * the result exact-ish for large logits (max + logSum would round to the ulp of max).
     */
    static void shiftOrNegInf(float[] x, int xOff, float max, float logSum, float[] out, int outOff, int n,
                              boolean[] mask, int maskOff) {
        for (int j = 0; j < n; j++)
            out[outOff + j] = kept(mask, maskOff, j) ? (x[xOff + j] - max) - logSum : Float.NEGATIVE_INFINITY;
    }

    public static void logSoftmax(float[] x, int xOff, float[] out, int outOff, int n, boolean[] mask, int maskOff) {
        float max = maskedMax(x, xOff, 1f, n, mask, maskOff, Float.NEGATIVE_INFINITY);
        if (max == Float.NEGATIVE_INFINITY) {
            Arrays.fill(out, outOff, outOff + n, Float.NEGATIVE_INFINITY);
            return;
        }
        float logSum = Transcendentals.log(expShiftSumOnly(x, xOff, max, n, mask, maskOff));
        shiftOrNegInf(x, xOff, max, logSum, out, outOff, n, mask, maskOff);
    }

    public static void softmaxBackwardAcc(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        float s = ReductionsScalar.dot(dy, dyOff, y, yOff, n);
        for (int j = 0; j < n; j++) dx[dxOff + j] = Math.fma(y[yOff + j], dy[dyOff + j] - s, dx[dxOff + j]);
    }

    /** sum over kept j of dy[j]. */
    static float maskedSum(float[] dy, int dyOff, int n, boolean[] mask, int maskOff) {
        float s = 0f;
        for (int j = 0; j < n; j++) if (kept(mask, maskOff, j)) s += dy[dyOff + j];
        return s;
    }

    /** dx[j] += dy[j] - exp(y[j]) * s where kept. */
    static void logSoftmaxGradTail(float[] y, int yOff, float[] dy, int dyOff, float s, float[] dx, int dxOff, int n,
                                   boolean[] mask, int maskOff) {
        for (int j = 0; j < n; j++)
            if (kept(mask, maskOff, j))
                dx[dxOff + j] += dy[dyOff + j] - Transcendentals.exp(y[yOff + j]) * s;
    }

    public static void logSoftmaxBackwardAcc(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n,
                                             boolean[] mask, int maskOff) {
        float s = maskedSum(dy, dyOff, n, mask, maskOff);
        logSoftmaxGradTail(y, yOff, dy, dyOff, s, dx, dxOff, n, mask, maskOff);
    }
}
