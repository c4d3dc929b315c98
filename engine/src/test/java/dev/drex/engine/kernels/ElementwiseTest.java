package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.KernelTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link ElementwiseSimd} against {@link ElementwiseScalar} and against double-precision references. */
class ElementwiseTest {

    interface Binary { void apply(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n); }
    interface Unary { void apply(float[] x, int xOff, float[] out, int outOff, int n); }
    interface BackwardAcc { void apply(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n); }

    private final Random rnd = new Random(42);

    /** +, -, *, / are exact IEEE operations: both twins, and the double reference rounded once, agree bit for bit. */
    private void checkBinary(String name, Binary simd, Binary scalar, DoubleBinaryOperator ref) {
        for (int n : SIZES) {
            float[] a = uniform(rnd, OFF_A, n, -4f, 4f), b = uniform(rnd, OFF_B, n, 0.5f, 3f);
            float[] o1 = guarded(OFF_OUT, n), o2 = guarded(OFF_OUT, n);
            simd.apply(a, OFF_A, b, OFF_B, o1, OFF_OUT, n);
            scalar.apply(a, OFF_A, b, OFF_B, o2, OFF_OUT, n);
            assertArrayEquals(o2, o1, name + " simd vs scalar n=" + n);
            assertGuards(o1, OFF_OUT, n, name);
            for (int i = 0; i < n; i++)
                assertEquals((float) ref.applyAsDouble(a[OFF_A + i], b[OFF_B + i]), o1[OFF_OUT + i], 0f, name + " vs reference");
            // in place: out is a at the same offset
            float[] alias = a.clone();
            simd.apply(alias, OFF_A, b, OFF_B, alias, OFF_A, n);
            for (int i = 0; i < n; i++) assertEquals(o1[OFF_OUT + i], alias[OFF_A + i], 0f, name + " aliased");
        }
    }

    @Test
    void arithmeticIsExactInBothTwins() {
        checkBinary("add", ElementwiseSimd::add, ElementwiseScalar::add, (x, y) -> x + y);
        checkBinary("sub", ElementwiseSimd::sub, ElementwiseScalar::sub, (x, y) -> x - y);
        checkBinary("mul", ElementwiseSimd::mul, ElementwiseScalar::mul, (x, y) -> x * y);
        checkBinary("div", ElementwiseSimd::div, ElementwiseScalar::div, (x, y) -> x / y);
        checkBinary("scale", (a, ao, b, bo, o, oo, n) -> ElementwiseSimd.scale(a, ao, 1.7f, o, oo, n),
                (a, ao, b, bo, o, oo, n) -> ElementwiseScalar.scale(a, ao, 1.7f, o, oo, n), (x, y) -> 1.7f * x);
        checkBinary("addScalar", (a, ao, b, bo, o, oo, n) -> ElementwiseSimd.addScalar(a, ao, -0.3f, o, oo, n),
                (a, ao, b, bo, o, oo, n) -> ElementwiseScalar.addScalar(a, ao, -0.3f, o, oo, n), (x, y) -> x + -0.3f);
        checkBinary("relu", (a, ao, b, bo, o, oo, n) -> ElementwiseSimd.relu(a, ao, o, oo, n),
                (a, ao, b, bo, o, oo, n) -> ElementwiseScalar.relu(a, ao, o, oo, n), (x, y) -> Math.max(x, 0));
        checkBinary("sqrt", (a, ao, b, bo, o, oo, n) -> ElementwiseSimd.sqrt(b, bo, o, oo, n),
                (a, ao, b, bo, o, oo, n) -> ElementwiseScalar.sqrt(b, bo, o, oo, n), (x, y) -> Math.sqrt(y));
    }

