package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.GemmMicroKernel.L;
import static dev.drex.engine.kernels.GemmMicroKernel.MR;
import static dev.drex.engine.kernels.GemmMicroKernel.NR;
import static dev.drex.engine.kernels.GemmMicroKernel.S;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;

/**
 * Packing: copies a block of op(A) or op(B) into the contiguous micro-panel order that
 * {@link GemmMicroKernel} streams through, so the kernel's loads are unit-stride whatever the
 * original layout. Packing absorbs the transposes (all four combinations reach the same kernel)
 * and the ragged edges (rows of A past m and columns of B past n are padded with zeros, so the
 * kernel always computes full tiles; the padded results are simply not written back).
 *
 * <pre>
 *   A block op(A)[i0:i0+mc, p0:p0+kc] -> ceil(mc/MR) micro-panels, panel r at r*MR*kc:
 *       Ap[r*MR*kc + p*MR + ii] = alpha * op(A)[i0 + r*MR + ii, p0 + p]     (0 past row m)
 *   B block op(B)[p0:p0+kc, j0:j0+nc] -> ceil(nc/NR) micro-panels, panel q at dstIdx + q*NR*kc:
 *       Bp[q*NR*kc + p*NR + jj] = op(B)[p0 + p, j0 + q*NR + jj]             (0 past column n)
 * </pre>
 * Folding alpha into packed A saves a multiply per element of C later.
 */
final class GemmPacking {

