package dev.drex.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.jblas.FloatMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Gemm} (SIMD, 1 and 2 threads) against its scalar twin {@link GemmScalar} (double
 * accumulation) at awkward sizes, all four transposes, several alpha/beta, padded strides and
 * offsets; plus the pre-packed B path and a comparison with jblas (OpenBLAS).
 */
class GemmTest {

    private static final int[] SIZES = {1, 2, 3, 7, 15, 16, 17, 31, 33, 65, 129};
    private static final float[][] ALPHA_BETA = {{1f, 0f}, {1f, 1f}, {-0.5f, 2f}, {2f, 0f}, {0.75f, -1f}};

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(2);
    }

    /** Every (m, n, k) in SIZES^3, each with a random transpose pair, alpha/beta and thread count. */
    @Test
    void simdMatchesScalarAtAwkwardSizes() {
        Random rnd = new Random(42);
        int cases = 0;
        for (int m : SIZES) {
            for (int n : SIZES) {
                for (int k : SIZES) {
                    boolean transA = rnd.nextBoolean(), transB = rnd.nextBoolean();
                    float[] ab = ALPHA_BETA[rnd.nextInt(ALPHA_BETA.length)];
                    int threads = 1 + rnd.nextInt(2);
                    checkAgainstScalar(rnd, transA, transB, m, n, k, ab[0], ab[1], threads, true);
                    cases++;
                }
            }
        }
        assertEquals(SIZES.length * SIZES.length * SIZES.length, cases);
    }

    /** Each transpose combination and thread count fully, at a few ragged shapes. */
    @Test
    void allTransposesAndThreadCounts() {
        Random rnd = new Random(7);
        int[][] shapes = {{17, 33, 65}, {129, 31, 7}, {3, 129, 33}, {65, 65, 300}, {1, 1000, 3}, {1000, 2, 17}, {3, 4200, 9}}; // n = 4200 crosses the NC block
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                for (float[] ab : ALPHA_BETA) {
                    for (int threads = 1; threads <= 2; threads++) {
                        checkAgainstScalar(rnd, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], ab[0], ab[1], threads, true);
                    }
                }
            }
        }
    }

    /** Larger and BERT-shaped products cross every cache block boundary (KC, MC) and both split directions. */
    @Test
    void largeAndBertShapes() {
        Random rnd = new Random(3);
        checkAgainstScalar(rnd, false, false, 300, 261, 517, 1f, 0f, 2, false);
        checkAgainstScalar(rnd, true, true, 300, 261, 517, 0.5f, 1f, 1, false);
        checkAgainstScalar(rnd, false, true, 128, 768, 768, 1f, 0f, 2, false);
        checkAgainstScalar(rnd, true, false, 700, 20, 40, 1f, 1f, 2, false); // tall and thin: row strips
        // k = 6500 > KC: three k blocks, the later ones accumulating onto the first.
        for (int t = 0; t < 4; t++) checkAgainstScalar(rnd, (t & 1) != 0, (t & 2) != 0, 37, 45, 6500, 0.5f, t < 2 ? 0f : 1f, 2, true);
        // one k block 3072 deep: B panels of 1024 columns, so n = 1100 takes two
        checkAgainstScalar(rnd, false, true, 5, 1100, 3072, 1f, 0f, 1, true);
    }

    @Test
    void zeroSizes() {
        float[] c = {5f, 6f, 7f, 8f};
        Gemm.sgemm(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 3f, c, 0, 2);
        assertTrue(Arrays.equals(new float[] {15f, 18f, 21f, 24f}, c), Arrays.toString(c));
        float[] nan = {Float.NaN, Float.NaN};
        Gemm.sgemm(true, true, 1, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 1, 0f, nan, 0, 2);
        assertTrue(Arrays.equals(new float[] {0f, 0f}, nan), "k = 0, beta = 0 must write zeros: " + Arrays.toString(nan));
        float[] untouched = {9f};
        Gemm.sgemm(false, false, 0, 1, 3, 1f, new float[0], 0, 3, new float[3], 0, 1, 0f, untouched, 0, 1);
        Gemm.sgemm(false, false, 1, 0, 3, 1f, new float[3], 0, 3, new float[0], 0, 1, 0f, untouched, 0, 1);
        assertEquals(9f, untouched[0]);
    }

    @Test
    void badStorageIsRejectedWithTheMatrixName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 4, 4, 4, 1f, new float[16], 0, 4, new float[15], 0, 4, 0f, new float[16], 0, 4));
        assertTrue(e.getMessage().contains("matrix B"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 4, 4, 4, 1f, new float[16], 0, 3, new float[16], 0, 4, 0f, new float[16], 0, 4));
        assertTrue(e.getMessage().contains("matrix A"), e.getMessage());
    }

    /** Pre-packed B (from an array and from a little-endian segment) gives the same C as the scalar twin. */
    @Test
    void prePackedBMatchesScalar() {
        Random rnd = new Random(11);
        int[][] shapes = {{1, 1, 1}, {17, 33, 300}, {128, 100, 531}, {33, 65, 17}, {9, 40, 6500}, {200, 40, 50}, {300, 200, 70}}; // 6500: three k blocks; last two: row strips (the last: m >= 2 MC)
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    int ldb = (transB ? k : n) + 3, bOff = 5;
                    float[] b = random(rnd, bOff + (transB ? n : k) * ldb);
                    Gemm.PackedB fromArray = Gemm.packB(transB, k, n, b, bOff, ldb);
                    Gemm.PackedB fromSegment;
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment seg = arena.allocate((long) b.length * Float.BYTES + 2);
                        ValueLayout.OfFloat le = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
                        for (int i = 0; i < b.length; i++) seg.set(le, 2 + (long) i * Float.BYTES, b[i]);
                        fromSegment = Gemm.packB(transB, k, n, seg, 2 + (long) bOff * Float.BYTES, ldb);
                    }
                    for (int p = 0; p < k; p += Math.max(1, k / 7)) {
                        for (int j = 0; j < n; j += Math.max(1, n / 5)) {
                            float expected = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                            assertEquals(expected, fromArray.get(p, j));
                            assertEquals(expected, fromSegment.get(p, j));
                        }
                    }
                    int lda = (transA ? m : k) + 2, ldc = n + 1;
                    float[] a = random(rnd, (transA ? k : m) * lda);
                    float[] c0 = random(rnd, m * ldc);
                    float[] expected = c0.clone();
                    GemmScalar.sgemm(transA, transB, m, n, k, 1.5f, a, 0, lda, b, bOff, ldb, 0.5f, expected, 0, ldc);
                    for (int threads = 1; threads <= 2; threads++) {
                        Parallel.setThreads(threads);
                        for (Gemm.PackedB packed : new Gemm.PackedB[] {fromArray, fromSegment}) {
                            float[] actual = c0.clone();
                            Gemm.sgemm(transA, m, 1.5f, a, 0, lda, packed, 0.5f, actual, 0, ldc);
                            assertClose(expected, actual, m, n, 0, ldc, k, "packed " + Arrays.toString(s));
                        }
                    }
                }
            }
        }
    }

    /** The independent oracle: OpenBLAS through jblas (column-major, so C^T = B^T A^T). */
    @Test
    void matchesJblas() {
        Random rnd = new Random(5);
        int[][] shapes = {{128, 768, 768}, {33, 17, 129}, {300, 261, 517}};
        Parallel.setThreads(2);
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            float[] a = random(rnd, m * k), b = random(rnd, k * n), c = new float[m * n];
            Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
            // Row-major A (m,k) is column-major A^T (k,m): jblas computes B^T A^T = (A B)^T column-major = A B row-major.
            FloatMatrix bt = new FloatMatrix(n, k, b), at = new FloatMatrix(k, m, a);
            float[] ref;
            try {
                ref = bt.mmul(at).data;
            } catch (UnsatisfiedLinkError e) {
                throw new AssertionError("jblas could not load its native OpenBLAS; on Debian it needs libgfortran5 "
                        + "(apt-get install -y libgfortran5): " + e.getMessage(), e);
            }
            float maxErr = 0;
            for (int i = 0; i < c.length; i++) maxErr = Math.max(maxErr, Math.abs(c[i] - ref[i]));
            System.out.printf("GemmTest: %dx%dx%d max |drex - jblas| = %.3g%n", m, k, n, maxErr);
            assertTrue(maxErr <= 1e-5f * k, "max abs error vs jblas " + maxErr + " at " + Arrays.toString(s));
        }
    }

    /**
     * Runs Gemm and GemmScalar on the same random inputs stored with offsets and padded strides;
     * C starts as NaN when beta == 0 (it must not be read) and must stay untouched outside its
     * logical (m, n) window.
     */
    private static void checkAgainstScalar(Random rnd, boolean transA, boolean transB, int m, int n, int k,
            float alpha, float beta, int threads, boolean padded) {
        int pad = padded ? 1 + rnd.nextInt(5) : 0;
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = aCols + pad, ldb = bCols + pad, ldc = n + pad;
        int aOff = pad * 3, bOff = pad * 2, cOff = pad;
        float[] a = random(rnd, aOff + aRows * lda);
        float[] b = random(rnd, bOff + bRows * ldb);
        float[] c0 = random(rnd, cOff + m * ldc + pad);
        float[] expected = c0.clone(), actual = c0.clone();
        if (beta == 0f) {
            for (int i = 0; i < m; i++) Arrays.fill(actual, cOff + i * ldc, cOff + i * ldc + n, Float.NaN);
        }
        GemmScalar.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, expected, cOff, ldc);
        Parallel.setThreads(threads);
        Gemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, actual, cOff, ldc);
        String what = String.format("m=%d n=%d k=%d transA=%b transB=%b alpha=%s beta=%s threads=%d pad=%d",
                m, n, k, transA, transB, alpha, beta, threads, pad);
        assertClose(expected, actual, m, n, cOff, ldc, k, what);
        for (int i = 0; i < c0.length; i++) {
            int row = (i - cOff) / ldc, col = (i - cOff) % ldc;
            boolean inside = i >= cOff && row < m && col < n;
            if (!inside && Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(c0[i])) {
                fail("wrote outside C at index " + i + ": " + what);
            }
        }
    }

    /** |actual - expected| <= 1e-5 * k * (1 + |expected|) over the logical (m, n) window. */
    private static void assertClose(float[] expected, float[] actual, int m, int n, int cOff, int ldc, int k, String what) {
        double tol = 1e-5 * Math.max(k, 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int idx = cOff + i * ldc + j;
                float e = expected[idx], x = actual[idx];
                if (!(Math.abs(x - e) <= tol * (1 + Math.abs(e)))) {
                    fail("C[" + i + "," + j + "] = " + x + " expected " + e + " (" + what + ")");
                }
            }
        }
    }

    private static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rnd.nextFloat() * 2f - 1f;
        return x;
    }
}
