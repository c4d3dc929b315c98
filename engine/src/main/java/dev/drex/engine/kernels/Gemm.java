package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.GemmMicroKernel.MR;
import static dev.drex.engine.kernels.GemmMicroKernel.NR;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * SGEMM, the engine's matrix product: {@code C = alpha * op(A) * op(B) + beta * C}, row-major,
 * {@code op(X) = X} or {@code X^T}; op(A) is (m, k), op(B) is (k, n), C is (m, n).
 * <ul>
 *   <li>A stored (m, k) with row stride {@code lda}, or (k, m) when {@code transA};</li>
 *   <li>B stored (k, n) with row stride {@code ldb}, or (n, k) when {@code transB};</li>
 *   <li>C stored (m, n) with row stride {@code ldc}; only C is modified; when {@code beta == 0}
 *       C is never read (it may hold NaN garbage). k == 0 gives C = beta C.</li>
 * </ul>
 *
 * <p>Multithreaded through {@link Parallel#forRange}: C is cut into column strips of whole NR
 * micro-panels (one per thread, each thread packs its own part of B and all of A), or into row
 * strips of whole MR micro-panels when C has too few columns. Column strips keep both cores busy
 * on BERT shapes (m = 128 rows, n = 768 or 3072 columns). Each strip runs {@link GemmSimd} (the
 * packed, cache-blocked, register-tiled kernel); {@code -Ddrex.simd=false} runs
 * {@link GemmScalar} instead, single-threaded.
 *
 * <p>For inference, B may be read in place from little-endian float32 in a {@link MemorySegment}
 * (a memory-mapped weights file: no heap copy, panels packed per call), or packed once
 * ({@link #packB}) into the kernel's panel order on the heap, from a {@code float[]} or a segment
 * (no packing per call, one heap copy).
 */
public final class Gemm {

    /**
     * Below this many multiply-adds (m n k) a second thread costs more than it saves: handing a strip to a
     * pool thread (waking it, joining) costs tens of microseconds, about what one core needs for a million
     * multiply-adds. Measured on the 2-core EPYC (Zen 4) dev machine under load, best of 7 (1 vs 2 threads,
     * microseconds): 128x64x128 (a DReX GRU step, 1.0M) 51 vs 84; 256x64x192 (3.1M) 92 vs 123; 450x384x64
     * (11M) 395 vs 418; 1500x64x192 (18M) 872 vs 712. 4M keeps DReX's per-step products on one core and
     * leaves BERT's (75M and up) split.
     */
    static final long PARALLEL_MIN_MACS = 1L << 22;

    /**
     * A pre-packed product with at most this many columns is split into row strips even when it has
     * fewer rows than one MC block per thread (if every thread still gets four MR-row panels): each
     * thread then packs only its half of A, and leaves every row of C whole in its own cache for the
     * row-wise op that follows (BERT's 768-wide outputs feed a LayerNorm). +1.1% per BERT-base forward at
     * B = 1 (M = 128; `BertAB`, 50 rounds in each order: 1.005 and 1.017); wide products (N = 2,304 or
     * 3,072) keep column strips.
     */
    static final int NARROW_COLUMNS = 1024;

    private Gemm() {}

    /** See the class comment. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (!Simd.ENABLED) {
            GemmScalar.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        int strips = strips(m, n, k);
        if (strips == 1) {
            GemmSimd.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else if (splitColumns(m, n)) {
            Parallel.forRange(ceilDiv(n, NR), strips, (from, to) -> {
                int j0 = from * NR, nc = Math.min(n, to * NR) - j0;
                int bStrip = bOff + (transB ? j0 * ldb : j0);
                GemmSimd.sgemm(transA, transB, m, nc, k, alpha, a, aOff, lda, b, bStrip, ldb, beta, c, cOff + j0, ldc);
            });
        } else {
            Parallel.forRange(ceilDiv(m, MR), strips, (from, to) -> {
                int i0 = from * MR, mc = Math.min(m, to * MR) - i0;
                int aStrip = aOff + (transA ? i0 : i0 * lda);
                GemmSimd.sgemm(transA, transB, mc, n, k, alpha, a, aStrip, lda, b, bOff, ldb, beta, c, cOff + i0 * ldc, ldc);
            });
        }
    }

    /**
     * The same product with B read from little-endian float32 in a segment (typically a
     * memory-mapped weights file), starting {@code bByteOff} bytes in, row stride {@code ldb}
     * floats: B stored (k, n), or (n, k) when {@code transB} (a Hugging Face linear weight
     * [out, in] as stored gives y = x W^T with transB). No copy of B is kept: each thread packs the
     * NR-column micro-panels of its strip from the segment into its own packing buffer right before
     * use, as the array path does. Same threading split as the array path, so a segment from a
     * confined arena works only single-threaded; mapped files use a shared or global arena.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, MemorySegment b, long bByteOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bByteOff, ldb, c, cOff, ldc);
        if (!Simd.ENABLED) {
            GemmScalar.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bByteOff, ldb, beta, c, cOff, ldc);
            return;
        }
        int strips = strips(m, n, k);
        if (strips == 1) {
            GemmSimd.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bByteOff, ldb, beta, c, cOff, ldc);
        } else if (splitColumns(m, n)) {
            Parallel.forRange(ceilDiv(n, NR), strips, (from, to) -> {
                int j0 = from * NR, nc = Math.min(n, to * NR) - j0;
                long bStrip = bByteOff + (long) (transB ? j0 * ldb : j0) * Float.BYTES;
                GemmSimd.sgemm(transA, transB, m, nc, k, alpha, a, aOff, lda, b, bStrip, ldb, beta, c, cOff + j0, ldc);
            });
        } else {
            Parallel.forRange(ceilDiv(m, MR), strips, (from, to) -> {
                int i0 = from * MR, mc = Math.min(m, to * MR) - i0;
                int aStrip = aOff + (transA ? i0 : i0 * lda);
                GemmSimd.sgemm(transA, transB, mc, n, k, alpha, a, aStrip, lda, b, bByteOff, ldb, beta, c, cOff + i0 * ldc, ldc);
            });
        }
    }

    /**
     * C = alpha op(A) B + beta C with B pre-packed by {@link #packB}: op(A) is (m, b.k()), C is
     * (m, b.n()). Same storage rules as {@link #sgemm(boolean, boolean, int, int, int, float,
     * float[], int, int, float[], int, int, float, float[], int, int)}. Threads split C into
     * column strips when each would get less than one MC block of rows (every thread then packs
     * all of A, which is small), else into row strips: each thread packs only its own rows of A,
     * and B, packed already, is read by all (as often in total as with column strips: once per
     * MC block of rows). A narrow C (at most {@link #NARROW_COLUMNS} columns) with at least four
     * MR-row panels per thread is split into row strips too (see there).
     */
    public static void sgemm(boolean transA, int m, float alpha, float[] a, int aOff, int lda,
            PackedB b, float beta, float[] c, int cOff, int ldc) {
        int n = b.n(), k = b.k();
        if (m < 0) throw new IllegalArgumentException("sgemm: negative size m=" + m);
        GemmChecks.matrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        GemmChecks.matrix("C", c, cOff, ldc, m, n);
        if (!Simd.ENABLED) {
            GemmScalar.sgemmPacked(transA, m, alpha, a, aOff, lda, b, beta, c, cOff, ldc);
            return;
        }
        int strips = strips(m, n, k);
        if (strips == 1) {
            GemmSimd.sgemmPacked(transA, m, alpha, a, aOff, lda, b, 0, n, beta, c, cOff, ldc);
        } else if (packedColumnStrips(m, n)) {
            Parallel.forRange(ceilDiv(n, NR), strips, (from, to) -> {
                int j0 = from * NR, nc = Math.min(n, to * NR) - j0;
                GemmSimd.sgemmPacked(transA, m, alpha, a, aOff, lda, b, j0, nc, beta, c, cOff + j0, ldc);
            });
        } else {
            Parallel.forRange(ceilDiv(m, MR), strips, (from, to) -> {
                int i0 = from * MR, mc = Math.min(m, to * MR) - i0;
                int aStrip = aOff + (transA ? i0 : i0 * lda);
                GemmSimd.sgemmPacked(transA, mc, alpha, a, aStrip, lda, b, 0, n, beta, c, cOff + i0 * ldc, ldc);
            });
        }
    }

    /**
     * The k block depth {@link #packB} uses for a product of depth k (k cut into nearly equal
     * blocks of at most {@code -Ddrex.gemm.kc}); part of the packed layout.
     */
    public static int blockDepth(int k) {
        return GemmSimd.blockDepth(k);
    }

    /** Packs op(B) (k, n), stored (k, n) with stride ldb or (n, k) when transB, for reuse. */
    public static PackedB packB(boolean transB, int k, int n, float[] b, int off, int ldb) {
        if (k < 0 || n < 0) throw new IllegalArgumentException("packB: negative size k=" + k + " n=" + n);
        GemmChecks.matrix("B", b, off, ldb, transB ? n : k, transB ? k : n);
        PackedB packed = new PackedB(k, n, GemmSimd.blockDepth(k));
        int[] rowStarts = GemmPacking.rowStarts(ldb);
        for (int pc = 0; pc < k; pc += packed.kc) {
            int kc = Math.min(packed.kc, k - pc);
            GemmPacking.packB(transB, b, off, ldb, pc, kc, 0, n, packed.data, packed.blockStart(pc), rowStarts);
        }
        return packed;
    }

    /**
     * Packs op(B) from little-endian float32 in a (typically memory-mapped) segment: B stored
     * (k, n), or (n, k) when transB, with row stride {@code ldb} floats, starting {@code byteOffset}
     * bytes into the segment.
     */
    public static PackedB packB(boolean transB, int k, int n, MemorySegment segment, long byteOffset, int ldb) {
        if (k < 0 || n < 0) throw new IllegalArgumentException("packB: negative size k=" + k + " n=" + n);
        int rows = transB ? n : k, cols = transB ? k : n;
        if (rows == 0 || cols == 0) return packB(transB, k, n, new float[0], 0, Math.max(ldb, cols));
        if (ldb < cols) {
            throw new IllegalArgumentException("packB: row stride " + ldb + " smaller than " + cols + " columns");
        }
        long floats = (long) (rows - 1) * ldb + cols;
        if (byteOffset < 0 || byteOffset + floats * Float.BYTES > segment.byteSize() || floats > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("packB: matrix (" + rows + "x" + cols + ", stride " + ldb + ") at byte "
                    + byteOffset + " does not fit in a segment of " + segment.byteSize() + " bytes");
        }
        float[] copy = segment.asSlice(byteOffset, floats * Float.BYTES)
                .toArray(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN));
        return packB(transB, k, n, copy, 0, ldb);
    }

    /**
     * op(B) (k, n) packed in the micro-kernel's order, ready to multiply many A's. Layout: k blocks
     * of {@code kc} rows, block starting at row pc holds {@code ceil(n/NR)} micro-panels of
     * (kc_block, NR) floats, columns past n zero:
     * {@code data[pc * nPad + (j / NR) * NR * kcBlock + (p - pc) * NR + j % NR] = op(B)[p, j]}.
     *
     * <p>The floats live either on the heap ({@link #packB}) or, in the same order as little-endian
     * float32, in a {@link MemorySegment} ({@link #ofSegment}: typically a memory-mapped file
     * written once with {@link #copyTo}), which the micro-kernel reads in place.
     */
    public static final class PackedB {
        private final int k, n, nPad, kc;
        private final float[] data;           // heap storage, or null
        private final MemorySegment segment;  // little-endian float32 storage, or null

        PackedB(int k, int n, int kc) {
            this.k = k;
            this.n = n;
            this.kc = kc;
            this.nPad = GemmSimd.roundUp(n, NR);
            this.data = new float[Math.multiplyExact(k, nPad)];
            this.segment = null;
        }

        private PackedB(int k, int n, int kc, MemorySegment segment) {
            this.k = k;
            this.n = n;
            this.kc = kc;
            this.nPad = GemmSimd.roundUp(n, NR);
            this.data = null;
            this.segment = segment;
        }

        /**
         * Wraps floats already in the packed layout (as written by {@link #copyTo}) for op(B) of
         * (k, n) with k blocks {@code kc} deep, read in place: nothing is copied. The segment must
         * be exactly {@link #byteSize(int, int)} bytes and stay valid while this is used; as with
         * the segment entry point of sgemm, use a shared or global arena when several threads multiply.
         */
        public static PackedB ofSegment(int k, int n, int kc, MemorySegment segment) {
            if (k < 0 || n < 0 || kc < 1) {
                throw new IllegalArgumentException("PackedB.ofSegment: bad sizes k=" + k + " n=" + n + " kc=" + kc);
            }
            if (segment.byteSize() != byteSize(k, n)) {
                throw new IllegalArgumentException("PackedB.ofSegment: op(B) (" + k + "x" + n + ") packed needs " + byteSize(k, n)
                        + " bytes, the segment has " + segment.byteSize());
            }
            return new PackedB(k, n, kc, segment);
        }

        /** Bytes of the packed layout of a (k, n) op(B) on this machine (n rounded up to whole panels). */
        public static long byteSize(int k, int n) {
            return (long) k * GemmSimd.roundUp(n, NR) * Float.BYTES;
        }

        /** The width of one micro-panel (columns), which the layout depends on (the vector length decides it). */
        public static int panelWidth() {
            return NR;
        }

        /** Writes the packed floats, little-endian, to {@code dst} from {@code byteOffset} ({@link #byteSize} bytes). */
        public void copyTo(MemorySegment dst, long byteOffset) {
            long bytes = byteSize(k, n);
            if (data != null) {
                MemorySegment.copy(data, 0, dst, GemmPacking.LE_FLOAT, byteOffset, data.length);
            } else {
                MemorySegment.copy(segment, 0, dst, byteOffset, bytes);
            }
        }

        /** Rows of op(B). */
        public int k() {
            return k;
        }

        /** Columns of op(B). */
        public int n() {
            return n;
        }

        /** op(B)[p, j], read back from the packed layout (for the scalar path and tests). */
        public float get(int p, int j) {
            if (p < 0 || p >= k || j < 0 || j >= n) {
                throw new IndexOutOfBoundsException("PackedB (" + k + "x" + n + ") has no element [" + p + ", " + j + "]");
            }
            int pc = p / kc * kc, kcBlock = Math.min(kc, k - pc);
            long idx = blockStart(pc) + (long) (j / NR) * NR * kcBlock + (long) (p - pc) * NR + j % NR;
            return data != null ? data[(int) idx] : segment.get(GemmPacking.LE_FLOAT, idx * Float.BYTES);
        }

        /** Depth of every k block but the last (store it with the floats: {@link #ofSegment} needs it). */
        public int blockDepth() {
            return kc;
        }

        int blockStart(int pc) {
            return pc * nPad;
        }

        /** The heap floats, or null when the floats live in a segment. */
        float[] data() {
            return data;
        }

        /** The little-endian float32 storage, or null when the floats are on the heap. */
        MemorySegment segment() {
            return segment;
        }
    }

    /** How many strips to cut C into: one per thread, unless the product is too small. */
    private static int strips(int m, int n, int k) {
        int threads = Parallel.threads();
        if (threads == 1 || (long) m * n * k < PARALLEL_MIN_MACS) return 1;
        int panels = splitColumns(m, n) ? ceilDiv(n, NR) : ceilDiv(m, MR);
        return Math.min(threads, panels);
    }

    /** Column strips unless C has fewer NR-column panels than MR-row panels (a tall, thin C). */
    /**
     * Whether a product with pre-packed B goes to threads as column strips (else row strips): when C
     * is wide enough for column strips, each thread gets less than one MC block of rows, and C is not
     * a narrow one with rows to spare (see {@link #NARROW_COLUMNS}).
     */
    private static boolean packedColumnStrips(int m, int n) {
        int threads = Parallel.threads();
        return splitColumns(m, n) && m < threads * GemmSimd.MC && (n > NARROW_COLUMNS || ceilDiv(m, MR) < 4 * threads);
    }

    private static boolean splitColumns(int m, int n) {
        int threads = Parallel.threads();
        int colPanels = ceilDiv(n, NR), rowPanels = ceilDiv(m, MR);
        return colPanels >= 2 * threads || colPanels >= rowPanels;
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
