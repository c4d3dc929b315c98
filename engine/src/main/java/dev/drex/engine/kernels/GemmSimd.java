package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.GemmMicroKernel.MR;
import static dev.drex.engine.kernels.GemmMicroKernel.NR;

import java.lang.foreign.MemorySegment;

/**
 * Single-threaded SIMD SGEMM in the GotoBLAS/BLIS structure (Goto and van de Geijn, "Anatomy of
 * high-performance matrix multiplication", ACM TOMS 2008; Van Zee and van de Geijn, "BLIS", 2015).
 * Same contract as {@link Gemm#sgemm}: {@code C = alpha * op(A) * op(B) + beta * C}, row-major.
 *
 * <p>Five loops around a register-tiled micro-kernel, each loop sized for one level of memory:
 * <pre>
 *   for jc in [0, n) step nc              B panel  op(B)[pc:pc+kc, jc:jc+nc]  packed -> Bp  (L3), nc = panelWidth(kc)
 *     for pc in [0, k) step kc            one rank-kc update of C (kc = blockDepth(k) <= KC)
 *       for ic in [0, m) step MC          A block  op(A)[ic:ic+mc, pc:pc+kc]  packed -> Ap  (L2)
 *         pack A block into Ap (MR-row micro-panels, times alpha)
 *         for jr in [0, nc) step NR       B micro-panel (kc, NR) reused by every ir   (L1/L2)
 *           if ic == 0: pack B micro-panel into Bp (NR columns; later A blocks reuse it)
 *           for ir in [0, mc) step MR     A micro-panel (kc, MR) streamed from L2
 *             C[ic+ir : +MR, jc+jr : +NR] (+)= Ap micro-panel * Bp micro-panel   (registers)
 * </pre>
 * The first k block applies the caller's beta, later blocks accumulate (beta = 1). Tiles that
 * stick out of C (the last MR rows or NR columns) are computed into a scratch tile from the
 * zero-padded panels and only their valid part is merged into C.
 *
 * <p>Block sizes (AMD EPYC Zen 4 here: 32 KiB L1d and 1 MiB L2 per core), chosen by measurement
 * (bench/README.md): KC = 3072, MC = 128, NC = 4096 (at most {@code NC * 768} floats of B per
 * panel: NC shrinks for deeper blocks). The textbook rule puts the B micro-panel
 * ({@code KC * NR * 4} bytes) in L1, i.e. KC = 256, but then every element of C is loaded and
 * stored k/256 times, and the rows of a C tile, a power-of-two-ish stride apart (768, 1024, 3072
 * floats), collide in the same L1 sets; one deep block (the whole k = 768 of BERT-base) measured
 * 10-20% faster, the B micro-panel (96 KiB) streaming from L2 with the hardware prefetcher. Even
 * k = 3072 (BERT's FFN down) in one block beat four blocks of 768 by 5-10% (thread CPU time,
 * pre-packed B, M = 128 and 1024), and k = 1024 in one block beat 2 x 512. The A block
 * ({@code MC * kc * 4}: 384 KiB at k = 768) stays in L2 at BERT's usual depth. All three can be
 * overridden for tuning with {@code -Ddrex.gemm.kc/mc/nc}.
 *
 * <p>Packing buffers are per thread (a {@link ThreadLocal} workspace) and grow on demand: no
 * allocation once warm.
 */
final class GemmSimd {

    /** Largest depth of one rank-kc update (k block); see {@link #blockDepth}. */
    static final int KC = intProperty("drex.gemm.kc", 3072);
    /** Rows of op(A) packed at once (a multiple of MR). */
    static final int MC = roundUp(intProperty("drex.gemm.mc", 128), MR);
    /** Columns of op(B) packed at once (a multiple of NR). */
    static final int NC = roundUp(intProperty("drex.gemm.nc", 4096), NR);

    /** Per-thread packing buffers, reused across calls. */
    private static final class Workspace {
        float[] a = new float[0];
        float[] b = new float[0];
        float[] bScratch = new float[0];
        final float[] tile = new float[MR * NR];
        int[] rowStarts;
        int rowStartsLd = -1;

