package dev.drex.app.model;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Parallel;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Attention pooling of each review's frozen lemma vectors under one learned query direction, fused and
 * reading the vectors where they lie (no stacked copy): the spec's cheap form of "Review features" 3.
 *
 * <pre>
 *   u (dim) or (1,dim); review r: H_r (n_r, dim) constant
 *   s_j = u . h_j;  a = softmax(s) (max-subtracted);  p_r = sum_j a_j h_j      -> P (R, dim)
 *   backward: g_j = dP_r . h_j;  gbar = sum_j a_j g_j;  du += sum_j a_j (g_j - gbar) h_j
 * </pre>
 * Reviews are split into {@link #CHUNKS} fixed chunks run by {@link Parallel}; each chunk sums its own du and
 * the chunks are added in order, so the result does not depend on the thread count.
 */
final class ReviewAttention extends Op {
    /** Fixed work split (not the thread count), for results independent of the number of threads. */
    static final int CHUNKS = 8;

    private float[][] mats;
    private int[] rows;
    private float[] weights; // a of every lemma, review after review
    private int[] weightStart;
    private final int dim;

    private ReviewAttention(Tensor u, float[][] mats, int[] rows, float[] weights, int[] weightStart, int dim) {
        super(u);
        this.mats = mats;
        this.rows = rows;
        this.weights = weights;
        this.weightStart = weightStart;
        this.dim = dim;
    }

    /** P (R, dim) for the reviews {@code mats[r]} ({@code rows[r]} x dim, row-major). */
    static Tensor apply(Tensor u, float[][] mats, int[] rows, int dim) {
        if (u.size() != dim) throw new IllegalArgumentException("reviewAttention: u has " + u.size() + " values, dim is " + dim);
        int r = mats.length;
        int[] start = new int[r + 1];
        for (int j = 0; j < r; j++) {
            if (rows[j] < 1 || mats[j].length != rows[j] * dim) {
                throw new IllegalArgumentException("reviewAttention: review " + j + " has " + mats[j].length + " values for " + rows[j] + " x " + dim);
            }
            start[j + 1] = start[j] + rows[j];
        }
        float[] a = new float[start[r]];
        Tensor p = Tensor.zeros(r, dim);
        float[] ud = u.data(), pd = p.data();
        int uo = u.offset();
        Parallel.forRange(CHUNKS, CHUNKS, (c0, c1) -> {
            for (int j = chunkStart(r, c0); j < chunkStart(r, c1); j++) pool(ud, uo, mats[j], rows[j], dim, a, start[j], pd, j * dim);
        });
        return Op.recording(u) ? p.recordedBy(new ReviewAttention(u, mats, rows, a, start, dim)) : p;
    }

    /** The weights a (n) of one review under u, as {@link #apply} computes them. */
    static float[] weights(float[] u, float[] mat, int n, int dim) {
        float[] a = new float[n];
        pool(u, 0, mat, n, dim, a, 0, new float[dim], 0);
        return a;
    }

    /** Scores, softmax into a[aOff ..], pooled row into p[pOff ..]. */
    private static void pool(float[] u, int uOff, float[] h, int n, int dim, float[] a, int aOff, float[] p, int pOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            float s = AttentionKernels.dot(u, uOff, h, j * dim, dim);
            a[aOff + j] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            float e = (float) Math.exp(a[aOff + j] - max);
            a[aOff + j] = e;
            sum += e;
        }
        float inv = (float) (1 / sum);
        for (int j = 0; j < n; j++) {
            a[aOff + j] *= inv;
            AttentionKernels.axpy(a[aOff + j], h, j * dim, p, pOff, dim);
        }
    }

    @Override
    protected void backward(Tensor out) {
        Tensor u = inputs[0];
        float[] dp = out.grad();
        float[][] partial = new float[CHUNKS][dim];
        int r = mats.length;
        Parallel.forRange(CHUNKS, CHUNKS, (c0, c1) -> {
            for (int c = c0; c < c1; c++) backwardChunk(dp, partial[c], chunkStart(r, c), chunkStart(r, c + 1));
        });
        float[] gu = u.grad();
        for (float[] part : partial) for (int i = 0; i < dim; i++) gu[i] += part[i];
    }

    /** du += the contributions of reviews [from, to). */
    private void backwardChunk(float[] dp, float[] du, int from, int to) {
            for (int j = from; j < to; j++) {
                float[] h = mats[j];
                int n = rows[j], a0 = weightStart[j];
                float[] g = new float[n];
                float gbar = 0;
                for (int t = 0; t < n; t++) {
                    g[t] = AttentionKernels.dot(dp, j * dim, h, t * dim, dim);
                    gbar += weights[a0 + t] * g[t];
                }
                for (int t = 0; t < n; t++) AttentionKernels.axpy(weights[a0 + t] * (g[t] - gbar), h, t * dim, du, 0, dim);
            }
    }

    /** First review of chunk c (of {@link #CHUNKS}) among n. */
    private static int chunkStart(int n, int c) {
        return (int) ((long) n * c / CHUNKS);
    }

    @Override
    protected void release() {
        super.release();
        mats = null;
        rows = null;
        weights = null;
        weightStart = null;
    }

    @Override
    public String toString() {
        return "ReviewAttention" + Arrays.toString(new int[] {mats == null ? 0 : mats.length, dim});
    }
}
