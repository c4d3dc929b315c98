package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.KernelTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SoftmaxSimd} and {@link SoftmaxScalar} against a double-precision softmax, with and without masks. */
class SoftmaxTest {

    private final Random rnd = new Random(11);

    /** Mask patterns: null, random with ~30% masked, all masked, only the last entry kept. */
    private boolean[][] masks(int n, int off) {
        boolean[] some = new boolean[off + n], none = new boolean[off + n], last = new boolean[off + n];
        for (int i = 0; i < n; i++) some[off + i] = rnd.nextFloat() > 0.3f;
        some[off + rnd.nextInt(n)] = true;
        last[off + n - 1] = true;
        return new boolean[][] {null, some, none, last};
    }

    private static boolean kept(boolean[] m, int off, int i) {
        return m == null || m[off + i];
    }

    /** Double-precision softmax of scale * x (masked -> 0; nothing kept -> all 0). */
    static double[] softmaxRef(float[] x, int xOff, double scale, int n, boolean[] m, int mOff) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int i = 0; i < n; i++) if (kept(m, mOff, i)) max = Math.max(max, scale * x[xOff + i]);
        double[] p = new double[n];
        if (max == Double.NEGATIVE_INFINITY) return p;
        for (int i = 0; i < n; i++) if (kept(m, mOff, i)) sum += p[i] = Math.exp(scale * x[xOff + i] - max);
        for (int i = 0; i < n; i++) p[i] /= sum;
        return p;
    }

    @Test
    void softmaxMatchesDoubleReferenceForEveryMaskPattern() {
        final int mOff = 2;
        double worst = 0;
        for (int n : SIZES) {
            for (float spread : new float[] {5f, 1e4f}) {             // ordinary logits and huge ones
                float[] x = uniform(rnd, OFF_A, n, -spread, spread);
                for (boolean[] m : masks(n, mOff)) {
                    for (float scale : new float[] {1f, 0.125f}) {
                        float[] o1 = guarded(OFF_OUT, n), o2 = guarded(OFF_OUT, n);
                        SoftmaxSimd.softmaxScaled(x, OFF_A, scale, o1, OFF_OUT, n, m, mOff);
                        SoftmaxScalar.softmaxScaled(x, OFF_A, scale, o2, OFF_OUT, n, m, mOff);
                        assertGuards(o1, OFF_OUT, n, "softmax");
                        double[] r = softmaxRef(x, OFF_A, scale, n, m, mOff);
                        // exp's argument carries the rounding of scale*x - max: relative error ~ |arg| 2^-24
                        double rel = 3e-6 + 2 * spread * scale * 6e-8;
                        worst = Math.max(worst, assertClose(o1, OFF_OUT, r, n, 1e-30, rel, "softmax simd"));
                        assertClose(o2, OFF_OUT, r, n, 1e-30, rel, "softmax scalar");
                        double total = 0;
                        for (int i = 0; i < n; i++) {
                            if (!kept(m, mOff, i)) {
                                assertEquals(0f, o1[OFF_OUT + i], 0f, "masked entry must be exactly 0");
                                assertEquals(0f, o2[OFF_OUT + i], 0f, "masked entry must be exactly 0");
                            }
                            assertFalse(Float.isNaN(o1[OFF_OUT + i]), "NaN in softmax");
                            total += o1[OFF_OUT + i];
                        }
                        boolean anyKept = false;
                        for (int i = 0; i < n; i++) anyKept |= kept(m, mOff, i);
                        assertEquals(anyKept ? 1.0 : 0.0, total, 1e-5, "row sum n=" + n);
                    }
                }
            }
        }
        System.out.printf("softmax simd max abs error vs double reference: %.3g%n", worst);
    }

    @Test
    void softmaxInPlaceAndPlainEntryPoint() {
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -3f, 3f), o = guarded(OFF_OUT, n), inPlace = x.clone();
            SoftmaxSimd.softmax(x, OFF_A, o, OFF_OUT, n, null, 0);
            SoftmaxSimd.softmax(inPlace, OFF_A, inPlace, OFF_A, n, null, 0);
            for (int i = 0; i < n; i++) assertEquals(o[OFF_OUT + i], inPlace[OFF_A + i], 0f, "in place n=" + n);
        }
    }

    @Test
    void logSoftmaxMatchesDoubleReference() {
        final int mOff = 1;
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -1e3f, 1e3f);
            for (boolean[] m : masks(n, mOff)) {
                float[] o1 = guarded(OFF_OUT, n), o2 = guarded(OFF_OUT, n);
                SoftmaxSimd.logSoftmax(x, OFF_A, o1, OFF_OUT, n, m, mOff);
                SoftmaxScalar.logSoftmax(x, OFF_A, o2, OFF_OUT, n, m, mOff);
                assertGuards(o1, OFF_OUT, n, "logSoftmax");
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int i = 0; i < n; i++) if (kept(m, mOff, i)) max = Math.max(max, x[OFF_A + i]);
                for (int i = 0; i < n; i++) if (kept(m, mOff, i)) sum += Math.exp(x[OFF_A + i] - max);
                double[] r = new double[n];
                for (int i = 0; i < n; i++)
                    r[i] = kept(m, mOff, i) ? x[OFF_A + i] - max - Math.log(sum) : Double.NEGATIVE_INFINITY;
                // log-probabilities up to ~2000 in magnitude: a few ulp of the logits
                assertClose(o1, OFF_OUT, r, n, 1e-5, 3e-7, "logSoftmax simd");
                assertClose(o2, OFF_OUT, r, n, 1e-5, 3e-7, "logSoftmax scalar");
            }
        }
    }

    /** Loss L = sum_j w_j y_j with y = softmax(x): dL/dx by the kernel vs central differences of the double softmax. */
    @Test
    void softmaxBackwardMatchesFiniteDifferences() {
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -2f, 2f), w = uniform(rnd, OFF_B, n, -1f, 1f);
            float[] y = guarded(OFF_OUT, n);
            SoftmaxSimd.softmax(x, OFF_A, y, OFF_OUT, n, null, 0);
            float[] dx0 = uniform(rnd, 0, n, -1f, 1f), dx1 = dx0.clone(), dx2 = dx0.clone();
            SoftmaxSimd.softmaxBackwardAcc(y, OFF_OUT, w, OFF_B, dx1, 0, n);
            SoftmaxScalar.softmaxBackwardAcc(y, OFF_OUT, w, OFF_B, dx2, 0, n);
            double[] r = new double[n];
            double h = 1e-3;
            for (int i = 0; i < n; i++) {
                float keep = x[OFF_A + i];
                x[OFF_A + i] = keep + (float) h; double up = weighted(softmaxRef(x, OFF_A, 1, n, null, 0), w);
                float hUp = x[OFF_A + i] - keep;
                x[OFF_A + i] = keep - (float) h; double down = weighted(softmaxRef(x, OFF_A, 1, n, null, 0), w);
                float hDown = keep - x[OFF_A + i];
                x[OFF_A + i] = keep;
                r[i] = dx0[i] + (up - down) / (hUp + hDown);
            }
            assertClose(dx1, 0, r, n, 2e-6, 1e-5, "softmaxBackwardAcc simd");
            assertClose(dx2, 0, r, n, 2e-6, 1e-5, "softmaxBackwardAcc scalar");
        }
    }

    private static double weighted(double[] p, float[] w) {
        double s = 0;
        for (int i = 0; i < p.length; i++) s += p[i] * w[OFF_B + i];
        return s;
    }

    /** L = sum_j w_j log softmax(x)_j over kept j: masked dx untouched, kept dx = w - p sum w. */
    @Test
    void logSoftmaxBackwardMatchesFiniteDifferencesAndLeavesMaskedAlone() {
        final int mOff = 3;
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -2f, 2f), w = uniform(rnd, OFF_B, n, -1f, 1f);
            for (boolean[] m : masks(n, mOff)) {
                float[] y = guarded(OFF_OUT, n);
                SoftmaxSimd.logSoftmax(x, OFF_A, y, OFF_OUT, n, m, mOff);
                float[] dx0 = uniform(rnd, 0, n, -1f, 1f), dx1 = dx0.clone(), dx2 = dx0.clone();
                SoftmaxSimd.logSoftmaxBackwardAcc(y, OFF_OUT, w, OFF_B, dx1, 0, n, m, mOff);
                SoftmaxScalar.logSoftmaxBackwardAcc(y, OFF_OUT, w, OFF_B, dx2, 0, n, m, mOff);
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    if (!kept(m, mOff, i)) { r[i] = dx0[i]; continue; }
                    float keep = x[OFF_A + i];
                    x[OFF_A + i] = keep + 1e-3f; double up = weightedLog(x, n, m, mOff, w);
                    float hUp = x[OFF_A + i] - keep;
                    x[OFF_A + i] = keep - 1e-3f; double down = weightedLog(x, n, m, mOff, w);
                    float hDown = keep - x[OFF_A + i];
                    x[OFF_A + i] = keep;
                    r[i] = dx0[i] + (up - down) / (hUp + hDown);
                }
                assertClose(dx1, 0, r, n, 1e-5, 1e-5, "logSoftmaxBackwardAcc simd");
                assertClose(dx2, 0, r, n, 1e-5, 1e-5, "logSoftmaxBackwardAcc scalar");
                for (int i = 0; i < n; i++)
                    if (!kept(m, mOff, i)) assertEquals(dx0[i], dx1[i], 0f, "masked dx must be untouched");
            }
        }
    }

    private double weightedLog(float[] x, int n, boolean[] m, int mOff, float[] w) {
        double[] p = softmaxRef(x, OFF_A, 1, n, m, mOff);
        double s = 0;
        for (int i = 0; i < n; i++) if (kept(m, mOff, i)) s += w[OFF_B + i] * Math.log(p[i]);
        return s;
    }

    @Test
    void extremeLogitsGiveNoNaN() {
        float[] x = {-3e38f, 3e38f, 0f, 88f, -88f, 1e30f, Float.NEGATIVE_INFINITY};
        int n = x.length;
        float[] o = new float[n], l = new float[n];
        SoftmaxSimd.softmax(x, 0, o, 0, n, null, 0);
        SoftmaxSimd.logSoftmax(x, 0, l, 0, n, null, 0);
        assertEquals(1f, o[1], 0f, "the largest logit takes all the mass");
        for (int i = 0; i < n; i++) {
            assertFalse(Float.isNaN(o[i]) || Float.isNaN(l[i]), "NaN at " + i);
            if (i != 1) assertEquals(0f, o[i], 0f);
        }
        assertEquals(0f, l[1], 0f, "log p of the winner");
        float[] allNegInf = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] z = {9f, 9f, 9f};
        SoftmaxSimd.softmax(allNegInf, 0, z, 0, 3, null, 0);
        assertArrayEquals(new float[3], z, "all -Infinity gives zeros, not NaN");
    }

    @Test
    void facadeAgreesWithSelectedTwin() {
        float[] x = uniform(rnd, 0, 77, -3f, 3f), o = new float[81], t = new float[81];
        Softmax.softmax(x, 0, o, 0, 77, null, 0);
        if (Simd.ENABLED) SoftmaxSimd.softmax(x, 0, t, 0, 77, null, 0);
        else SoftmaxScalar.softmax(x, 0, t, 0, 77, null, 0);
        assertArrayEquals(t, o);
    }
}
