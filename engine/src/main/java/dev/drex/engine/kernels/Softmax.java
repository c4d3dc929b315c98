package dev.drex.engine.kernels;

/**
 * Softmax over one row of n logits, forward and backward, dispatching to {@link SoftmaxSimd} or,
 * with {@code -Ddrex.simd=false}, to {@link SoftmaxScalar}. A caller loops over rows.
 *
 * <p>Masks: {@code mask} may be null (every entry kept); otherwise {@code mask[maskOff + j] == false}
 * excludes entry j: its probability is exactly 0 (its log-probability -Infinity) and the values of
 * x, dy there are never used. Rows are max-subtracted (softmax(x) = softmax(x - max x)), so logits of
 * any finite magnitude give no overflow; logits must not be NaN or +Infinity. A row whose kept
 * entries are all -Infinity, or with none kept, gives all zeros from softmax (no NaN) and all
 * -Infinity from logSoftmax. The row sum of exponentials accumulates in float: each term is in (0, 1]
 * and the max term is exactly 1, so the relative error is about n * 2^-24 at worst.
 *
 * <p>{@code out} may be {@code x} (in place).
 */
public final class Softmax {
    private Softmax() {}

    /** out = softmax(x) over the kept entries of a row: out[j] = exp(x[j] - m) / sum_k exp(x[k] - m). */
    public static void softmax(float[] x, int xOff, float[] out, int outOff, int n, boolean[] mask, int maskOff) {
        if (Simd.ENABLED) SoftmaxSimd.softmax(x, xOff, out, outOff, n, mask, maskOff);
        else SoftmaxScalar.softmax(x, xOff, out, outOff, n, mask, maskOff);
    }

    /**
     * out = softmax(scale * x) with a mask: attention probabilities from raw scores,
     * {@code scale = 1 / sqrt(headDim)} (Vaswani et al. 2017, eq. 1). Same contract as {@link #softmax};
     * the scaling is fused into the passes instead of a separate sweep.
     */
    public static void softmaxScaled(float[] x, int xOff, float scale, float[] out, int outOff, int n,
                                     boolean[] mask, int maskOff) {
        if (Simd.ENABLED) SoftmaxSimd.softmaxScaled(x, xOff, scale, out, outOff, n, mask, maskOff);
        else SoftmaxScalar.softmaxScaled(x, xOff, scale, out, outOff, n, mask, maskOff);
    }

    /** out = log softmax(x) = (x - m) - log sum_k exp(x[k] - m) over kept entries; -Infinity where masked. */
    public static void logSoftmax(float[] x, int xOff, float[] out, int outOff, int n, boolean[] mask, int maskOff) {
        if (Simd.ENABLED) SoftmaxSimd.logSoftmax(x, xOff, out, outOff, n, mask, maskOff);
        else SoftmaxScalar.logSoftmax(x, xOff, out, outOff, n, mask, maskOff);
    }

    /**
     * Backward of y = softmax(x): dx += y * (dy - sum_k dy[k] y[k]) (the Jacobian diag(y) - y y^T applied
     * to dy). Masked entries need no mask here: their y is 0, so they receive 0 (dy there must be finite).
     */
    public static void softmaxBackwardAcc(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        if (Simd.ENABLED) SoftmaxSimd.softmaxBackwardAcc(y, yOff, dy, dyOff, dx, dxOff, n);
        else SoftmaxScalar.softmaxBackwardAcc(y, yOff, dy, dyOff, dx, dxOff, n);
    }

    /**
     * Backward of y = logSoftmax(x) (y are log-probabilities): dx[j] += dy[j] - exp(y[j]) * sum_k dy[k],
     * with j and k over kept entries only; masked dx entries are left unchanged.
     */
    public static void logSoftmaxBackwardAcc(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n,
                                             boolean[] mask, int maskOff) {
        if (Simd.ENABLED) SoftmaxSimd.logSoftmaxBackwardAcc(y, yOff, dy, dyOff, dx, dxOff, n, mask, maskOff);
        else SoftmaxScalar.logSoftmaxBackwardAcc(y, yOff, dy, dyOff, dx, dxOff, n, mask, maskOff);
    }
}
