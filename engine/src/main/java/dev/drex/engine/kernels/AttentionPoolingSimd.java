package dev.drex.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD twin of {@link AttentionPoolingScalar}; the summation order is {@link AttentionPooling}'s. Scores
 * are computed four rows at a time (four independent accumulator chains, each in the single-row order),
 * and the weighted row sum keeps four output vectors in registers while it runs down the rows.
 */
public final class AttentionPoolingSimd {
    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = S.length();

    private AttentionPoolingSimd() {}

    public static void scores(float[] u, int uOff, float[] h, int hOff, int n, int dim, float[] s, int sOff) {
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
            s[sOff + j] = finish(a0, u, uOff, h, r0, bound, dim);
            s[sOff + j + 1] = finish(a1, u, uOff, h, r1, bound, dim);
            s[sOff + j + 2] = finish(a2, u, uOff, h, r2, bound, dim);
            s[sOff + j + 3] = finish(a3, u, uOff, h, r3, bound, dim);
        }
        for (; j < n; j++) {
            int r = hOff + j * dim;
            FloatVector acc = FloatVector.zero(S);
            for (int i = 0; i < bound; i += L) acc = FloatVector.fromArray(S, u, uOff + i).fma(FloatVector.fromArray(S, h, r + i), acc);
            s[sOff + j] = finish(acc, u, uOff, h, r, bound, dim);
        }
    }

    /**
     * The lanes of acc added in lane order, then the tail terms. Not reduceLanes(ADD), whose order is
     * unspecified and differs between the interpreter and C2; not {@link Simd#sumLanes} either: its pairwise
     * tree would give other bits than the lane-order sum that DReX's results were first computed with.
     */
    private static float finish(FloatVector acc, float[] u, int uOff, float[] h, int r, int bound, int dim) {
        float s = 0;
        for (int l = 0; l < L; l++) s += acc.lane(l);
        for (int i = bound; i < dim; i++) s += u[uOff + i] * h[r + i];
        return s;
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
