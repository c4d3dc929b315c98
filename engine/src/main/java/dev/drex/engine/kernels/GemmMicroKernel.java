package dev.drex.engine.kernels;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-tiled SGEMM micro-kernel: the innermost step of the GotoBLAS/BLIS algorithm.
 *
 * <p>It computes one {@code MR x NR} tile of C from an A micro-panel and a B micro-panel, both
 * packed contiguously in the order the kernel reads them:
 * <pre>
 *   Ap (kc, MR): Ap[p * MR + i] = alpha * op(A)[i, p]     (one column of the tile's rows per k step)
 *   Bp (kc, NR): Bp[p * NR + j] = op(B)[p, j]             (one row of the tile's columns per k step)
 *   tile (MR, NR) = sum_p  Ap[p, :]^T  Bp[p, :]            (kc rank-1 updates)
 * </pre>
 * The tile lives in {@code MR * NR / L} vector registers for the whole k loop (L = lanes, 16 on
 * AVX-512): each k step loads {@code NR / L} vectors of B, broadcasts each of the MR values of A,
 * and issues one fused multiply-add per accumulator. Only at the end is the tile written to C:
 * {@code C = tile} when {@code beta == 0} (C is not read), else {@code C = tile + beta * C}.
 *
 * <p>The body is unrolled by hand (written out by a small generator): Java has no way to keep an
 * array of vectors in registers, so every accumulator is its own local variable.
 */
final class GemmMicroKernel {

    static final VectorSpecies<Float> S = Simd.SPECIES;
    /** Lanes per vector. */
    static final int L = S.length();
    /** Rows of the register tile (broadcast values of A per k step). */
    static final int MR = 8;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;

    private GemmMicroKernel() {}

    /** The 8 x 2-vector register tile: 16 accumulators, 2 B loads and 8 A broadcasts per k step. */
    static void kernel(int kc, float[] ap, int aIdx, float[] bp, int bIdx, float[] c, int cIdx, int ldc, float beta) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int ai = aIdx + p * MR, bi = bIdx + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + 1 * L);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai + 0]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
        }
        if (beta == 0f) {
            c00.intoArray(c, cIdx + 0 * ldc + 0 * L); c01.intoArray(c, cIdx + 0 * ldc + 1 * L);
            c10.intoArray(c, cIdx + 1 * ldc + 0 * L); c11.intoArray(c, cIdx + 1 * ldc + 1 * L);
            c20.intoArray(c, cIdx + 2 * ldc + 0 * L); c21.intoArray(c, cIdx + 2 * ldc + 1 * L);
            c30.intoArray(c, cIdx + 3 * ldc + 0 * L); c31.intoArray(c, cIdx + 3 * ldc + 1 * L);
            c40.intoArray(c, cIdx + 4 * ldc + 0 * L); c41.intoArray(c, cIdx + 4 * ldc + 1 * L);
            c50.intoArray(c, cIdx + 5 * ldc + 0 * L); c51.intoArray(c, cIdx + 5 * ldc + 1 * L);
            c60.intoArray(c, cIdx + 6 * ldc + 0 * L); c61.intoArray(c, cIdx + 6 * ldc + 1 * L);
            c70.intoArray(c, cIdx + 7 * ldc + 0 * L); c71.intoArray(c, cIdx + 7 * ldc + 1 * L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            update(c00, c, cIdx + 0 * ldc + 0 * L, vb); update(c01, c, cIdx + 0 * ldc + 1 * L, vb);
            update(c10, c, cIdx + 1 * ldc + 0 * L, vb); update(c11, c, cIdx + 1 * ldc + 1 * L, vb);
            update(c20, c, cIdx + 2 * ldc + 0 * L, vb); update(c21, c, cIdx + 2 * ldc + 1 * L, vb);
            update(c30, c, cIdx + 3 * ldc + 0 * L, vb); update(c31, c, cIdx + 3 * ldc + 1 * L, vb);
            update(c40, c, cIdx + 4 * ldc + 0 * L, vb); update(c41, c, cIdx + 4 * ldc + 1 * L, vb);
            update(c50, c, cIdx + 5 * ldc + 0 * L, vb); update(c51, c, cIdx + 5 * ldc + 1 * L, vb);
            update(c60, c, cIdx + 6 * ldc + 0 * L, vb); update(c61, c, cIdx + 6 * ldc + 1 * L, vb);
            update(c70, c, cIdx + 7 * ldc + 0 * L, vb); update(c71, c, cIdx + 7 * ldc + 1 * L, vb);
        }
    }

    /**
     * The same tile with the B micro-panel read in place from little-endian float32 in a segment
     * (a pre-packed weights file, memory-mapped), {@code bByte} bytes in: no copy onto the heap.
     */
    static void kernel(int kc, float[] ap, int aIdx, MemorySegment bp, long bByte, float[] c, int cIdx, int ldc, float beta) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int ai = aIdx + p * MR;
            long bi = bByte + (long) p * (NR * Float.BYTES);
            FloatVector b0 = FloatVector.fromMemorySegment(S, bp, bi, ByteOrder.LITTLE_ENDIAN);
            FloatVector b1 = FloatVector.fromMemorySegment(S, bp, bi + L * Float.BYTES, ByteOrder.LITTLE_ENDIAN);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai + 0]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
        }
        if (beta == 0f) {
            c00.intoArray(c, cIdx + 0 * ldc + 0 * L); c01.intoArray(c, cIdx + 0 * ldc + 1 * L);
            c10.intoArray(c, cIdx + 1 * ldc + 0 * L); c11.intoArray(c, cIdx + 1 * ldc + 1 * L);
            c20.intoArray(c, cIdx + 2 * ldc + 0 * L); c21.intoArray(c, cIdx + 2 * ldc + 1 * L);
            c30.intoArray(c, cIdx + 3 * ldc + 0 * L); c31.intoArray(c, cIdx + 3 * ldc + 1 * L);
            c40.intoArray(c, cIdx + 4 * ldc + 0 * L); c41.intoArray(c, cIdx + 4 * ldc + 1 * L);
            c50.intoArray(c, cIdx + 5 * ldc + 0 * L); c51.intoArray(c, cIdx + 5 * ldc + 1 * L);
            c60.intoArray(c, cIdx + 6 * ldc + 0 * L); c61.intoArray(c, cIdx + 6 * ldc + 1 * L);
            c70.intoArray(c, cIdx + 7 * ldc + 0 * L); c71.intoArray(c, cIdx + 7 * ldc + 1 * L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            update(c00, c, cIdx + 0 * ldc + 0 * L, vb); update(c01, c, cIdx + 0 * ldc + 1 * L, vb);
            update(c10, c, cIdx + 1 * ldc + 0 * L, vb); update(c11, c, cIdx + 1 * ldc + 1 * L, vb);
            update(c20, c, cIdx + 2 * ldc + 0 * L, vb); update(c21, c, cIdx + 2 * ldc + 1 * L, vb);
            update(c30, c, cIdx + 3 * ldc + 0 * L, vb); update(c31, c, cIdx + 3 * ldc + 1 * L, vb);
            update(c40, c, cIdx + 4 * ldc + 0 * L, vb); update(c41, c, cIdx + 4 * ldc + 1 * L, vb);
            update(c50, c, cIdx + 5 * ldc + 0 * L, vb); update(c51, c, cIdx + 5 * ldc + 1 * L, vb);
            update(c60, c, cIdx + 6 * ldc + 0 * L, vb); update(c61, c, cIdx + 6 * ldc + 1 * L, vb);
            update(c70, c, cIdx + 7 * ldc + 0 * L, vb); update(c71, c, cIdx + 7 * ldc + 1 * L, vb);
        }
    }

    /** {@code C[idx..idx+L) = acc + beta * C[idx..idx+L)}. */
    private static void update(FloatVector acc, float[] c, int idx, FloatVector beta) {
        FloatVector.fromArray(S, c, idx).fma(beta, acc).intoArray(c, idx);
    }
}
