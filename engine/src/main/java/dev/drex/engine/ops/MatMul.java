package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Matrix product C = op(A) op(B), op = identity or transpose of the last two dimensions.
 *
 * <pre>
 *   a (M,K)   x b (K,N)   -> c (M,N)
 *   a (B,M,K) x b (B,K,N) -> c (B,M,N)     (batched, one product per batch)
 *   a (B,M,K) x b (K,N)   -> c (B,M,N)     (b shared by every batch)
 * </pre>
 * with transA, a is stored (..,K,M); with transB, b is stored (..,N,K).
 *
 * <p>Backward (matrix calculus, e.g. Giles 2008 "Collected matrix derivative results", sec. 2.2.2):
 * d op(A) = dC op(B)^T and d op(B) = op(A)^T dC, transposed back when the stored operand was transposed.
 * A shared b accumulates the sum over batches.
 */
final class MatMul extends Op {
    private final boolean transA, transB;
    private final int batches, m, n, k;
    private final boolean sharedB;

    private MatMul(Tensor a, Tensor b, boolean transA, boolean transB, int batches, int m, int n, int k, boolean sharedB) {
        super(a, b);
        this.transA = transA;
        this.transB = transB;
        this.batches = batches;
        this.m = m;
        this.n = n;
        this.k = k;
        this.sharedB = sharedB;
    }

    static Tensor apply(Tensor a, Tensor b, boolean transA, boolean transB) {
        Checks.notNull("matmul", "a", a);
        Checks.notNull("matmul", "b", b);
        int ra = a.rank(), rb = b.rank();
        boolean ok = (ra == 2 && rb == 2) || (ra == 3 && rb == 3 && a.dim(0) == b.dim(0)) || (ra == 3 && rb == 2);
        if (!ok) throw new IllegalArgumentException("matmul: unsupported shapes " + desc(a, b, transA, transB));
        int batches = ra == 3 ? a.dim(0) : 1;
        int m = transA ? a.dim(-1) : a.dim(-2);
        int ka = transA ? a.dim(-2) : a.dim(-1);
        int kb = transB ? b.dim(-1) : b.dim(-2);
        int n = transB ? b.dim(-2) : b.dim(-1);
        if (ka != kb) throw new IllegalArgumentException("matmul: inner dimensions differ (" + ka + " vs " + kb + ") in " + desc(a, b, transA, transB));
        boolean sharedB = rb == 2 && ra == 3;
        Tensor c = Tensor.zeros(ra == 3 ? new int[] {batches, m, n} : new int[] {m, n});
        float[] ad = a.data(), bd = b.data(), cd = c.data();
        int lda = a.dim(-1), ldb = b.dim(-1);
        if (sharedB && !transA) {
            // (B,M,K) x (K,N): one product of the (B*M, K) matrix
            Gemm.sgemm(false, transB, batches * m, n, ka, 1f, ad, a.offset(), lda, bd, b.offset(), ldb, 0f, cd, 0, n);
        } else {
            for (int p = 0; p < batches; p++) {
                Gemm.sgemm(transA, transB, m, n, ka, 1f, ad, a.offset() + p * m * ka, lda,
                        bd, b.offset() + (sharedB ? 0 : p * n * ka), ldb, 0f, cd, p * m * n, n);
            }
        }
        return Op.recording(a, b) ? c.recordedBy(new MatMul(a, b, transA, transB, batches, m, n, ka, sharedB)) : c;
    }

    private static String desc(Tensor a, Tensor b, boolean transA, boolean transB) {
        return Arrays.toString(a.shape()) + (transA ? "^T" : "") + " x " + Arrays.toString(b.shape()) + (transB ? "^T" : "");
    }

    @Override
    protected void backward(Tensor out) {
        Tensor a = inputs[0], b = inputs[1];
        float[] dc = out.grad();
        float[] ad = a.data(), bd = b.data();
        int lda = a.dim(-1), ldb = b.dim(-1);
        if (a.requiresGrad()) {
            float[] da = a.grad();
            if (sharedB && !transA) {
                // dA (B*M,K) += dC (B*M,N) op(B)^T
                Gemm.sgemm(false, !transB, batches * m, k, n, 1f, dc, 0, n, bd, b.offset(), ldb, 1f, da, 0, k);
            } else {
                for (int p = 0; p < batches; p++) {
                    int aOff = p * m * k, bOff = b.offset() + (sharedB ? 0 : p * n * k), cOff = p * m * n;
                    if (!transA) { // dA (M,K) += dC (M,N) op(B)^T
                        Gemm.sgemm(false, !transB, m, k, n, 1f, dc, cOff, n, bd, bOff, ldb, 1f, da, aOff, k);
                    } else {       // dA (K,M) += op(B) (K,N) dC^T (N,M)
                        Gemm.sgemm(transB, true, k, m, n, 1f, bd, bOff, ldb, dc, cOff, n, 1f, da, aOff, m);
                    }
                }
            }
        }
        if (b.requiresGrad()) {
            float[] db = b.grad();
            if (sharedB && !transA) {
                int rows = batches * m;
                if (!transB) Gemm.sgemm(true, false, k, n, rows, 1f, ad, a.offset(), lda, dc, 0, n, 1f, db, 0, n);
                else Gemm.sgemm(true, false, n, k, rows, 1f, dc, 0, n, ad, a.offset(), lda, 1f, db, 0, k);
            } else {
                for (int p = 0; p < batches; p++) {
                    int aOff = a.offset() + p * m * k, bOff = sharedB ? 0 : p * n * k, cOff = p * m * n;
                    if (!transB) { // dB (K,N) += op(A)^T (K,M) dC (M,N)
                        Gemm.sgemm(!transA, false, k, n, m, 1f, ad, aOff, lda, dc, cOff, n, 1f, db, bOff, n);
                    } else {       // dB (N,K) += dC^T (N,M) op(A) (M,K)
                        Gemm.sgemm(true, transA, n, k, m, 1f, dc, cOff, n, ad, aOff, lda, 1f, db, bOff, k);
                    }
                }
            }
        }
    }
}