        /** Gather offsets of L consecutive rows of stride ld, rebuilt only when ld changes. */
        int[] rowStarts(int ld) {
            if (ld != rowStartsLd) {
                rowStarts = GemmPacking.rowStarts(ld);
                rowStartsLd = ld;
            }
            return rowStarts;
        }

        float[] a(int size) {
            if (a.length < size) a = new float[size];
            return a;
        }

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }

        float[] bScratch(int size) {
            if (bScratch.length < size) bScratch = new float[size];
            return bScratch;
        }
    }

    /** Packs the B micro-panel op(B)[pc:pc+kc, j:j+nr] into dst from dstIdx (see GemmPacking). */
    @FunctionalInterface
    private interface PanelPacker {
        void pack(int pc, int kc, int j, int nr, float[] dst, int dstIdx);
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private GemmSimd() {}

    /** C = alpha op(A) op(B) + beta C on the calling thread; arguments already validated. */
    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0 || alpha == 0f) {
            sgemm(transA, m, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc, null);
            return;
        }
        int[] rowStarts = WORKSPACE.get().rowStarts(ldb);
        sgemm(transA, m, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc, (pc, kc, j, nr, dst, dstIdx) ->
                GemmPacking.packB(transB, b, bOff, ldb, pc, kc, j, nr, dst, dstIdx, rowStarts));
    }

    /**
     * The same with B read from little-endian float32 in a (typically memory-mapped) segment,
     * {@code bByteOff} bytes in: each micro-panel is packed straight from the segment into this
     * thread's packing buffer, so B is never copied whole onto the heap.
     */
    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, MemorySegment b, long bByteOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0 || alpha == 0f) {
            sgemm(transA, m, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc, null);
            return;
        }
        Workspace ws = WORKSPACE.get();
        int kcMax = blockDepth(k);
        float[] scratch = ws.bScratch(NR * kcMax);
        sgemm(transA, m, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc, (pc, kc, j, nr, dst, dstIdx) ->
                GemmPacking.packB(transB, b, bByteOff, ldb, pc, kc, j, nr, dst, dstIdx, scratch));
    }

    /** The loops of the class comment, B micro-panels packed by {@code packer} just before first use. */
    private static void sgemm(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float beta, float[] c, int cOff, int ldc, PanelPacker packer) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        Workspace ws = WORKSPACE.get();
        int kcMax = blockDepth(k);
        float[] ap = ws.a(roundUp(Math.min(MC, m), MR) * kcMax);
        int ncMax = panelWidth(kcMax);
        float[] bp = ws.b(roundUp(Math.min(ncMax, n), NR) * kcMax);
        for (int jc = 0; jc < n; jc += ncMax) {
            int nc = Math.min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                float blockBeta = pc == 0 ? beta : 1f;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    GemmPacking.packA(transA, a, aOff, lda, ic, mc, pc, kc, alpha, ap);
                    // B micro-panels are packed during the first A block, just before their first use.
                    macroKernel(mc, nc, kc, ap, bp, 0, c, cOff + ic * ldc + jc, ldc, blockBeta, ws.tile,
                            ic == 0 ? packer : null, pc, jc);
                }
            }
        }
    }

    /**
     * C[:, j0:j0+nc] = alpha op(A) B[:, j0:j0+nc] + beta C[:, j0:j0+nc] with B pre-packed (see
     * {@link Gemm.PackedB}); {@code j0} is a multiple of NR, {@code cOff} points at C[0, j0].
     */
    static void sgemmPacked(boolean transA, int m, float alpha, float[] a, int aOff, int lda,
            Gemm.PackedB b, int j0, int nc, float beta, float[] c, int cOff, int ldc) {
        int k = b.k();
        if (m == 0 || nc == 0) return;
        if (k == 0 || alpha == 0f) {
            scale(m, nc, beta, c, cOff, ldc);
            return;
        }
        Workspace ws = WORKSPACE.get();
        int kcMax = b.blockDepth();
        float[] ap = ws.a(roundUp(Math.min(MC, m), MR) * kcMax);
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            int bIdx = b.blockStart(pc) + j0 * kc;
            float blockBeta = pc == 0 ? beta : 1f;
            for (int ic = 0; ic < m; ic += MC) {
                int mc = Math.min(MC, m - ic);
                GemmPacking.packA(transA, a, aOff, lda, ic, mc, pc, kc, alpha, ap);
                if (b.data() != null) {
                    macroKernel(mc, nc, kc, ap, b.data(), bIdx, c, cOff + ic * ldc, ldc, blockBeta, ws.tile, null, pc, j0);
                } else {
                    macroKernel(mc, nc, kc, ap, b.segment(), (long) bIdx * Float.BYTES, c, cOff + ic * ldc, ldc, blockBeta, ws.tile);
                }
            }
        }
    }

    /**
     * The two loops around the micro-kernel over one packed A block (mc, kc) and B panel (kc, nc).
     * When {@code packer} is not null, each B micro-panel is first packed from op(B)[pc:pc+kc,
     * jc+jr:+NR]: packing it right before the mc/MR
     * kernels that read it keeps it in cache, where packing the whole B panel first would write
     * it out to L3 and read it back.
     */
    private static void macroKernel(int mc, int nc, int kc, float[] ap, float[] bp, int bIdx,
            float[] c, int cIdx, int ldc, float beta, float[] tile, PanelPacker packer, int pc, int jc) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int bPanel = bIdx + jr * kc;
            if (packer != null) packer.pack(pc, kc, jc + jr, nr, bp, bPanel);
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int cTile = cIdx + ir * ldc + jr;
                if (mr == MR && nr == NR) {
                    GemmMicroKernel.kernel(kc, ap, ir * kc, bp, bPanel, c, cTile, ldc, beta);
                } else {
                    GemmMicroKernel.kernel(kc, ap, ir * kc, bp, bPanel, tile, 0, NR, 0f);
                    mergeEdge(mr, nr, tile, c, cTile, ldc, beta);
                }
            }
        }
    }

    /**
     * {@link #macroKernel(int, int, int, float[], float[], int, float[], int, int, float, float[], PanelPacker, int, int)}
     * over a B panel already packed in a segment (a pre-packed weights file), {@code bByte} bytes
     * in: the micro-kernel reads each B micro-panel in place.
     */
    private static void macroKernel(int mc, int nc, int kc, float[] ap, MemorySegment bp, long bByte,
            float[] c, int cIdx, int ldc, float beta, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            long bPanel = bByte + (long) jr * kc * Float.BYTES;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int cTile = cIdx + ir * ldc + jr;
                if (mr == MR && nr == NR) {
                    GemmMicroKernel.kernel(kc, ap, ir * kc, bp, bPanel, c, cTile, ldc, beta);
                } else {
                    GemmMicroKernel.kernel(kc, ap, ir * kc, bp, bPanel, tile, 0, NR, 0f);
                    mergeEdge(mr, nr, tile, c, cTile, ldc, beta);
                }
            }
        }
    }

    /** C[0:mr, 0:nr] = tile[0:mr, 0:nr] + beta C (C not read when beta == 0). */
    private static void mergeEdge(int mr, int nr, float[] tile, float[] c, int cIdx, int ldc, float beta) {
        for (int i = 0; i < mr; i++) {
            int row = cIdx + i * ldc;
            for (int j = 0; j < nr; j++) {
                float t = tile[i * NR + j];
                c[row + j] = beta == 0f ? t : t + beta * c[row + j];
            }
        }
    }

    /** C = beta C over (m, n); beta == 0 writes zeros without reading C. */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) return;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) c[row + j] = beta == 0f ? 0f : beta * c[row + j];
        }
    }

    /**
     * The k block depth for a product of depth k: k cut into {@code ceil(k / KC)} nearly equal
     * blocks (k = 1024 gives 2 x 512 rather than 768 + 256), every block but the last this deep.
     */
    static int blockDepth(int k) {
        int blocks = Math.max(1, (k + KC - 1) / KC);
        return Math.max(1, (k + blocks - 1) / blocks);
    }

    /** Columns of one packed B panel for k blocks kc deep: NC, fewer when kc > 768 (the panel stays at most NC * 768 floats). */
    static int panelWidth(int kc) {
        return Math.max(NR, Math.min(NC, NC * 768 / kc / NR * NR));
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    private static int intProperty(String name, int fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) return fallback;
        int x = Integer.parseInt(v.trim());
        if (x < 1) throw new IllegalArgumentException("-D" + name + " must be >= 1, got " + x);
        return x;
    }
}
