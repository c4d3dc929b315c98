package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.KernelTestSupport.ulps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link Transcendentals} over a sweep of every 251st float bit pattern (17 million arguments, all
 * exponents, both signs, subnormals included) plus special values: the error against a double
 * reference stays within 2 ulp (2.5 for sigmoid, which compounds exp, an add and a divide), and the
 * vector form gives exactly the scalar form's bits.
 */
class TranscendentalsTest {

    private interface FloatOp { float apply(float x); }
    private interface VectorOp { void apply(float[] x, int xOff, float[] out, int outOff, int n); }

    private static final int STRIDE = 251;
    private static final float[] SPECIALS = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
            1f, -1f, 88.72283f, 88.72284f, -87.33655f, -103.97208f, -103.97209f, 0.5493f, 0.5494f, -0.5494f,
            0.70710677f, 0.7071068f, 1.4142135f, 1e-45f, 9.01f, -9.01f, 44.4f, -44.4f};

    /** Runs the sweep; returns the worst ulp error over finite references (the printout names the argument). */
    private static double sweep(String name, FloatOp scalar, VectorOp vector, DoubleUnaryOperator ref, double tol) {
        int chunk = 1 << 16;
        float[] x = new float[chunk + SPECIALS.length], v = new float[x.length];
        double worst = 0;
        float worstAt = Float.NaN;
        long bits = 0;
        boolean last = false;
        while (!last) {
            int m = 0;
            while (m < chunk && bits <= 0xffffffffL) {
                x[m++] = Float.intBitsToFloat((int) bits);
                bits += STRIDE;
            }
            last = bits > 0xffffffffL;
            if (last) for (float s : SPECIALS) x[m++] = s;
            vector.apply(x, 0, v, 0, m);
            for (int i = 0; i < m; i++) {
                float s = scalar.apply(x[i]);
                if (Float.floatToRawIntBits(s) != Float.floatToRawIntBits(v[i]) && !(Float.isNaN(s) && Float.isNaN(v[i])))
                    fail(name + "(" + x[i] + "): vector " + v[i] + " != scalar " + s);
                double r = ref.applyAsDouble(x[i]);
                double u = ulps(s, r);
                if (!(u <= tol)) fail(name + "(" + x[i] + ") = " + s + ", reference " + r + ": " + u + " ulp");
                if (u > worst) {
                    worst = u;
                    worstAt = x[i];
                }
            }
        }
        System.out.printf("%-8s max error %.3f ulp (at x = %s) over every %dth float; vector == scalar bitwise%n",
                name, worst, worstAt, STRIDE);
        return worst;
    }

    @Test
    void expWithinTwoUlpAndTwinsBitwise() {
        sweep("exp", Transcendentals::exp, ElementwiseSimd::exp, Math::exp, 2);
        assertEquals(Float.POSITIVE_INFINITY, Transcendentals.exp(88.72284f), "overflow just above ln(MAX_VALUE)");
        assertTrue(Float.isFinite(Transcendentals.exp(88.72283f)), "finite just below ln(MAX_VALUE)");
        assertEquals(Float.MIN_VALUE, Transcendentals.exp(-103.27893f), 0f, "smallest subnormal");
        assertEquals(0f, Transcendentals.exp(-103.98f), 0f, "underflow");
        assertEquals(1f, Transcendentals.exp(0f), 0f);
        assertTrue(Float.isNaN(Transcendentals.exp(Float.NaN)));
    }

    @Test
    void logWithinTwoUlpAndTwinsBitwise() {
        sweep("log", Transcendentals::log, ElementwiseSimd::log, Math::log, 2);
        assertEquals(Float.NEGATIVE_INFINITY, Transcendentals.log(0f));
        assertEquals(Float.NEGATIVE_INFINITY, Transcendentals.log(-0f));
        assertEquals(Float.POSITIVE_INFINITY, Transcendentals.log(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(Transcendentals.log(-1f)));
        assertEquals(0f, Transcendentals.log(1f), 0f, "log 1 is exactly 0");
    }

    @Test
    void tanhWithinTwoUlpAndTwinsBitwise() {
        sweep("tanh", Transcendentals::tanh, ElementwiseSimd::tanh, Math::tanh, 2);
        assertEquals(-0f, Transcendentals.tanh(-0f), 0f);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Transcendentals.tanh(-0f)), "sign of zero");
        assertEquals(1f, Transcendentals.tanh(Float.POSITIVE_INFINITY), 0f);
        assertEquals(-1f, Transcendentals.tanh(-1e30f), 0f);
    }

    @Test
    void sigmoidWithinTwoAndAHalfUlpAndTwinsBitwise() {
        sweep("sigmoid", Transcendentals::sigmoid, ElementwiseSimd::sigmoid, v -> 1 / (1 + Math.exp(-v)), 2.5);
        assertEquals(0f, Transcendentals.sigmoid(Float.NEGATIVE_INFINITY), 0f);
        assertEquals(1f, Transcendentals.sigmoid(Float.POSITIVE_INFINITY), 0f);
        assertEquals(Float.MIN_VALUE, Transcendentals.sigmoid(-103.27893f), 0f, "tiny results go through the subnormals");
    }
}