    @Test
    void fusedAccumulationsMatchTheExactResultRoundedOnce() {
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -2f, 2f), w = uniform(rnd, OFF_B, n, -2f, 2f);
            float[] y0 = uniform(rnd, OFF_OUT, n, -1f, 1f);
            float[] y1 = y0.clone(), y2 = y0.clone(), m1 = y0.clone(), m2 = y0.clone();
            ElementwiseSimd.axpy(0.75f, x, OFF_A, y1, OFF_OUT, n);
            ElementwiseScalar.axpy(0.75f, x, OFF_A, y2, OFF_OUT, n);
            ElementwiseSimd.mulAcc(x, OFF_A, w, OFF_B, m1, OFF_OUT, n);
            ElementwiseScalar.mulAcc(x, OFF_A, w, OFF_B, m2, OFF_OUT, n);
            assertArrayEquals(y2, y1, "axpy n=" + n);
            assertArrayEquals(m2, m1, "mulAcc n=" + n);
            assertGuards(y1, OFF_OUT, n, "axpy");
            for (int i = 0; i < n; i++) {
                // a*b is exact in double; the sum rounds at most once more: within 1 ulp of fma's result
                assertTrue(ulps(y1[OFF_OUT + i], 0.75 * x[OFF_A + i] + y0[OFF_OUT + i]) <= 1, "axpy vs reference");
                assertTrue(ulps(m1[OFF_OUT + i], (double) x[OFF_A + i] * w[OFF_B + i] + y0[OFF_OUT + i]) <= 1, "mulAcc vs reference");
            }
        }
    }

    /** The twins run the same float operations (see {@link Transcendentals}), so they must agree bit for bit. */
    private void checkUnary(String name, Unary simd, Unary scalar, DoubleUnaryOperator ref, float lo, float hi,
                            double refUlps) {
        double worst = 0;
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, lo, hi);
            float[] o1 = guarded(OFF_OUT, n), o2 = guarded(OFF_OUT, n);
            simd.apply(x, OFF_A, o1, OFF_OUT, n);
            scalar.apply(x, OFF_A, o2, OFF_OUT, n);
            assertGuards(o1, OFF_OUT, n, name);
            assertArrayEquals(o2, o1, name + " simd vs scalar, bitwise, n=" + n);
            for (int i = 0; i < n; i++) {
                double u = ulps(o1[OFF_OUT + i], ref.applyAsDouble(x[OFF_A + i]));
                worst = Math.max(worst, u);
                assertTrue(u <= refUlps, name + "(" + x[OFF_A + i] + ") = " + o1[OFF_OUT + i] + ", " + u + " ulp from reference");
            }
            float[] alias = x.clone();
            simd.apply(alias, OFF_A, alias, OFF_A, n);
            for (int i = 0; i < n; i++) assertEquals(o1[OFF_OUT + i], alias[OFF_A + i], 0f, name + " aliased");
        }
        System.out.printf("%-8s simd max error vs double reference: %.2f ulp%n", name, worst);
    }

    @Test
    void transcendentalsTwinsAgreeBitwiseAndWithinTwoUlps() {
        checkUnary("exp", ElementwiseSimd::exp, ElementwiseScalar::exp, Math::exp, -20f, 20f, 2.5);
        checkUnary("log", ElementwiseSimd::log, ElementwiseScalar::log, Math::log, 1e-6f, 100f, 2);
        checkUnary("tanh", ElementwiseSimd::tanh, ElementwiseScalar::tanh, Math::tanh, -10f, 10f, 2);
        checkUnary("sigmoid", ElementwiseSimd::sigmoid, ElementwiseScalar::sigmoid, v -> 1 / (1 + Math.exp(-v)),
                -20f, 20f, 2.5);
    }

    @Test
    void extremeInputsSaturateWithoutNaN() {
        float[] x = {-1e30f, -1000f, -104f, -88f, -30f, 0f, 30f, 88f, 89f, 1000f, 1e30f,
                Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f, 1e-30f, -1e-30f, 5f};
        int n = x.length;
        Unary[][] pairs = {{ElementwiseSimd::exp, ElementwiseScalar::exp}, {ElementwiseSimd::sigmoid, ElementwiseScalar::sigmoid},
                {ElementwiseSimd::tanh, ElementwiseScalar::tanh}, {ElementwiseSimd::geluErf, ElementwiseScalar::geluErf},
                {ElementwiseSimd::geluTanh, ElementwiseScalar::geluTanh}, {ElementwiseSimd::erf, ElementwiseScalar::erf}};
        String[] names = {"exp", "sigmoid", "tanh", "geluErf", "geluTanh", "erf"};
        for (int k = 0; k < pairs.length; k++) {
            float[] o1 = new float[n], o2 = new float[n];
            pairs[k][0].apply(x, 0, o1, 0, n);
            pairs[k][1].apply(x, 0, o2, 0, n);
            for (int i = 0; i < n; i++) {
                boolean finiteMath = !(names[k].equals("exp") && x[i] > 88.7f) && !(names[k].startsWith("gelu") && Float.isInfinite(x[i]));
                if (finiteMath) {
                    assertTrue(Float.isFinite(o1[i]), names[k] + "(" + x[i] + ") simd = " + o1[i]);
                    assertTrue(Float.isFinite(o2[i]), names[k] + "(" + x[i] + ") scalar = " + o2[i]);
                }
                assertEquals(o2[i], o1[i], names[k] + "(" + x[i] + "): simd vs scalar, bitwise");
            }
        }
        float[] s = new float[n];
        ElementwiseSimd.sigmoid(x, 0, s, 0, n);
        assertEquals(0f, s[1], 0f, "sigmoid(-1000)");
        assertEquals(1f, s[9], 0f, "sigmoid(1000)");
        float[] e = new float[n];
        ElementwiseSimd.exp(x, 0, e, 0, n);
        assertEquals(Float.POSITIVE_INFINITY, e[8], "exp(89) overflows");
        assertEquals(0f, e[2], 0f, "exp(-104) underflows to 0");
    }

    @Test
    void erfMatchesDoubleReference() {
        int n = 200_001;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = -6f + 12f * i / (n - 1);
        float[] o1 = new float[n], o2 = new float[n];
        ElementwiseSimd.erf(x, 0, o1, 0, n);
        ElementwiseScalar.erf(x, 0, o2, 0, n);
        double worst1 = 0, worst2 = 0, worstTwin = 0;
        for (int i = 0; i < n; i++) {
            double r = erfRef(x[i]);
            worst1 = Math.max(worst1, Math.abs(o1[i] - r));
            worst2 = Math.max(worst2, Math.abs(o2[i] - r));
            worstTwin = Math.max(worstTwin, Math.abs(o1[i] - o2[i]));
        }
        System.out.printf("erf max abs error: simd %.3g, scalar %.3g, simd-scalar %.3g%n", worst1, worst2, worstTwin);
        assertTrue(worst1 < 1.5e-7, "simd erf error " + worst1);
        assertTrue(worst2 < 1.5e-7, "scalar erf error " + worst2);
        assertArrayEquals(o2, o1, "erf simd vs scalar, bitwise");
        // small arguments keep their relative accuracy (the x P(x^2) branch)
        float[] tiny = {1e-30f, -3e-8f, 1e-5f, 0.01f};
        float[] te = new float[tiny.length];
        ElementwiseSimd.erf(tiny, 0, te, 0, tiny.length);
        for (int i = 0; i < tiny.length; i++) assertTrue(ulps(te[i], erfRef(tiny[i])) <= 2, "erf(" + tiny[i] + ") = " + te[i]);
        // the reference itself: erf(1) and erf(0.5) to 1e-15 (Abramowitz & Stegun table 7.1)
        assertEquals(0.842700792949715, erfRef(1.0), 1e-15);
        assertEquals(0.520499877813047, erfRef(0.5), 1e-15);
    }

    @Test
    void geluFormsMatchDoubleReference() {
        checkGelu("geluErf", ElementwiseSimd::geluErf, ElementwiseScalar::geluErf, KernelTestSupport::geluErfRef);
        checkGelu("geluTanh", ElementwiseSimd::geluTanh, ElementwiseScalar::geluTanh, KernelTestSupport::geluTanhRef);
    }

    private void checkGelu(String name, Unary simd, Unary scalar, DoubleUnaryOperator ref) {
        double worst = 0;
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -8f, 8f);
            float[] o1 = guarded(OFF_OUT, n), o2 = guarded(OFF_OUT, n);
            simd.apply(x, OFF_A, o1, OFF_OUT, n);
            scalar.apply(x, OFF_A, o2, OFF_OUT, n);
            assertGuards(o1, OFF_OUT, n, name);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = ref.applyAsDouble(x[OFF_A + i]);
            // erf's 1.5e-7 absolute error is scaled by 0.5|x|; float rounding adds a few ulp of the result
            worst = Math.max(worst, assertClose(o1, OFF_OUT, r, n, 6e-7, 4e-7, name + " simd"));
            assertClose(o2, OFF_OUT, r, n, 6e-7, 4e-7, name + " scalar");
            assertArrayEquals(o2, o1, name + " simd vs scalar, bitwise, n=" + n);
        }
        System.out.printf("%-8s simd max abs error vs double reference on [-8, 8]: %.3g%n", name, worst);
    }

    static double[] toDouble(float[] a, int off, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = a[off + i];
        return d;
    }

    @Test
    void geluBackwardsMatchCentralDifferencesOfTheDoubleReference() {
        checkGeluBackward("geluErf", ElementwiseSimd::geluErfBackwardAcc, ElementwiseScalar::geluErfBackwardAcc,
                KernelTestSupport::geluErfRef);
        checkGeluBackward("geluTanh", ElementwiseSimd::geluTanhBackwardAcc, ElementwiseScalar::geluTanhBackwardAcc,
                KernelTestSupport::geluTanhRef);
    }

    private void checkGeluBackward(String name, BackwardAcc simd, BackwardAcc scalar, DoubleUnaryOperator ref) {
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -6f, 6f), dy = uniform(rnd, OFF_B, n, -1f, 1f);
            float[] d0 = uniform(rnd, OFF_OUT, n, -1f, 1f), d1 = d0.clone(), d2 = d0.clone();
            simd.apply(x, OFF_A, dy, OFF_B, d1, OFF_OUT, n);
            scalar.apply(x, OFF_A, dy, OFF_B, d2, OFF_OUT, n);
            assertGuards(d1, OFF_OUT, n, name + " backward");
            double[] r = new double[n];
            double h = 1e-4;
            for (int i = 0; i < n; i++) {
                double v = x[OFF_A + i];
                double slope = (ref.applyAsDouble(v + h) - ref.applyAsDouble(v - h)) / (2 * h);
                r[i] = d0[OFF_OUT + i] + dy[OFF_B + i] * slope;
            }
            assertClose(d1, OFF_OUT, r, n, 2e-6, 1e-6, name + " backward simd");
            assertClose(d2, OFF_OUT, r, n, 2e-6, 1e-6, name + " backward scalar");
            assertArrayEquals(d2, d1, name + " backward simd vs scalar, bitwise, n=" + n);
        }
    }

    @Test
    void biasRowsAndFusedBiasGelu() {
        int[][] shapes = {{1, 1}, {3, 17}, {4, 16}, {5, 33}, {2, 1031}};
        for (int[] s : shapes) {
            int rows = s[0], cols = s[1], n = rows * cols;
            float[] x = uniform(rnd, OFF_A, n, -4f, 4f), bias = uniform(rnd, OFF_B, cols, -1f, 1f);
            float[] b1 = x.clone(), b2 = x.clone();
            ElementwiseSimd.addBiasRows(b1, OFF_A, bias, OFF_B, rows, cols);
            ElementwiseScalar.addBiasRows(b2, OFF_A, bias, OFF_B, rows, cols);
            assertArrayEquals(b2, b1, "addBiasRows " + rows + "x" + cols);
            for (int i = 0; i < n; i++) assertEquals(x[OFF_A + i] + bias[OFF_B + i % cols], b1[OFF_A + i], 0f);
            for (boolean tanhForm : new boolean[] {false, true}) {
                float[] o1 = guarded(OFF_OUT, n), o2 = guarded(OFF_OUT, n);
                ElementwiseSimd.biasGelu(x, OFF_A, bias, OFF_B, rows, cols, o1, OFF_OUT, tanhForm);
                ElementwiseScalar.biasGelu(x, OFF_A, bias, OFF_B, rows, cols, o2, OFF_OUT, tanhForm);
                assertGuards(o1, OFF_OUT, n, "biasGelu");
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    double v = x[OFF_A + i] + bias[OFF_B + i % cols];
                    r[i] = tanhForm ? geluTanhRef((float) v) : geluErfRef((float) v);
                }
                assertClose(o1, OFF_OUT, r, n, 6e-7, 4e-7, "biasGelu simd tanh=" + tanhForm);
                assertClose(o2, OFF_OUT, r, n, 6e-7, 4e-7, "biasGelu scalar tanh=" + tanhForm);
                assertArrayEquals(o2, o1, "biasGelu simd vs scalar, bitwise, tanh=" + tanhForm);
                float[] inPlace = x.clone();             // out == x
                ElementwiseSimd.biasGelu(inPlace, OFF_A, bias, OFF_B, rows, cols, inPlace, OFF_A, tanhForm);
                for (int i = 0; i < n; i++) assertEquals(o1[OFF_OUT + i], inPlace[OFF_A + i], 0f, "biasGelu in place");
            }
        }
    }

    @Test
    void facadeDispatchesToTheSelectedTwin() {
        float[] x = uniform(rnd, 0, 37, -3f, 3f), o = new float[41], t = new float[41];
        Elementwise.geluErf(x, 0, o, 0, 37);
        if (Simd.ENABLED) ElementwiseSimd.geluErf(x, 0, t, 0, 37);
        else ElementwiseScalar.geluErf(x, 0, t, 0, 37);
        assertArrayEquals(t, o);
    }
}
