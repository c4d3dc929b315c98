package dev.drex.engine.kernels;

/**
 * Attention pooling of one block of row vectors under one query direction, forward and backward: the
 * cheap algebraic form of DReX's review attention (spec DREX.md, "Review features" 3), where the rows
 * are a review's frozen lemma vectors and u = W_t^T q. The two inner loops dispatch to
 * {@link AttentionPoolingSimd} or, with {@code -Ddrex.simd=false}, to {@link AttentionPoolingScalar}; the
 * softmax between them is scalar and shared.
 *
 * <pre>
 *   u (dim), H (n, dim) row-major at hOff
 *   forward:   s_j = u . h_j;  a = softmax(s) (max-subtracted);  p += sum_j a_j h_j          a (n), p (dim)
 *   backward:  g_j = dp . h_j;  gbar = sum_j a_j g_j;  du += sum_j a_j (g_j - gbar) h_j       du (dim)
 * </pre>
 *
 * <p>Summation order, fixed so that the two twins give the same bits, interpreted or C2-compiled: a dot
 * product accumulates L lane-partial sums with fused multiply-adds over the whole vectors of the row
 * (lane l gets the terms i = l mod L, L = {@link Simd#SPECIES} lanes), adds the L partial sums one after
 * the other in lane order, then adds the tail terms (i >= n - n mod L) unfused, left to right. A weighted
 * row sum adds row after row (j ascending) into each output element, fused over the vector part and
 * unfused in the tail. The softmax sums its exponentials in double. Accuracy: each sum is over one row
 * (dim <= 1024 terms), float's relative error ~1e-6 is far below what training notices.
 *
 * <p>Kernels allocate nothing: callers pass the scratch, {@code work} of {@link #WORK_FLOATS} floats (where the
 * SIMD twin parks lane sums) and, for the backward, {@code g} of n floats.
 */
public final class AttentionPooling {
    /** Size of the {@code work} scratch every method takes: L x L floats. */
    public static final int WORK_FLOATS = Simd.SPECIES.length() * Simd.SPECIES.length();

    private AttentionPooling() {}

    /** s[sOff + j] = u . h_j for j < n (rows of length dim at hOff + j * dim). */
    public static void scores(float[] u, int uOff, float[] h, int hOff, int n, int dim, float[] s, int sOff, float[] work) {
        if (Simd.ENABLED) AttentionPoolingSimd.scores(u, uOff, h, hOff, n, dim, s, sOff, work);
        else AttentionPoolingScalar.scores(u, uOff, h, hOff, n, dim, s, sOff, work);
    }

    /** p[pOff + c] += sum_j w[wOff + j] h_j[c] for c < dim, the rows added in order j = 0 .. n-1. */
    public static void weightedRowSumAcc(float[] w, int wOff, float[] h, int hOff, int n, int dim, float[] p, int pOff) {
        if (Simd.ENABLED) AttentionPoolingSimd.weightedRowSumAcc(w, wOff, h, hOff, n, dim, p, pOff);
        else AttentionPoolingScalar.weightedRowSumAcc(w, wOff, h, hOff, n, dim, p, pOff);
    }

    /**
     * Forward (see the class comment): the weights into a[aOff .. aOff+n) and p[pOff .. pOff+dim) += the
     * pooled row (pass p zeroed for p = sum_j a_j h_j). n >= 1; scores must be finite.
     */
    public static void forward(float[] u, int uOff, float[] h, int hOff, int n, int dim, float[] a, int aOff, float[] p, int pOff,
                               float[] work) {
        scores(u, uOff, h, hOff, n, dim, a, aOff, work);
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) max = Math.max(max, a[aOff + j]);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            float e = (float) Math.exp(a[aOff + j] - max);
            a[aOff + j] = e;
            sum += e;
        }
        float inv = (float) (1 / sum);
        for (int j = 0; j < n; j++) a[aOff + j] *= inv;
        weightedRowSumAcc(a, aOff, h, hOff, n, dim, p, pOff);
    }

    /**
     * Backward (see the class comment): du[duOff .. duOff+dim) += the gradient of u through this block, for
     * the pooled row's gradient dp[dpOff .. dpOff+dim) and the forward's weights a. {@code g} is scratch
     * of at least gOff + n floats (overwritten).
     */
    public static void backwardAcc(float[] dp, int dpOff, float[] h, int hOff, int n, int dim, float[] a, int aOff,
                                   float[] g, int gOff, float[] du, int duOff, float[] work) {
        scores(dp, dpOff, h, hOff, n, dim, g, gOff, work);                     // g_j = dp . h_j
        float gbar = 0;
        for (int j = 0; j < n; j++) gbar += a[aOff + j] * g[gOff + j];
        for (int j = 0; j < n; j++) g[gOff + j] = a[aOff + j] * (g[gOff + j] - gbar);
        weightedRowSumAcc(g, gOff, h, hOff, n, dim, du, duOff);          // du += sum_j a_j (g_j - gbar) h_j
    }
}
