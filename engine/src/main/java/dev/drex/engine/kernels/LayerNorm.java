package dev.drex.engine.kernels;

/**
 * Layer normalisation of one row of n features (Ba et al. 2016; PyTorch {@code nn.LayerNorm} over the
 * last dimension), dispatching to {@link LayerNormSimd} or, with {@code -Ddrex.simd=false}, to
 * {@link LayerNormScalar}. A caller loops over rows: x (B,T,C) is B*T rows of n = C.
 *
 * <pre>
 *   mean = x[0] + sum_j (x[j] - x[0]) / n    (shifted data: the float sum stays small)
 *   var  = sum_j (x[j] - mean)^2 / n        (two passes; biased, as PyTorch)
 *   rstd = 1 / sqrt(var + eps)
 *   y[j] = (x[j] - mean) * rstd * gamma[j] + beta[j]
 * </pre>
 *
 * <p>Precision: sums accumulate in float. A plain float sum of n values near a large common offset c
 * loses about n * ulp(c * n) / n to rounding (at c = 1e4, n = 1000: ~1e-2 in the mean, 1e-2 relative
 * in y), which is where double would be needed; summing x - x[0] instead keeps the partial sums at the
 * scale of the spread, so float is enough. The mean itself is a float, so y still carries up to
 * ulp(c)/2 * rstd of rounding. The two-pass variance has no E[x^2] - E[x]^2 cancellation. Rows of
 * millions of features would want double sums.
 */
public final class LayerNorm {
    private LayerNorm() {}

    /**
     * out = layerNorm(x) * gamma + beta over one row; x, gamma, beta, out (n). {@code out} may be
     * {@code x}. If {@code stats} is not null, writes stats[statsOff] = mean and stats[statsOff+1] = rstd,
     * which is all the backward needs besides x and gamma.
     *
     * @throws IllegalArgumentException if n &lt;= 0 or eps &lt; 0
     */
    public static void layerNorm(float[] x, int xOff, float[] gamma, int gOff, float[] beta, int bOff,
                                 float[] out, int outOff, int n, float eps, float[] stats, int statsOff) {
        if (n <= 0) throw new IllegalArgumentException("layerNorm: row length must be positive, got " + n);
        if (!(eps >= 0f)) throw new IllegalArgumentException("layerNorm: eps must be >= 0, got " + eps);
        if (Simd.ENABLED) LayerNormSimd.layerNorm(x, xOff, gamma, gOff, beta, bOff, out, outOff, n, eps, stats, statsOff);
        else LayerNormScalar.layerNorm(x, xOff, gamma, gOff, beta, bOff, out, outOff, n, eps, stats, statsOff);
    }

    /**
     * Backward of one row, given the forward's mean and rstd. With xhat = (x - mean) rstd and g = dy * gamma:
     * <pre>
     *   dx[j]     += rstd * (g[j] - mean_k g[k] - xhat[j] * mean_k (g[k] xhat[k]))
     *   dgamma[j] += dy[j] * xhat[j]          (skipped if dgamma is null)
     *   dbeta[j]  += dy[j]                    (skipped if dbeta is null)
     * </pre>
     * dx must not alias x, gamma or dy.
     */
    public static void layerNormBackwardAcc(float[] x, int xOff, float[] gamma, int gOff, float[] dy, int dyOff,
                                            float mean, float rstd, float[] dx, int dxOff,
                                            float[] dgamma, int dgOff, float[] dbeta, int dbOff, int n) {
        if (n <= 0) throw new IllegalArgumentException("layerNormBackwardAcc: row length must be positive, got " + n);
        if (Simd.ENABLED) LayerNormSimd.layerNormBackwardAcc(x, xOff, gamma, gOff, dy, dyOff, mean, rstd, dx, dxOff,
                dgamma, dgOff, dbeta, dbOff, n);
        else LayerNormScalar.layerNormBackwardAcc(x, xOff, gamma, gOff, dy, dyOff, mean, rstd, dx, dxOff,
                dgamma, dgOff, dbeta, dbOff, n);
    }
}
