package dev.drex.engine.bert;

import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.Parallel;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.kernels.Softmax;
import java.util.Arrays;

/**
 * Multi-head scaled dot-product attention over a ragged batch (Vaswani et al. 2017, eq. 1):
 * for each sequence b and head h,
 * <pre>
 *   S = Q_bh K_bh^T / sqrt(d)        (n_b, n_b), d = head width
 *   P = softmax(S) per row, over the keys whose attention mask is 1 (others get probability 0)
 *   C_bh = P V_bh                    (n_b, d)
 * </pre>
 * Tokens are packed without padding: sequence b occupies rows {@code start[b] .. start[b] + n_b}
 * of {@code qkv} (N, 3H), holding Q | K | V, each split into heads of d columns; the context goes
 * to the same rows of {@code ctx} (N, H). Padding is therefore never attended to, and a masked key
 * is excluded only through {@code keyMask}, never by its token id. A query whose keys are all
 * masked gets a zero context.
 *
 * <p>The (sequence, head) pairs are independent and run in parallel through {@link Parallel}.
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
        int maxLen = Arrays.stream(lengths).max().orElse(0);
        float scale = (float) (1.0 / Math.sqrt(headDim));
        int tasks = batch * heads;
        Parallel.forRange(tasks, Math.min(tasks, 4 * Parallel.threads()), (from, to) -> {
            float[] scores = new float[maxLen];
            for (int task = from; task < to; task++) {
                int b = task / heads, h = task % heads, n = lengths[b], s0 = start[b];
                int qCol = h * headDim, kCol = hidden + h * headDim, vCol = 2 * hidden + h * headDim;
                for (int i = 0; i < n; i++) {
                    int qOff = (s0 + i) * stride + qCol;
                    // scores[j] = q_i . k_j
                    for (int j = 0; j < n; j++) {
                        scores[j] = Reductions.dot(qkv, qOff, qkv, (s0 + j) * stride + kCol, headDim);
                    }
                    // p = softmax(scores / sqrt(d)) over the unmasked keys
                    Softmax.softmaxScaled(scores, 0, scale, scores, 0, n, keyMask, s0);
                    // ctx_i = sum_j p_j v_j
                    int cOff = (s0 + i) * hidden + qCol;
                    Arrays.fill(ctx, cOff, cOff + headDim, 0f);
                    for (int j = 0; j < n; j++) {
                        float p = scores[j];
                        if (p != 0f) Elementwise.axpy(p, qkv, (s0 + j) * stride + vCol, ctx, cOff, headDim);
                    }
                }
            }
        });
    }
}