    /** Little-endian float32, as in safetensors files. */
    static final ValueLayout.OfFloat LE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Whether {@link GemmTranspose#packAPanelPair} applies: 16-float vectors, two MR = 8 panels per transpose. */
    private static final boolean PAIRS_IN_REGISTERS = GemmTranspose.AVAILABLE && 2 * MR == L;

    /** k steps per transposing sweep: one 64-byte line of each source row. */
    private static final int TILE = 16;

    private GemmPacking() {}

    /** {@code {0, ld, 2 ld, ..., (L-1) ld}}: where L consecutive rows of a matrix of stride ld start. */
    static int[] rowStarts(int ld) {
        int[] starts = new int[L];
        for (int l = 0; l < L; l++) starts[l] = l * ld;
        return starts;
    }

    /**
     * Packs {@code alpha * op(A)[i0:i0+mc, p0:p0+kc]} into {@code dst} (see the class comment).
     * A is stored (m, k) with stride lda, or (k, m) when {@code transA}.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
            float alpha, float[] dst) {
        int r = 0;
        if (!transA && PAIRS_IN_REGISTERS) {
            // Two full micro-panels at a time, 16 k steps per in-register transpose (AVX-512).
            float[] scratch = new float[L * L];
            for (; (r + 2) * MR <= mc; r += 2) {
                int base = r * MR * kc, src = aOff + (i0 + r * MR) * lda + p0, p = 0;
                for (; p + L <= kc; p += L) {
                    GemmTranspose.packAPanelPair(a, src + p, lda, alpha, dst, base + p * MR, base + MR * kc + p * MR, scratch);
                }
                for (; p < kc; p++) {
                    for (int ii = 0; ii < 2 * MR; ii++) dst[base + (ii / MR) * MR * kc + p * MR + ii % MR] = alpha * a[src + ii * lda + p];
                }
            }
        }
        for (; r * MR < mc; r++) {
            int rows = Math.min(MR, mc - r * MR);
            int base = r * MR * kc;
            int firstRow = i0 + r * MR;
            if (!transA) {
                // Row i of A is contiguous in p: a transpose, done TILE k steps at a time so the
                // MR source lines and the destination lines it fills stay in L1.
                for (int pt = 0; pt < kc; pt += TILE) {
                    int pEnd = Math.min(kc, pt + TILE);
                    for (int ii = 0; ii < rows; ii++) {
                        int src = aOff + (firstRow + ii) * lda + p0;
                        for (int p = pt; p < pEnd; p++) dst[base + p * MR + ii] = alpha * a[src + p];
                    }
                }
            } else {
                // A^T stored (k, m): the MR values of one k step are contiguous in the source.
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + firstRow;
                    int d = base + p * MR;
                    for (int ii = 0; ii < rows; ii++) dst[d + ii] = alpha * a[src + ii];
                }
            }
            if (rows < MR) {
                for (int p = 0; p < kc; p++) {
                    for (int ii = rows; ii < MR; ii++) dst[base + p * MR + ii] = 0f;
                }
            }
        }
    }

    /**
     * Packs {@code op(B)[p0:p0+kc, j0:j0+nc]} into {@code dst} from {@code dstIdx} (see the class
     * comment). B is stored (k, n) with stride ldb, or (n, k) when {@code transB}; then
     * {@code rowStarts} must be {@link #rowStarts rowStarts(ldb)}, the gather offsets of L
     * consecutive rows.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
            float[] dst, int dstIdx, int[] rowStarts) {
        for (int q = 0; q * NR < nc; q++) {
            int cols = Math.min(NR, nc - q * NR);
            int base = dstIdx + q * NR * kc;
            int firstCol = j0 + q * NR;
            if (!transB) {
                int src = bOff + p0 * ldb + firstCol;
                if (cols == NR) {
                    // A full panel row is NR contiguous floats in both source and destination.
                    for (int p = 0; p < kc; p++, src += ldb) {
                        for (int v = 0; v < NR; v += L) {
                            FloatVector.fromArray(S, b, src + v).intoArray(dst, base + p * NR + v);
                        }
                    }
                } else {
                    for (int p = 0; p < kc; p++, src += ldb) {
                        int d = base + p * NR;
                        for (int jj = 0; jj < cols; jj++) dst[d + jj] = b[src + jj];
                        for (int jj = cols; jj < NR; jj++) dst[d + jj] = 0f;
                    }
                }
            } else if (cols == NR) {
                // B^T stored (n, k): full 16 x 16 tiles transposed in registers (AVX-512); the rest,
                // one k step of L consecutive columns per gather across L rows (vgatherdps).
                int src = bOff + firstCol * ldb + p0, pFull = GemmTranspose.AVAILABLE ? kc / L * L : 0;
                for (int v = 0; v < NR; v += L) {
                    for (int pt = 0; pt < pFull; pt += L) {
                        GemmTranspose.transpose16(b, src + v * ldb + pt, ldb, dst, base + pt * NR + v, NR);
                    }
                }
                for (int p = pFull; p < kc; p++) {
                    for (int v = 0; v < NR; v += L) {
                        FloatVector.fromArray(S, b, src + v * ldb + p, rowStarts, 0).intoArray(dst, base + p * NR + v);
                    }
                }
            } else {
                // Ragged last panel of B^T: column j of op(B) is contiguous in p; a transpose, TILE k
                // steps at a time so the NR source lines and the destination lines stay in L1.
                for (int pt = 0; pt < kc; pt += TILE) {
                    int pEnd = Math.min(kc, pt + TILE);
                    for (int jj = 0; jj < cols; jj++) {
                        int src = bOff + (firstCol + jj) * ldb + p0;
                        for (int p = pt; p < pEnd; p++) dst[base + p * NR + jj] = b[src + p];
                    }
                }
                if (cols < NR) {
                    for (int p = 0; p < kc; p++) {
                        for (int jj = cols; jj < NR; jj++) dst[base + p * NR + jj] = 0f;
                    }
                }
            }
        }
    }

    /**
     * {@link #packB} with B read from little-endian float32 in a segment (typically a mapped
     * file), {@code bByteOff} bytes in, row stride {@code ldb} floats. Transposed B (the usual
     * case, a weight [out, in]): every full 16 x 16 tile of a full panel is loaded from the
     * segment and transposed in registers ({@link GemmTranspose}, AVX-512); without AVX-512, for a
     * ragged last panel or the k tail past a multiple of 16, the stored rows are copied (bulk
     * {@link MemorySegment#copy}) into {@code scratch} (at most NR * kc floats) and packed from
     * there with the array code. Non-transposed B: the (kc, nr) block is copied into scratch row
     * by row and packed from there.
     */
    static void packB(boolean transB, MemorySegment b, long bByteOff, int ldb, int p0, int kc, int j0, int nc,
            float[] dst, int dstIdx, float[] scratch) {
        for (int q = 0; q * NR < nc; q++) {
            int cols = Math.min(NR, nc - q * NR), firstCol = j0 + q * NR;
            if (transB) {
                int base = dstIdx + q * NR * kc, pFull = cols == NR && GemmTranspose.AVAILABLE ? kc / L * L : 0;
                long rowBytes = (long) ldb * Float.BYTES;
                // full 16 x 16 tiles transposed in registers straight from the segment
                for (int v = 0; pFull > 0 && v < NR; v += L) {
                    long src = bByteOff + ((long) (firstCol + v) * ldb + p0) * Float.BYTES;
                    for (int pt = 0; pt < pFull; pt += L) {
                        GemmTranspose.transpose16(b, src + (long) pt * Float.BYTES, rowBytes, dst, base + pt * NR + v, NR);
                    }
                }
                if (pFull < kc) {
                    // the rest (short k tail, ragged panel): rows copied to scratch (cols, kc - pFull), packed as the array path does
                    int tail = kc - pFull;
                    for (int jj = 0; jj < cols; jj++) {
                        long src = bByteOff + ((long) (firstCol + jj) * ldb + p0 + pFull) * Float.BYTES;
                        MemorySegment.copy(b, LE_FLOAT, src, scratch, jj * tail, tail);
                    }
                    packB(true, scratch, 0, tail, 0, tail, 0, cols, dst, base + pFull * NR, rowStarts(tail));
                }
            } else {
                // rows p0..p0+kc of the stored (k, n) matrix, columns firstCol.. -> scratch (kc, cols)
                for (int p = 0; p < kc; p++) {
                    long src = bByteOff + ((long) (p0 + p) * ldb + firstCol) * Float.BYTES;
                    MemorySegment.copy(b, LE_FLOAT, src, scratch, p * cols, cols);
                }
                packB(false, scratch, 0, cols, 0, kc, 0, cols, dst, dstIdx + q * NR * kc, null);
            }
        }
    }
}
