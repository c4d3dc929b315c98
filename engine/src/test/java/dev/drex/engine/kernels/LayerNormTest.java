package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.KernelTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LayerNormSimd} and {@link LayerNormScalar} against a double-precision LayerNorm and its gradients. */
class LayerNormTest {

    private static final float EPS = 1e-12f;               // BERT's layer_norm_eps
    private final Random rnd = new Random(3);

    /** Double LayerNorm of one row; returns y, and {mean, rstd} in stats. */
    static double[] layerNormRef(double[] x, double[] g, double[] b, double eps, double[] stats) {
        int n = x.length;
        double mean = 0, var = 0;
        for (double v : x) mean += v;
        mean /= n;
        for (double v : x) var += (v - mean) * (v - mean);
        var /= n;
        double rstd = 1 / Math.sqrt(var + eps);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = (x[i] - mean) * rstd * g[i] + b[i];
        if (stats != null) { stats[0] = mean; stats[1] = rstd; }
        return y;
    }

    private static double[] slice(float[] a, int off, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = a[off + i];
        return d;
    }

    @Test
    void forwardMatchesDoubleReference() {
        for (int n : SIZES) {
            for (float center : new float[] {0f, 1e4f}) {    // 1e4: mean far larger than the spread
                float[] x = uniform(rnd, OFF_A, n, center - 1f, center + 1f);
                float[] g = uniform(rnd, OFF_B, n, 0.5f, 1.5f), b = uniform(rnd, 1, n, -0.5f, 0.5f);
                float[] o1 = guarded(OFF_OUT, n), o2 = guarded(OFF_OUT, n);
                float[] s1 = new float[4], s2 = new float[4];
                LayerNormSimd.layerNorm(x, OFF_A, g, OFF_B, b, 1, o1, OFF_OUT, n, EPS, s1, 2);
                LayerNormScalar.layerNorm(x, OFF_A, g, OFF_B, b, 1, o2, OFF_OUT, n, EPS, s2, 2);
                assertGuards(o1, OFF_OUT, n, "layerNorm");
                double[] st = new double[2];
                double[] r = layerNormRef(slice(x, OFF_A, n), slice(g, OFF_B, n), slice(b, 1, n), EPS, st);
                double worst = 0;
                for (int i = 0; i < n; i++) worst = Math.max(worst, Math.abs(o1[OFF_OUT + i] - r[i]));
                // Error budget of y = (x - mean) rstd g + b, with rstd * |g| < 1.5 * rstd:
                //  the float mean is off by ulp(center)/2 (rounding) + 2^-24 sum|x - x0| (bound of a float sum / n),
                //  and rstd by the same bound relative (var's float sum) plus a few roundings per element.
                double absDev = 0;
                for (int i = 0; i < n; i++) absDev += Math.abs(x[OFF_A + i] - x[OFF_A]);
                double tol = 1e-6 + (n > 1 ? (Math.ulp(center) / 2 + 0x1p-24 * absDev) * 1.5 * st[1] : 0);
                double rel = 1e-6 + 0x1p-24 * n;
                double worst2 = 0;
                for (int i = 0; i < n; i++) worst2 = Math.max(worst2, Math.abs(o2[OFF_OUT + i] - r[i]));
                if (n == 1000) System.out.printf("layerNorm n=1000 center=%.0f: max |y error| simd %.3g, scalar %.3g%n",
                        center, worst, worst2);
                assertClose(o1, OFF_OUT, r, n, tol, rel, "layerNorm simd center=" + center);
                assertClose(o2, OFF_OUT, r, n, tol, rel, "layerNorm scalar center=" + center);
                assertEquals(st[0], s1[2], Math.abs(st[0]) * 1e-6 + 1e-7, "mean");
                if (n > 1) assertEquals(st[1], s1[3], st[1] * (center == 0f ? 1e-5 : 1e-3), "rstd n=" + n);
                assertEquals(0f, s1[0], 0f, "stats written only at statsOff");
            }
        }
    }

    @Test
    void constantRowGivesBetaAndNullStatsIsAllowed() {
        float[] x = {5f, 5f, 5f, 5f, 5f}, g = {1f, 2f, 3f, 4f, 5f}, b = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
        float[] o = new float[5];
        LayerNormSimd.layerNorm(x, 0, g, 0, b, 0, o, 0, 5, 1e-5f, null, 0);
        assertArrayEquals(b, o, 0f);
        assertThrows(IllegalArgumentException.class, () -> LayerNorm.layerNorm(x, 0, g, 0, b, 0, o, 0, 0, 1e-5f, null, 0));
    }

