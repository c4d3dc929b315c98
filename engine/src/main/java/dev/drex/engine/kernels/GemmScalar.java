package dev.drex.engine.kernels;

import java.lang.foreign.MemorySegment;

/**
 * The reference SGEMM: the textbook triple loop, single-threaded, accumulating each dot product
 * in {@code double} so that it is (nearly) exact and the fast kernels can be judged against it.
 *
 * <p>{@code C = alpha * op(A) * op(B) + beta * C}, all row-major, with {@code op(X) = X} or
 * {@code X^T}: op(A) is (m, k), op(B) is (k, n), C is (m, n).
 * <ul>
 *   <li>A stored as (m, k) with row stride {@code lda} when {@code !transA}, as (k, m) when {@code transA};</li>
 *   <li>B stored as (k, n) with row stride {@code ldb} when {@code !transB}, as (n, k) when {@code transB};</li>
 *   <li>C stored as (m, n) with row stride {@code ldc}; only C is modified.</li>
 * </ul>
 * When {@code beta == 0} C is never read (it may hold NaN garbage), as in the reference BLAS.
 */
public final class GemmScalar {

    private GemmScalar() {}

    /** See the class comment; same contract as {@link Gemm#sgemm}. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += (double) aip * bpj;
                }
                int ci = cOff + i * ldc + j;
                double result = alpha * sum;
                if (beta != 0) result += (double) beta * c[ci];
                c[ci] = (float) result;
            }
        }
    }

    /**
     * The reference for the segment entry point of {@link Gemm}: B read as little-endian float32
     * from {@code b}, {@code bByteOff} bytes in, row stride {@code ldb} floats.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, MemorySegment b, long bByteOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bByteOff, ldb, c, cOff, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    long bIndex = transB ? (long) j * ldb + p : (long) p * ldb + j;
                    float bpj = b.get(GemmPacking.LE_FLOAT, bByteOff + bIndex * Float.BYTES);
                    sum += (double) aip * bpj;
                }
                int ci = cOff + i * ldc + j;
                double result = alpha * sum;
                if (beta != 0) result += (double) beta * c[ci];
                c[ci] = (float) result;
            }
        }
    }

    /** The reference for {@link Gemm#sgemm(boolean, int, float, float[], int, int, Gemm.PackedB, float, float[], int, int)}. */
    public static void sgemmPacked(boolean transA, int m, float alpha, float[] a, int aOff, int lda,
            Gemm.PackedB b, float beta, float[] c, int cOff, int ldc) {
        int n = b.n(), k = b.k();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    sum += (double) aip * b.get(p, j);
                }
                int ci = cOff + i * ldc + j;
                double result = alpha * sum;
                if (beta != 0) result += (double) beta * c[ci];
                c[ci] = (float) result;
            }
        }
    }
}
