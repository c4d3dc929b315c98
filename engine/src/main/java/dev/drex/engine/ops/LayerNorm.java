package dev.drex.engine.ops;

/**
 * TEMPORARY scalar stand-in for {@code dev.drex.engine.kernels.LayerNorm} (same signatures), used
 * until the {@code kernels} branch lands. Two-pass variance, biased (divide by n), as PyTorch.
 * {@code stats[statsOff] = mean, stats[statsOff+1] = rstd = 1/sqrt(var + eps)}.
 */
final class LayerNorm {
    private LayerNorm() {}

    static void layerNorm(float[] x, int xOff, float[] gamma, int gOff, float[] beta, int bOff, float[] out, int outOff,
                          int n, float eps, float[] stats, int statsOff) {
        double s = 0;
        for (int i = 0; i < n; i++) s += x[xOff + i];
        float mean = (float) (s / n);
        double v = 0;
        for (int i = 0; i < n; i++) {
            double d = x[xOff + i] - mean;
            v += d * d;
        }
        float rstd = (float) (1 / Math.sqrt(v / n + eps));
        for (int i = 0; i < n; i++) out[outOff + i] = (x[xOff + i] - mean) * rstd * gamma[gOff + i] + beta[bOff + i];
        if (stats != null) {
            stats[statsOff] = mean;
            stats[statsOff + 1] = rstd;
        }
    }

    static void layerNormBackwardAcc(float[] x, int xOff, float[] gamma, int gOff, float[] dy, int dyOff, float mean,
                                     float rstd, float[] dx, int dxOff, float[] dgamma, int dgOff, float[] dbeta,
                                     int dbOff, int n) {
        // xhat = (x-mean)*rstd; g = dy*gamma; dx = rstd * (g - mean(g) - xhat * mean(g*xhat))
        double sg = 0, sgx = 0;
        for (int i = 0; i < n; i++) {
            double xhat = (x[xOff + i] - mean) * rstd;
            double g = dy[dyOff + i] * gamma[gOff + i];
            sg += g;
            sgx += g * xhat;
            if (dgamma != null) dgamma[dgOff + i] += (float) (dy[dyOff + i] * xhat);
            if (dbeta != null) dbeta[dbOff + i] += dy[dyOff + i];
        }
        double mg = sg / n, mgx = sgx / n;
        if (dx != null) {
            for (int i = 0; i < n; i++) {
                double xhat = (x[xOff + i] - mean) * rstd;
                double g = dy[dyOff + i] * gamma[gOff + i];
                dx[dxOff + i] += (float) (rstd * (g - mg - xhat * mgx));
            }
        }
    }
}
