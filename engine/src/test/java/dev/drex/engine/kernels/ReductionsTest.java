package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.KernelTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ReductionsSimd} and {@link ReductionsScalar} against double-precision sums. The bound
 * asserted is the classical one for a float sum of n terms, n * 2^-24 * sum |term|: it says
 * float accumulation is enough at these lengths, and the test prints how far below it we are.
 */
class ReductionsTest {

    private static final double EPS = Math.ulp(1f) / 2;   // 2^-24, unit roundoff of float
    private final Random rnd = new Random(7);

    private static void assertWithinSumBound(float got, double exact, double absSum, int n, String what) {
        double bound = n * EPS * absSum + Float.MIN_VALUE;
        assertTrue(Math.abs(got - exact) <= bound, what + " n=" + n + ": got " + got + ", exact " + exact + ", bound " + bound);
    }

    @Test
    void sumDotSumSquaresWithinTheFloatSummationBound() {
        double worstRatio = 0;
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -1f, 3f), y = uniform(rnd, OFF_B, n, -2f, 2f);
            double s = 0, sa = 0, d = 0, da = 0, q = 0;
            for (int i = 0; i < n; i++) {
                double a = x[OFF_A + i], b = y[OFF_B + i];
                s += a; sa += Math.abs(a); d += a * b; da += Math.abs(a * b); q += a * a;
            }
            float[] got = {ReductionsSimd.sum(x, OFF_A, n), ReductionsScalar.sum(x, OFF_A, n),
                    ReductionsSimd.dot(x, OFF_A, y, OFF_B, n), ReductionsScalar.dot(x, OFF_A, y, OFF_B, n),
                    ReductionsSimd.sumSquares(x, OFF_A, n), ReductionsScalar.sumSquares(x, OFF_A, n)};
            double[] exact = {s, s, d, d, q, q}, abs = {sa, sa, da, da, q, q};
            String[] names = {"sum simd", "sum scalar", "dot simd", "dot scalar", "sumSquares simd", "sumSquares scalar"};
            for (int k = 0; k < got.length; k++) {
                assertWithinSumBound(got[k], exact[k], abs[k], n, names[k]);
                if (n > 100) worstRatio = Math.max(worstRatio, Math.abs(got[k] - exact[k]) / (n * EPS * abs[k]));
            }
        }
        System.out.printf("reductions: worst error / (n 2^-24 sum|x|) for n > 100 = %.2g%n", worstRatio);
    }

    @Test
    void maxIsExactAndEmptyIsNegativeInfinity() {
        for (int n : SIZES) {
            float[] x = uniform(rnd, OFF_A, n, -100f, -1f);
            int at = rnd.nextInt(n);
            x[OFF_A + at] = -0.5f;                        // the maximum, at a random position (tail or body)
            assertEquals(-0.5f, ReductionsSimd.max(x, OFF_A, n), 0f, "max simd n=" + n);
            assertEquals(-0.5f, ReductionsScalar.max(x, OFF_A, n), 0f, "max scalar n=" + n);
        }
        assertEquals(Float.NEGATIVE_INFINITY, ReductionsSimd.max(new float[4], 2, 0));
        assertEquals(0f, ReductionsSimd.sum(new float[4], 2, 0));
    }

    @Test
    void sumRowsIntoAccumulatesColumnSumsIdenticallyInBothTwins() {
        int[][] shapes = {{1, 1}, {7, 3}, {5, 16}, {9, 17}, {4, 1031}, {128, 33}};
        for (int[] sh : shapes) {
            int rows = sh[0], cols = sh[1];
            float[] x = uniform(rnd, OFF_A, rows * cols, -1f, 1f);
            float[] o1 = uniform(rnd, OFF_OUT, cols, -1f, 1f), o2 = o1.clone(), init = o1.clone();
            ReductionsSimd.sumRowsInto(x, OFF_A, rows, cols, o1, OFF_OUT);
            ReductionsScalar.sumRowsInto(x, OFF_A, rows, cols, o2, OFF_OUT);
            assertArrayEquals(o2, o1, "sumRowsInto " + rows + "x" + cols);
            assertGuards(o1, OFF_OUT, cols, "sumRowsInto");
            for (int c = 0; c < cols; c++) {
                double s = init[OFF_OUT + c], sa = Math.abs(s);
                for (int r = 0; r < rows; r++) { s += x[OFF_A + r * cols + c]; sa += Math.abs(x[OFF_A + r * cols + c]); }
                assertWithinSumBound(o1[OFF_OUT + c], s, sa, rows + 1, "sumRowsInto column " + c);
            }
        }
    }

    @Test
    void facadeAgreesWithSelectedTwin() {
        float[] x = uniform(rnd, 0, 1000, -1f, 1f);
        float expected = Simd.ENABLED ? ReductionsSimd.sum(x, 0, 1000) : ReductionsScalar.sum(x, 0, 1000);
        assertEquals(expected, Reductions.sum(x, 0, 1000), 0f);
    }
}
