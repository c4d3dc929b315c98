package dev.drex.engine.ops;

/**
 * TEMPORARY scalar stand-in for {@code dev.drex.engine.kernels.Elementwise} (same signatures), used until
 * the {@code kernels} branch lands; then this file is deleted and the real kernel imported.
 */
final class Elementwise {
    private Elementwise() {}

    static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] + b[bOff + i];
    }

    static void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] - b[bOff + i];
    }

    static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] * b[bOff + i];
    }

    static void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] / b[bOff + i];
    }

    static void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] * s;
    }

    static void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] + s;
    }

    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    static void mulAcc(float[] a, int aOff, float[] b, int bOff, float[] acc, int accOff, int n) {
        for (int i = 0; i < n; i++) acc[accOff + i] += a[aOff + i] * b[bOff + i];
    }

    static void addBiasRows(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) x[xOff + r * cols + c] += bias[biasOff + c];
    }

    static void exp(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.exp(x[xOff + i]);
    }

    static void log(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.log(x[xOff + i]);
    }

    static void sqrt(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.sqrt(x[xOff + i]);
    }

    static void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = (float) (1.0 / (1.0 + Math.exp(-x[xOff + i])));
    }

    static void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.tanh(x[xOff + i]);
    }

    static void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = Math.max(0f, x[xOff + i]);
    }

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    static void geluErf(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            out[outOff + i] = (float) (0.5 * v * (1 + erf(v / Math.sqrt(2))));
        }
    }

    static void geluTanh(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            out[outOff + i] = (float) (0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))));
        }
    }

    static void geluErfBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            double d = 0.5 * (1 + erf(v / Math.sqrt(2))) + v * Math.exp(-0.5 * v * v) / Math.sqrt(2 * Math.PI);
            dx[dxOff + i] += (float) (dy[dyOff + i] * d);
        }
    }

    static void geluTanhBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            double u = SQRT_2_OVER_PI * (v + 0.044715 * v * v * v);
            double t = Math.tanh(u);
            double d = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
            dx[dxOff + i] += (float) (dy[dyOff + i] * d);
        }
    }

    /** erf by Abramowitz and Stegun 7.1.26 is too coarse for a gradient check; this is W. J. Cody's rational form via erfc series. */
    static double erf(double x) {
        // Series for |x| < 2.5, continued fraction beyond: accurate to ~1e-15, enough for a stand-in.
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            double term = ax, sum = ax, x2 = ax * ax;
            for (int k = 1; k < 60; k++) {
                term *= -x2 / k;
                sum += term / (2 * k + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double f = 0;
            for (int k = 60; k >= 1; k--) f = k / 2.0 / (ax + f);
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
        }
        return x < 0 ? -r : r;
    }
}
