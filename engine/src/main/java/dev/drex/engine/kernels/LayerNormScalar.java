package dev.drex.engine.kernels;

/**
 * Scalar twin of {@link LayerNormSimd}, and its loop tail. See {@link LayerNorm} for the contract.
 */
public final class LayerNormScalar {
    private LayerNormScalar() {}

    /** sum_j (x[j] - shift): the first pass, on data shifted by its first element. */
    static float shiftedSum(float[] x, int xOff, float shift, int n) {
        float s = 0f;
        for (int j = 0; j < n; j++) s += x[xOff + j] - shift;
        return s;
    }

    /** sum_j (x[j] - mean)^2: the second pass of the two-pass variance. */
    static float centeredSumSquares(float[] x, int xOff, float mean, int n) {
        float s = 0f;
        for (int j = 0; j < n; j++) {
            float d = x[xOff + j] - mean;
            s = Math.fma(d, d, s);
        }
        return s;
    }

    /** 1 / sqrt(var + eps), in float like PyTorch's float32 kernel. */
    static float rstd(float centeredSumSquares, int n, float eps) {
        return 1f / (float) Math.sqrt(centeredSumSquares / n + eps);
    }

    /** out[j] = (x[j] - mean) * rstd * gamma[j] + beta[j]. */
    static void normalize(float[] x, int xOff, float mean, float rstd, float[] gamma, int gOff, float[] beta, int bOff,
                          float[] out, int outOff, int n) {
        for (int j = 0; j < n; j++)
            out[outOff + j] = Math.fma((x[xOff + j] - mean) * rstd, gamma[gOff + j], beta[bOff + j]);
    }

    public static void layerNorm(float[] x, int xOff, float[] gamma, int gOff, float[] beta, int bOff,
                                 float[] out, int outOff, int n, float eps, float[] stats, int statsOff) {
        float shift = x[xOff];                             // see LayerNorm: mean of shifted data
        float mean = shift + shiftedSum(x, xOff, shift, n) / n;
        float rstd = rstd(centeredSumSquares(x, xOff, mean, n), n, eps);
        normalize(x, xOff, mean, rstd, gamma, gOff, beta, bOff, out, outOff, n);
        if (stats != null) {
            stats[statsOff] = mean;
            stats[statsOff + 1] = rstd;
        }
    }

    /**
     * dx[j] += rstd * (g[j] - mean(g) - xhat[j] * mean(g * xhat)) with g = dy * gamma, xhat = (x - mean) * rstd;
     * the sums over the row are taken first (and dgamma, dbeta accumulated in the same pass).
     */
    static void applyDx(float[] x, int xOff, float[] gamma, int gOff, float[] dy, int dyOff, float mean, float rstd,
                        float meanG, float meanGX, float[] dx, int dxOff, int n) {
        for (int j = 0; j < n; j++) {
            float xhat = (x[xOff + j] - mean) * rstd;
            float g = dy[dyOff + j] * gamma[gOff + j];
            dx[dxOff + j] = Math.fma(rstd, g - meanG - xhat * meanGX, dx[dxOff + j]);
        }
    }

    public static void layerNormBackwardAcc(float[] x, int xOff, float[] gamma, int gOff, float[] dy, int dyOff,
                                            float mean, float rstd, float[] dx, int dxOff,
                                            float[] dgamma, int dgOff, float[] dbeta, int dbOff, int n) {
        float sumG = 0f, sumGX = 0f;
        for (int j = 0; j < n; j++) {
            float xhat = (x[xOff + j] - mean) * rstd;
            float d = dy[dyOff + j];
            float g = d * gamma[gOff + j];
            sumG += g;
            sumGX = Math.fma(g, xhat, sumGX);
            if (dgamma != null) dgamma[dgOff + j] = Math.fma(d, xhat, dgamma[dgOff + j]);
            if (dbeta != null) dbeta[dbOff + j] += d;
        }
        applyDx(x, xOff, gamma, gOff, dy, dyOff, mean, rstd, sumG / n, sumGX / n, dx, dxOff, n);
    }
}
