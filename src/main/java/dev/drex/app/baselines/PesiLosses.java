package dev.drex.app.baselines;

import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Tensor;

/**
 * The auxiliary terms of {@link Pesi}'s objective, each a recorded scalar built from engine ops (so the engine's
 * backward differentiates them; {@code PesiLossesTest} checks them against finite differences and direct formulas).
 * <pre>
 *   normalizeRows:  x (B,d) -> x_b / sqrt(|x_b|^2 + 1e-8)
 *   contrastive:    S[j,k] = cos(a_j, b_k) / tau  (B,B);  L = -1/(2B) sum_j (log softmax_k S[j,.])_j + (log softmax_k S[.,j]^T)_j
 *                   entries k != j with owner[k] == owner[j] are masked out of both softmaxes (not negatives)
 *   orthogonality:  L = mean_b cos^2(s_b, p_b)
 *   entropy:        per segment s of scores e (N,1): a = softmax_s(e),  H_s = -sum_j a_j log a_j = lse_s(e) - sum_j a_j e_j;
 *                   L = mean_s H_s
 * </pre>
 */
final class PesiLosses {
    private static final float NORM_EPS = 1e-8f;

    private PesiLosses() {
    }

    /** Rows scaled to unit length: x (B,d) -> (B,d). */
    static Tensor normalizeRows(Tensor x) {
        Tensor norms = F.sqrt(F.addScalar(F.sum(F.square(x), 1, true), NORM_EPS)); // (B,1)
        return F.div(x, norms);
    }

    /**
     * Symmetric InfoNCE between two views a, b (B,d) of the same B owners: row j of a should pick row j of b among
     * the batch's rows and vice versa. {@code owners[j]} names the owner of row j; other rows of the same owner are
     * neither positives nor negatives (masked). A scalar.
     */
    static Tensor contrastive(Tensor a, Tensor b, int[] owners, float temperature) {
        int n = a.dim(0);
        if (b.dim(0) != n || owners.length != n) throw new IllegalArgumentException("contrastive: " + n + " rows, " + b.dim(0) + " rows, " + owners.length + " owners");
        if (!(temperature > 0)) throw new IllegalArgumentException("contrastive: temperature must be > 0, got " + temperature);
        Tensor an = normalizeRows(a), bn = normalizeRows(b);
        boolean[] mask = new boolean[n * n];
        int[] diagonal = new int[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = j * n + j;
            for (int k = 0; k < n; k++) mask[j * n + k] = k == j || owners[k] != owners[j];
        }
        Tensor ab = F.scale(F.matmul(an, bn, false, true), 1f / temperature); // (B,B): cos(a_j, b_k) / tau
        Tensor ba = F.scale(F.matmul(bn, an, false, true), 1f / temperature); // its transpose, as its own product
        Tensor positivesAb = F.gatherRows(F.logSoftmax(ab, mask).reshape(n * n, 1), diagonal); // (B,1)
        Tensor positivesBa = F.gatherRows(F.logSoftmax(ba, mask).reshape(n * n, 1), diagonal); // (B,1) (the mask is symmetric)
        return F.scale(F.add(F.mean(positivesAb), F.mean(positivesBa)), -0.5f);
    }

    /** Mean squared cosine between paired rows of s and p (B,d): 0 when every pair is orthogonal. A scalar. */
    static Tensor orthogonality(Tensor s, Tensor p) {
        Tensor cos = F.sum(F.mul(normalizeRows(s), normalizeRows(p)), 1, false); // (B)
        return F.mean(F.square(cos));
    }

    /**
     * Mean over segments of the entropy of the per-segment softmax of {@code scores} (N,1), the attention weights
     * {@link F#attentionPool} uses with the same {@code starts}. A scalar in [0, log(longest segment)].
     * <p>lse_s is computed as m_s + log(n_s) + log(mean_{j in s} exp(e_j - m_s)) with m_s the segment's maximum held
     * constant (exact: the shift cancels in the derivative), so exp never overflows and the mean is >= 1/n_s.
     */
    static Tensor attentionEntropy(Tensor scores, int[] starts) {
        int n = scores.dim(0), segments = starts.length;
        float[] e = scores.toArray();
        float[] shiftPerRow = new float[n];
        float[] offset = new float[segments]; // m_s + log n_s
        for (int s = 0; s < segments; s++) {
            int from = starts[s], to = s + 1 < segments ? starts[s + 1] : n;
            if (to <= from) throw new IllegalArgumentException("attentionEntropy: segment " + s + " is empty");
            float max = Float.NEGATIVE_INFINITY;
            for (int j = from; j < to; j++) max = Math.max(max, e[j]);
            for (int j = from; j < to; j++) shiftPerRow[j] = max;
            offset[s] = max + (float) Math.log(to - from);
        }
        Tensor shifted = F.sub(scores, Tensor.of(shiftPerRow, n, 1));                                  // e - m (N,1)
        Tensor lse = F.add(F.log(F.segmentMean(F.exp(shifted), starts)), Tensor.of(offset, segments, 1)); // (S,1)
        Tensor expected = F.attentionPool(scores, scores, starts);                                        // sum_j a_j e_j (S,1)
        return F.mean(F.sub(lse, expected));
    }
}