    @Test
    void inPlaceForwardEqualsOutOfPlace() {
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -2f, 2f), g = uniform(rnd, 0, n, 0.5f, 1.5f), b = uniform(rnd, 0, n, -1f, 1f);
            float[] o = guarded(OFF_A, n), inPlace = x.clone();
            LayerNormSimd.layerNorm(x, OFF_A, g, 0, b, 0, o, OFF_A, n, 1e-5f, null, 0);
            LayerNormSimd.layerNorm(inPlace, OFF_A, g, 0, b, 0, inPlace, OFF_A, n, 1e-5f, null, 0);
            for (int i = 0; i < n; i++) assertEquals(o[OFF_A + i], inPlace[OFF_A + i], 0f);
        }
    }

    /** L = sum_j w_j y_j: dx, dgamma, dbeta by the kernels vs central differences of the double LayerNorm. */
    @Test
    void backwardMatchesFiniteDifferences() {
        double h = 1e-4;
        for (int n : SIZES) {
            if (n == 1) continue;                          // y = beta: no dependence on x to difference
            float[] x = uniform(rnd, OFF_A, n, -2f, 2f), g = uniform(rnd, OFF_B, n, 0.5f, 1.5f);
            float[] b = uniform(rnd, 0, n, -0.5f, 0.5f), w = uniform(rnd, 1, n, -1f, 1f);
            double[] xd = slice(x, OFF_A, n), gd = slice(g, OFF_B, n), bd = slice(b, 0, n), wd = slice(w, 1, n);
            float[] st = new float[2];
            LayerNormSimd.layerNorm(x, OFF_A, g, OFF_B, b, 0, guarded(0, n), 0, n, 1e-5f, st, 0);
            float[][] dx = new float[2][], dg = new float[2][], db = new float[2][];
            float[] dx0 = uniform(rnd, OFF_OUT, n, -1f, 1f), dg0 = uniform(rnd, 2, n, -1f, 1f), db0 = uniform(rnd, 4, n, -1f, 1f);
            for (int k = 0; k < 2; k++) {
                dx[k] = dx0.clone(); dg[k] = dg0.clone(); db[k] = db0.clone();
                if (k == 0) LayerNormSimd.layerNormBackwardAcc(x, OFF_A, g, OFF_B, w, 1, st[0], st[1],
                        dx[k], OFF_OUT, dg[k], 2, db[k], 4, n);
                else LayerNormScalar.layerNormBackwardAcc(x, OFF_A, g, OFF_B, w, 1, st[0], st[1],
                        dx[k], OFF_OUT, dg[k], 2, db[k], 4, n);
            }
            double[] rx = new double[n], rg = new double[n], rb = new double[n];
            for (int i = 0; i < n; i++) {
                rx[i] = dx0[OFF_OUT + i] + central(xd, i, h, () -> loss(xd, gd, bd, wd));
                rg[i] = dg0[2 + i] + central(gd, i, h, () -> loss(xd, gd, bd, wd));
                rb[i] = db0[4 + i] + wd[i];
            }
            for (int k = 0; k < 2; k++) {
                String twin = k == 0 ? " simd" : " scalar";
                assertClose(dx[k], OFF_OUT, rx, n, 2e-4, 1e-4, "dx" + twin);
                assertClose(dg[k], 2, rg, n, 2e-5, 1e-5, "dgamma" + twin);
                assertClose(db[k], 4, rb, n, 1e-6, 1e-6, "dbeta" + twin);
                assertGuards(dx[k], OFF_OUT, n, "dx" + twin);
            }
            float[] onlyDx = dx0.clone();                  // dgamma and dbeta may be null
            LayerNormSimd.layerNormBackwardAcc(x, OFF_A, g, OFF_B, w, 1, st[0], st[1], onlyDx, OFF_OUT, null, 0, null, 0, n);
            assertArrayEquals(dx[0], onlyDx, 0f);
        }
    }

    private static double loss(double[] x, double[] g, double[] b, double[] w) {
        double[] y = layerNormRef(x, g, b, 1e-5, null);
        double s = 0;
        for (int i = 0; i < y.length; i++) s += w[i] * y[i];
        return s;
    }

    private static double central(double[] v, int i, double h, java.util.function.DoubleSupplier f) {
        double keep = v[i];
        v[i] = keep + h; double up = f.getAsDouble();
        v[i] = keep - h; double down = f.getAsDouble();
        v[i] = keep;
        return (up - down) / (2 * h);
    }

    @Test
    void facadeAgreesWithSelectedTwin() {
        int n = 768;
        float[] x = uniform(rnd, 0, n, -2f, 2f), g = uniform(rnd, 0, n, 0.5f, 1.5f), b = uniform(rnd, 0, n, -1f, 1f);
        float[] o = new float[n + 4], t = new float[n + 4];
        LayerNorm.layerNorm(x, 0, g, 0, b, 0, o, 0, n, 1e-12f, null, 0);
        if (Simd.ENABLED) LayerNormSimd.layerNorm(x, 0, g, 0, b, 0, t, 0, n, 1e-12f, null, 0);
        else LayerNormScalar.layerNorm(x, 0, g, 0, b, 0, t, 0, n, 1e-12f, null, 0);
        assertArrayEquals(t, o);
    }
}
