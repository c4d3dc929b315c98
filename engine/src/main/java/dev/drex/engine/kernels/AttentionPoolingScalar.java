package dev.drex.engine.kernels;

/**
 * Scalar twin of {@link AttentionPoolingSimd}, in the same summation order (see {@link AttentionPooling}):
 * each dot product keeps the L lane-partial sums of the SIMD kernel ({@code L = Simd.SPECIES.length()}),
 * so both twins give the same bits.
 */
public final class AttentionPoolingScalar {
    private static final int L = Simd.SPECIES.length();

    private AttentionPoolingScalar() {}

    /** {@code work} is not used (the SIMD twin's scratch). */
    public static void scores(float[] u, int uOff, float[] h, int hOff, int n, int dim, float[] s, int sOff, float[] work) {
        for (int j = 0; j < n; j++) s[sOff + j] = dot(u, uOff, h, hOff + j * dim, dim);
    }

    /** u . x: lane-partial fused sums over the whole vectors, added in lane order, then the tail unfused. */
    static float dot(float[] u, int uOff, float[] x, int xOff, int dim) {
        int bound = dim - dim % L;
        float s = 0;
        for (int l = 0; l < L; l++) {
            float acc = 0;
            for (int i = l; i < bound; i += L) acc = Math.fma(u[uOff + i], x[xOff + i], acc);
            s += acc;
        }
        for (int i = bound; i < dim; i++) s += u[uOff + i] * x[xOff + i];
        return s;
    }

    public static void weightedRowSumAcc(float[] w, int wOff, float[] h, int hOff, int n, int dim, float[] p, int pOff) {
        int bound = dim - dim % L;
        for (int j = 0; j < n; j++) {
            float wj = w[wOff + j];
            int row = hOff + j * dim;
            for (int c = 0; c < bound; c++) p[pOff + c] = Math.fma(h[row + c], wj, p[pOff + c]);
            for (int c = bound; c < dim; c++) p[pOff + c] += wj * h[row + c];
        }
    }
}
