package dev.drex.engine.bert;

import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.kernels.Parallel;
import dev.drex.engine.kernels.Softmax;

/**
 * Multi-head scaled dot-product attention over a ragged batch (Vaswani et al. 2017, eq. 1):
 * for each sequence b and head h,
 * <pre>
 *   S = Q_bh K_bh^T / sqrt(d)        (n_b, n_b), d = head width       one GEMM
 *   P = softmax(S) per row, over the keys whose attention mask is 1 (others get probability 0)
 *   C_bh = P V_bh                    (n_b, d)                           one GEMM
 * </pre>
 * Tokens are packed without padding: sequence b occupies rows {@code start[b] .. start[b] + n_b}
 * of {@code qkv} (N, 3H), holding Q | K | V, each split into heads of d columns; the context goes
 * to the same rows of {@code ctx} (N, H). The GEMMs read the heads in place through their row
 * stride (3H), so nothing is transposed or copied. Padding is therefore never attended to, and a
 * masked key is excluded only through {@code keyMask}, never by its token id. A query whose keys
 * are all masked gets a zero context.
 *
 * <p>The (sequence, head) pairs are independent and run in parallel through {@link Parallel}; the
 * GEMMs inside a parallel region run on the calling worker (no nested fan-out).
 */
final class BertSelfAttention {

    private BertSelfAttention() {}

    /**
     * @param qkv     (N, 3H) the fused projections, biases added
     * @param keyMask (N) true where the token may be attended to
     * @param ctx     (N, H) output, overwritten
     */
    static void forward(float[] qkv, int[] start, int[] lengths, boolean[] keyMask, int heads, int headDim,
                        float[] ctx) {
        int hidden = heads * headDim, stride = 3 * hidden, batch = lengths.length;
        int maxLen = 0;
        for (int len : lengths) maxLen = Math.max(maxLen, len);
        int scoresSize = maxLen * maxLen;
        float scale = (float) (1.0 / Math.sqrt(headDim));
        int tasks = batch * heads;
        Parallel.forRange(tasks, Math.min(tasks, 4 * Parallel.threads()), (from, to) -> {
            float[] scores = new float[scoresSize];
            for (int task = from; task < to; task++) {
                int b = task / heads, h = task % heads, n = lengths[b], s0 = start[b];
                int q = s0 * stride + h * headDim, k = q + hidden, v = q + 2 * hidden;
                // S = Q K^T / sqrt(d)   (n, n)
                Gemm.sgemm(false, true, n, n, headDim, scale, qkv, q, stride, qkv, k, stride, 0f, scores, 0, n);
                // P = softmax(S) over the unmasked keys, row by row
                for (int i = 0; i < n; i++) Softmax.softmax(scores, i * n, scores, i * n, n, keyMask, s0);
                // C = P V   (n, d), written into this head's columns of ctx
                Gemm.sgemm(false, false, n, headDim, n, 1f, scores, 0, n, qkv, v, stride, 0f, ctx, s0 * hidden + h * headDim, hidden);
            }
        });
    }
}
