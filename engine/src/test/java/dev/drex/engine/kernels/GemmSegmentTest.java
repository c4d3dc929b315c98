package dev.drex.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SGEMM whose B operand is little-endian float32 in a {@link MemorySegment}: the SIMD path
 * must give exactly the bits of the array path (same packed values, same order of operations), and
 * the scalar segment twin exactly the bits of the scalar array twin; both are checked against the
 * scalar reference at awkward sizes, both transposes of B, 1 and 2 threads, unaligned byte
 * offsets and padded strides.
 */
class GemmSegmentTest {

    private static final ValueLayout.OfFloat LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int[] SIZES = {1, 3, 15, 17, 33, 65};

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(2);
    }

    @Test
    void segmentPathEqualsArrayPathAtAwkwardSizes() {
        Random rnd = new Random(21);
        for (int m : SIZES) {
            for (int n : SIZES) {
                for (int k : SIZES) {
                    check(rnd, rnd.nextBoolean(), rnd.nextBoolean(), m, n, k, 1 + rnd.nextInt(2));
                }
            }
        }
    }

    /** Every transpose and thread count at shapes crossing the KC block (k = 6500: three blocks), NC and row strips. */
    @Test
    void allTransposesLargeShapes() {
        Random rnd = new Random(22);
        int[][] shapes = {{128, 768, 768}, {37, 45, 6500}, {3, 4200, 9}, {1000, 2, 17}, {129, 1001, 33}};
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                for (int threads = 1; threads <= 2; threads++) check(rnd, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], threads);
            }
        }
    }

    /** The in-register transpose against its definition, at offsets and padded strides (AVX-512 only; elsewhere unused). */
    @Test
    void registerTransposeMatchesTheDefinition() {
        assertEquals(GemmMicroKernel.L == 16, GemmTranspose.AVAILABLE);
        if (!GemmTranspose.AVAILABLE) return; // the packers take the gather path, covered by the tests above
        Random rnd = new Random(23);
        int srcLd = 19, dstLd = 33, srcIdx = 5, dstIdx = 7;
        float[] src = random(rnd, srcIdx + 16 * srcLd), dst = random(rnd, dstIdx + 16 * dstLd);
        float[] before = dst.clone();
        GemmTranspose.transpose16(src, srcIdx, srcLd, dst, dstIdx, dstLd);
        for (int i = 0; i < dst.length; i++) {
            int p = (i - dstIdx) / dstLd, j = (i - dstIdx) % dstLd;
            boolean inside = i >= dstIdx && p < 16 && j < 16;
            assertEquals(inside ? src[srcIdx + j * srcLd + p] : before[i], dst[i], "dst[" + i + "]");
        }
    }

    /** Packed A against its definition (panel pairs transposed in registers, ragged rows and k tails element by element). */
    @Test
    void packedAMatchesTheDefinition() {
        Random rnd = new Random(25);
        int[][] shapes = {{1, 1}, {16, 16}, {17, 33}, {33, 15}, {40, 47}, {128, 768}, {7, 100}};
        for (int[] s : shapes) {
            int mc = s[0], kc = s[1], lda = kc + 5, aOff = 3, i0 = 2, p0 = 4;
            for (boolean transA : new boolean[] {false, true}) {
                int rows = transA ? p0 + kc : i0 + mc, cols = transA ? i0 + mc : p0 + kc, ld = cols + 3;
                float[] a = random(rnd, aOff + rows * ld);
                float alpha = rnd.nextBoolean() ? 1f : 0.5f;
                int panels = (mc + GemmMicroKernel.MR - 1) / GemmMicroKernel.MR;
                float[] dst = new float[panels * GemmMicroKernel.MR * kc];
                java.util.Arrays.fill(dst, Float.NaN);
                GemmPacking.packA(transA, a, aOff, ld, i0, mc, p0, kc, alpha, dst);
                for (int r = 0; r < panels; r++) {
                    for (int p = 0; p < kc; p++) {
                        for (int ii = 0; ii < GemmMicroKernel.MR; ii++) {
                            int i = r * GemmMicroKernel.MR + ii;
                            float expected = i >= mc ? 0f
                                    : alpha * (transA ? a[aOff + (p0 + p) * ld + i0 + i] : a[aOff + (i0 + i) * ld + p0 + p]);
                            assertEquals(expected, dst[r * GemmMicroKernel.MR * kc + p * GemmMicroKernel.MR + ii],
                                    "mc=" + mc + " kc=" + kc + " transA=" + transA + " row " + i + " k " + p);
                        }
                    }
                }
            }
        }
    }

    @Test
    void boundsAreCheckedWithTheMatrixName() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(4 * 4 * Float.BYTES);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Gemm.sgemm(false, true, 4, 4, 4, 1f, new float[16], 0, 4, seg, 1, 4, 0f, new float[16], 0, 4));
            assertTrue(e.getMessage().contains("matrix B") && e.getMessage().contains("segment"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> Gemm.sgemm(false, true, 4, 4, 4, 1f, new float[16], 0, 4, seg, 0, 3, 0f, new float[16], 0, 4));
            assertTrue(e.getMessage().contains("row stride 3"), e.getMessage());
        }
    }

    /**
     * B pre-packed into a segment ({@link Gemm.PackedB#copyTo}, then {@link Gemm.PackedB#ofSegment}:
     * the micro-kernel reads it in place) gives exactly the bits of the same packing on the heap,
     * SIMD (1 and 2 threads) and scalar twin, at awkward sizes, k past one block and both transposes of A.
     */
    @Test
    void packedBInASegmentEqualsPackedBOnTheHeap() {
        Random rnd = new Random(24);
        int[][] shapes = {{1, 1, 1}, {3, 15, 17}, {17, 33, 3}, {15, 1, 33}, {33, 17, 1000}, {65, 1001, 15}, {9, 40, 6500},
            {200, 40, 50}, {128, 96, 768}, {301, 200, 70}}; // m >= 2 MC: row strips though n is wide
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            boolean transA = rnd.nextBoolean(), transB = rnd.nextBoolean();
            int lda = (transA ? m : k) + 1, ldb = (transB ? k : n) + 2, ldc = n + 3;
            float alpha = rnd.nextBoolean() ? 1f : -0.5f, beta = rnd.nextBoolean() ? 0f : 0.75f;
            float[] a = random(rnd, (transA ? k : m) * lda), b = random(rnd, (transB ? n : k) * ldb), c0 = random(rnd, m * ldc);
            Gemm.PackedB heap = Gemm.packB(transB, k, n, b, 0, ldb);
            String what = String.format("m=%d n=%d k=%d transA=%b transB=%b", m, n, k, transA, transB);
            try (Arena arena = Arena.ofShared()) {
                MemorySegment seg = arena.allocate(Gemm.PackedB.byteSize(k, n) + 3);
                heap.copyTo(seg, 3); // unaligned on purpose
                Gemm.PackedB mapped = Gemm.PackedB.ofSegment(k, n, heap.blockDepth(), seg.asSlice(3));
                assertEquals(Gemm.blockDepth(k), heap.blockDepth());
                for (int p = 0; p < k; p += Math.max(1, k / 7)) {
                    for (int j = 0; j < n; j += Math.max(1, n / 5)) assertEquals(heap.get(p, j), mapped.get(p, j), what);
                }
                float[] scalarHeap = c0.clone(), scalarSeg = c0.clone();
                GemmScalar.sgemmPacked(transA, m, alpha, a, 0, lda, heap, beta, scalarHeap, 0, ldc);
                GemmScalar.sgemmPacked(transA, m, alpha, a, 0, lda, mapped, beta, scalarSeg, 0, ldc);
                assertBitsEqual(scalarHeap, scalarSeg, "scalar, segment vs heap " + what);
                for (int threads = 1; threads <= 2; threads++) {
                    Parallel.setThreads(threads);
                    float[] simdHeap = c0.clone(), simdSeg = c0.clone();
                    Gemm.sgemm(transA, m, alpha, a, 0, lda, heap, beta, simdHeap, 0, ldc);
                    Gemm.sgemm(transA, m, alpha, a, 0, lda, mapped, beta, simdSeg, 0, ldc);
                    assertBitsEqual(simdHeap, simdSeg, "segment vs heap, threads " + threads + " " + what);
                    double tol = 1e-5 * Math.max(k, 1);
                    for (int i = 0; i < simdSeg.length; i++) {
                        if (!(Math.abs(simdSeg[i] - scalarHeap[i]) <= tol * (1 + Math.abs(scalarHeap[i])))) {
                            fail("C[" + i + "] = " + simdSeg[i] + " expected " + scalarHeap[i] + " (" + what + ")");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aPackedSegmentOfTheWrongSizeIsRejected() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(Gemm.PackedB.byteSize(10, 40) - 4);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gemm.PackedB.ofSegment(10, 40, 10, seg));
            assertTrue(e.getMessage().contains("(10x40)") && e.getMessage().contains("bytes"), e.getMessage());
        }
    }

    @Test
    void zeroDepthScalesC() {
        float[] c = {1f, 2f};
        Gemm.sgemm(false, true, 1, 2, 0, 1f, new float[0], 0, 1, MemorySegment.NULL, 0, 1, 3f, c, 0, 2);
        assertEquals(3f, c[0]);
        assertEquals(6f, c[1]);
    }

    private static void check(Random rnd, boolean transA, boolean transB, int m, int n, int k, int threads) {
        int pad = rnd.nextInt(4);
        int lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
        int aOff = pad, bOff = 2 * pad;
        long byteShift = rnd.nextInt(4); // unaligned floats in the segment
        float alpha = rnd.nextBoolean() ? 1f : -0.5f, beta = rnd.nextBoolean() ? 0f : 0.75f;
        float[] a = random(rnd, aOff + (transA ? k : m) * lda);
        float[] b = random(rnd, bOff + (transB ? n : k) * ldb);
        float[] c0 = random(rnd, m * ldc);
        String what = String.format("m=%d n=%d k=%d transA=%b transB=%b threads=%d pad=%d shift=%d",
                m, n, k, transA, transB, threads, pad, byteShift);
        try (Arena arena = Arena.ofShared()) { // shared: the second thread reads it
            MemorySegment seg = arena.allocate(byteShift + (long) b.length * Float.BYTES);
            for (int i = 0; i < b.length; i++) seg.set(LE, byteShift + (long) i * Float.BYTES, b[i]);
            long bByteOff = byteShift + (long) bOff * Float.BYTES;

            float[] scalarArray = c0.clone(), scalarSegment = c0.clone();
            GemmScalar.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, scalarArray, 0, ldc);
            GemmScalar.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, seg, bByteOff, ldb, beta, scalarSegment, 0, ldc);
            assertBitsEqual(scalarArray, scalarSegment, "scalar segment vs scalar array " + what);

            Parallel.setThreads(threads);
            float[] simdArray = c0.clone(), simdSegment = c0.clone();
            Gemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, simdArray, 0, ldc);
            Gemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, seg, bByteOff, ldb, beta, simdSegment, 0, ldc);
            assertBitsEqual(simdArray, simdSegment, "segment vs array " + what);

            double tol = 1e-5 * Math.max(k, 1);
            for (int i = 0; i < simdSegment.length; i++) {
                if (!(Math.abs(simdSegment[i] - scalarArray[i]) <= tol * (1 + Math.abs(scalarArray[i])))) {
                    fail("C[" + i + "] = " + simdSegment[i] + " expected " + scalarArray[i] + " (" + what + ")");
                }
            }
        }
    }

    private static void assertBitsEqual(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail("C[" + i + "] = " + actual[i] + " but " + expected[i] + " (" + what + ")");
            }
        }
    }

    private static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rnd.nextFloat() * 2f - 1f;
        return x;
    }
}
