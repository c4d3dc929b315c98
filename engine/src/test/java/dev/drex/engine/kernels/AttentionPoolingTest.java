package dev.drex.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AttentionPooling}: the SIMD kernels equal their scalar twins BIT FOR BIT (the twins share the
 * summation order) at awkward widths and row counts, with offsets and guard cells; both agree with a
 * double-precision reference of the math; and the SIMD dot product is the lane-order sum it documents.
 */
class AttentionPoolingTest {
    private static final int[] DIMS = {1, 3, 15, 16, 17, 33, 64, 384, 1000, 1031};
    private static final int[] ROWS = {1, 3, 4, 5, 15, 16, 17, 33, 52};

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(what + ": index " + i + " scalar " + expected[i] + " vs SIMD " + actual[i]);
            }
        }
    }

    @Test
    void simdKernelsEqualTheScalarTwinsBitForBit() {
        Random rnd = new Random(11);
        for (int dim : DIMS) {
            for (int n : ROWS) {
                String at = "dim " + dim + " n " + n;
                float[] u = KernelTestSupport.uniform(rnd, KernelTestSupport.OFF_A, dim, -1, 1);
                float[] h = KernelTestSupport.uniform(rnd, KernelTestSupport.OFF_B, n * dim, -1, 1);
                float[] s1 = KernelTestSupport.guarded(KernelTestSupport.OFF_OUT, n), s2 = s1.clone();
                float[] work = new float[AttentionPooling.WORK_FLOATS];
                AttentionPoolingScalar.scores(u, KernelTestSupport.OFF_A, h, KernelTestSupport.OFF_B, n, dim, s1, KernelTestSupport.OFF_OUT, work);
                AttentionPoolingSimd.scores(u, KernelTestSupport.OFF_A, h, KernelTestSupport.OFF_B, n, dim, s2, KernelTestSupport.OFF_OUT, work);
                assertSameBits(s1, s2, "scores " + at);
                KernelTestSupport.assertGuards(s2, KernelTestSupport.OFF_OUT, n, "scores " + at);

                float[] w = KernelTestSupport.uniform(rnd, 2, n, -1, 1);
                float[] p1 = KernelTestSupport.uniform(rnd, KernelTestSupport.OFF_OUT, dim, -1, 1), p2 = p1.clone();
                AttentionPoolingScalar.weightedRowSumAcc(w, 2, h, KernelTestSupport.OFF_B, n, dim, p1, KernelTestSupport.OFF_OUT);
                AttentionPoolingSimd.weightedRowSumAcc(w, 2, h, KernelTestSupport.OFF_B, n, dim, p2, KernelTestSupport.OFF_OUT);
                assertSameBits(p1, p2, "weightedRowSumAcc " + at);
                KernelTestSupport.assertGuards(p2, KernelTestSupport.OFF_OUT, dim, "weightedRowSumAcc " + at);
            }
        }
    }

    /** Forward and backward through the dispatching facade against double precision. */
    @Test
    void forwardAndBackwardMatchADoubleReference() {
        Random rnd = new Random(12);
        for (int dim : DIMS) {
            for (int n : ROWS) {
                String at = "dim " + dim + " n " + n;
                float[] u = new float[dim], h = new float[n * dim], dp = new float[dim];
                for (int i = 0; i < dim; i++) {
                    u[i] = (float) (rnd.nextGaussian() / Math.sqrt(dim));
                    dp[i] = (float) rnd.nextGaussian();
                }
                for (int i = 0; i < h.length; i++) h[i] = (float) rnd.nextGaussian();
                float[] a = new float[n], p = new float[dim], du = new float[dim], g = new float[n];
                float[] work = new float[AttentionPooling.WORK_FLOATS];
                AttentionPooling.forward(u, 0, h, 0, n, dim, a, 0, p, 0, work);
                AttentionPooling.backwardAcc(dp, 0, h, 0, n, dim, a, 0, g, 0, du, 0, work);

                double[] s = new double[n], ar = new double[n];
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < dim; i++) s[j] += (double) u[i] * h[j * dim + i];
                    max = Math.max(max, s[j]);
                }
                for (int j = 0; j < n; j++) sum += ar[j] = Math.exp(s[j] - max);
                double[] gr = new double[n];
                double gbar = 0;
                for (int j = 0; j < n; j++) {
                    ar[j] /= sum;
                    assertEquals(ar[j], a[j], 1e-5, "a[" + j + "] " + at);
                    for (int i = 0; i < dim; i++) gr[j] += (double) dp[i] * h[j * dim + i];
                    gbar += ar[j] * gr[j];
                }
                for (int i = 0; i < dim; i++) {
                    double pr = 0, dur = 0, scale = 0;
                    for (int j = 0; j < n; j++) {
                        pr += ar[j] * h[j * dim + i];
                        dur += ar[j] * (gr[j] - gbar) * h[j * dim + i];
                        scale += Math.abs(ar[j] * (Math.abs(gr[j]) + Math.abs(gbar)) * h[j * dim + i]);
                    }
                    assertEquals(pr, p[i], 1e-5, "p[" + i + "] " + at);
                    assertEquals(dur, du[i], 1e-5 * (1 + scale) * Math.sqrt(dim), "du[" + i + "] " + at);
                }
            }
        }
    }

    /** The documented order, row by row (37 rows: full groups of parked lane sums, then a partial group). */
    @Test
    void aScoreIsTheLaneOrderSum() {
        Random rnd = new Random(13);
        int lanes = Simd.SPECIES.length(), n = 37;
        for (int dim : DIMS) {
            float[] u = new float[dim], h = new float[n * dim];
            for (int i = 0; i < dim; i++) u[i] = (float) rnd.nextGaussian();
            for (int i = 0; i < h.length; i++) h[i] = (float) rnd.nextGaussian();
            float[] s = new float[n];
            AttentionPooling.scores(u, 0, h, 0, n, dim, s, 0, new float[AttentionPooling.WORK_FLOATS]);
            int bound = dim - dim % lanes;
            for (int j = 0; j < n; j++) {
                float[] acc = new float[lanes];
                for (int i = 0; i < bound; i++) acc[i % lanes] = Math.fma(u[i], h[j * dim + i], acc[i % lanes]);
                float expected = 0;
                for (float v : acc) expected += v;
                for (int i = bound; i < dim; i++) expected += u[i] * h[j * dim + i];
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(s[j]), "dim " + dim + " row " + j);
            }
        }
    }
}
