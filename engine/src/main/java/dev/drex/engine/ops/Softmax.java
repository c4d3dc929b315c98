package dev.drex.engine.ops;

import java.util.Arrays;

/**
 * TEMPORARY scalar stand-in for {@code dev.drex.engine.kernels.Softmax} (same signatures and mask
 * semantics: masked entries give probability 0 / log-probability -Infinity and get no gradient; a fully
 * masked row gives probabilities 0 and log-probabilities -Infinity). Deleted when {@code kernels} lands.
 */
final class Softmax {
    private Softmax() {}

    private static boolean kept(boolean[] mask, int maskOff, int j) {
        return mask == null || mask[maskOff + j];
    }

    static void softmax(float[] x, int xOff, float[] out, int outOff, int n, boolean[] mask, int maskOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) if (kept(mask, maskOff, j)) max = Math.max(max, x[xOff + j]);
        if (max == Float.NEGATIVE_INFINITY) {
            Arrays.fill(out, outOff, outOff + n, 0f);
            return;
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            float e = kept(mask, maskOff, j) ? (float) Math.exp(x[xOff + j] - max) : 0f;
            out[outOff + j] = e;
            sum += e;
        }
        float inv = (float) (1 / sum);
        for (int j = 0; j < n; j++) out[outOff + j] *= inv;
    }

    static void logSoftmax(float[] x, int xOff, float[] out, int outOff, int n, boolean[] mask, int maskOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) if (kept(mask, maskOff, j)) max = Math.max(max, x[xOff + j]);
        if (max == Float.NEGATIVE_INFINITY) {
            Arrays.fill(out, outOff, outOff + n, Float.NEGATIVE_INFINITY);
            return;
        }
        double sum = 0;
        for (int j = 0; j < n; j++) if (kept(mask, maskOff, j)) sum += Math.exp(x[xOff + j] - max);
        float logSum = (float) Math.log(sum);
        for (int j = 0; j < n; j++) {
            out[outOff + j] = kept(mask, maskOff, j) ? (x[xOff + j] - max) - logSum : Float.NEGATIVE_INFINITY;
        }
    }

    static void softmaxBackwardAcc(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) s += (double) dy[dyOff + j] * y[yOff + j];
        for (int j = 0; j < n; j++) dx[dxOff + j] += (float) (y[yOff + j] * (dy[dyOff + j] - s));
    }

    static void logSoftmaxBackwardAcc(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n,
                                      boolean[] mask, int maskOff) {
        double s = 0;
        for (int j = 0; j < n; j++) if (kept(mask, maskOff, j)) s += dy[dyOff + j];
        for (int j = 0; j < n; j++) {
            if (kept(mask, maskOff, j)) dx[dxOff + j] += (float) (dy[dyOff + j] - Math.exp(y[yOff + j]) * s);
        }
    }
}
