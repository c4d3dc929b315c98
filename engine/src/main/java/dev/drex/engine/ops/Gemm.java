package dev.drex.engine.ops;

/**
 * TEMPORARY naive stand-in for {@code dev.drex.engine.kernels.Gemm} (same signature), used until the
 * {@code gemm} branch lands; then this file is deleted and the real kernel imported.
 * Row-major BLAS: C = alpha op(A) op(B) + beta C; beta == 0 ignores C's contents.
 */
final class Gemm {
    private Gemm() {}

    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0f ? alpha * s : alpha * s + beta * c[ci];
            }
        }
    }
}
