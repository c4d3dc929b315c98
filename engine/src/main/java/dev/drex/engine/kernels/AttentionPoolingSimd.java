package dev.drex.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD twin of {@link AttentionPoolingScalar}; the summation order is {@link AttentionPooling}'s. Scores
 * are computed four rows at a time (four independent accumulator chains, each in the single-row order) and
 * their lane sums L rows at a time, and the weighted row sum keeps four output vectors in registers while it
 * runs down the rows.
 */
public final class AttentionPoolingSimd {
    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = S.length();

    private AttentionPoolingSimd() {}

    /** Lane l of row r of a group sits at work[r * L + l]; lane l of row r is also work[l + COLUMN[r]]. */
    private static final int[] COLUMN = columnIndex();

    private static int[] columnIndex() {
        int[] idx = new int[L];
        for (int r = 0; r < L; r++) idx[r] = r * L;
        return idx;
    }

    /**
     * Rows are taken four at a time (four accumulator chains sharing the loads of u). Each row's L lane-partial
     * sums are parked in {@code work}; once L rows are parked, their lane-order sums are formed for all L rows
     * at once: S = 0 + column 0 + column 1 + ... + column L-1 (one vector add per column; the column is a
     * gather), which is each row's own sequential lane-order sum, bit for bit.
     */
    public static void scores(float[] u, int uOff, float[] h, int hOff, int n, int dim, float[] s, int sOff, float[] work) {
        int bound = S.loopBound(dim);
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int r0 = hOff + j * dim, r1 = r0 + dim, r2 = r1 + dim, r3 = r2 + dim;
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int i = 0; i < bound; i += L) {
                FloatVector uv = FloatVector.fromArray(S, u, uOff + i);
                a0 = uv.fma(FloatVector.fromArray(S, h, r0 + i), a0);
                a1 = uv.fma(FloatVector.fromArray(S, h, r1 + i), a1);
                a2 = uv.fma(FloatVector.fromArray(S, h, r2 + i), a2);
                a3 = uv.fma(FloatVector.fromArray(S, h, r3 + i), a3);
            }
            park(a0, j, work);
            park(a1, j + 1, work);
            park(a2, j + 2, work);
            park(a3, j + 3, work);
            if ((j + 4) % L == 0) sumGroup(work, s, sOff + j + 4 - L);
        }
        for (; j < n; j++) {
            int r = hOff + j * dim;
            FloatVector acc = FloatVector.zero(S);
            for (int i = 0; i < bound; i += L) acc = FloatVector.fromArray(S, u, uOff + i).fma(FloatVector.fromArray(S, h, r + i), acc);
            park(acc, j, work);
        }
        // rows of the last, incomplete group: their lane-order sums one by one
        for (int q = n - n % L; q < n; q++) {
            float t = 0;
            for (int l = 0; l < L; l++) t += work[(q % L) * L + l];
            s[sOff + q] = t;
        }
        if (bound < dim) {
            for (int q = 0; q < n; q++) {
                float t = s[sOff + q];
                for (int i = bound, r = hOff + q * dim; i < dim; i++) t += u[uOff + i] * h[r + i];
                s[sOff + q] = t;
            }
        }
    }

    private static void park(FloatVector acc, int row, float[] work) {
        acc.intoArray(work, (row % L) * L);
    }

    /** s[at + r] = the lane-order sum of parked row r, for the L rows of a full group. */
    private static void sumGroup(float[] work, float[] s, int at) {
        FloatVector sum = FloatVector.zero(S);
        for (int l = 0; l < L; l++) sum = sum.add(FloatVector.fromArray(S, work, l, COLUMN, 0));
        sum.intoArray(s, at);
    }

    public static void weightedRowSumAcc(float[] w, int wOff, float[] h, int hOff, int n, int dim, float[] p, int pOff) {
        int bound = S.loopBound(dim);
        int c = 0;
        for (; c + 4 * L <= bound; c += 4 * L) {
            FloatVector p0 = FloatVector.fromArray(S, p, pOff + c), p1 = FloatVector.fromArray(S, p, pOff + c + L),
                    p2 = FloatVector.fromArray(S, p, pOff + c + 2 * L), p3 = FloatVector.fromArray(S, p, pOff + c + 3 * L);
            for (int j = 0, row = hOff + c; j < n; j++, row += dim) {
                FloatVector wj = FloatVector.broadcast(S, w[wOff + j]);
                p0 = FloatVector.fromArray(S, h, row).fma(wj, p0);
                p1 = FloatVector.fromArray(S, h, row + L).fma(wj, p1);
                p2 = FloatVector.fromArray(S, h, row + 2 * L).fma(wj, p2);
                p3 = FloatVector.fromArray(S, h, row + 3 * L).fma(wj, p3);
            }
            p0.intoArray(p, pOff + c);
            p1.intoArray(p, pOff + c + L);
            p2.intoArray(p, pOff + c + 2 * L);
            p3.intoArray(p, pOff + c + 3 * L);
        }
        for (; c < bound; c += L) {
            FloatVector p0 = FloatVector.fromArray(S, p, pOff + c);
            for (int j = 0, row = hOff + c; j < n; j++, row += dim) {
                p0 = FloatVector.fromArray(S, h, row).fma(FloatVector.broadcast(S, w[wOff + j]), p0);
            }
            p0.intoArray(p, pOff + c);
        }
        for (; c < dim; c++) {
            float v = p[pOff + c];
            for (int j = 0; j < n; j++) v += w[wOff + j] * h[hOff + j * dim + c];
            p[pOff + c] = v;
        }
    }
}
