package dev.drex.app.model;

import dev.drex.app.features.ReviewVectors;
import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.AttentionPooling;
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
 * The arithmetic of one review is the engine kernel {@link AttentionPooling}. A review's vectors are copied
 * (decoded, for an fp16 cache) into a per-chunk scratch matrix right before its kernel runs, in the forward
 * and again in the backward: nothing of size R x n x dim is kept between the two.
 * Reviews are split into {@link #CHUNKS} fixed chunks run by {@link Parallel}; each chunk sums its own du and
 * the chunks are added in order, so the result does not depend on the thread count.
 */
final class ReviewAttention extends Op {
    /** Fixed work split (not the thread count), for results independent of the number of threads. */
    static final int CHUNKS = 8;

    /** Where review r's [rows(r) x dim] vectors come from. */
    private interface Source {
        int rows(int r);

        /** The matrix itself when it lies in an array of its own, else null (then {@link #copy} is used). */
        float[] direct(int r);

        void copy(int r, float[] dst, int off);
    }

    private Source source;
    private int[] rows;
    private float[] weights; // a of every lemma, review after review
    private int[] weightStart;
    private final int dim;

    private ReviewAttention(Tensor u, Source source, int[] rows, float[] weights, int[] weightStart, int dim) {
        super(u);
        this.source = source;
        this.rows = rows;
        this.weights = weights;
        this.weightStart = weightStart;
        this.dim = dim;
    }

    /** P (R, dim) for the reviews {@code mats[r]} ({@code rows[r]} x dim, row-major). */
    static Tensor apply(Tensor u, float[][] mats, int[] rows, int dim) {
        for (int j = 0; j < mats.length; j++) {
            if (rows[j] < 1 || mats[j].length != rows[j] * dim) {
                throw new IllegalArgumentException("reviewAttention: review " + j + " has " + mats[j].length + " values for " + rows[j] + " x " + dim);
            }
        }
        return apply(u, new Source() {
            public int rows(int r) {
                return rows[r];
            }

            public float[] direct(int r) {
                return mats[r];
            }

            public void copy(int r, float[] dst, int off) {
                System.arraycopy(mats[r], 0, dst, off, mats[r].length);
            }
        }, mats.length, dim);
    }

    /** P (R, dim) for the reviews of interactions {@code ks} (R), each with at least one lemma, read from {@code reviews}. */
    static Tensor apply(Tensor u, ReviewVectors reviews, int[] ks, int dim) {
        if (reviews.dim() != dim) throw new IllegalArgumentException("reviewAttention: vectors of width " + reviews.dim() + ", expected " + dim);
        int[] rows = new int[ks.length];
        for (int j = 0; j < ks.length; j++) {
            rows[j] = reviews.rows(ks[j]);
            if (rows[j] < 1) throw new IllegalArgumentException("reviewAttention: interaction " + ks[j] + " has no review");
        }
        int[] keys = ks.clone();
        return apply(u, new Source() {
            public int rows(int r) {
                return rows[r];
            }

            public float[] direct(int r) {
                return null;
            }

            public void copy(int r, float[] dst, int off) {
                reviews.copyVectors(keys[r], dst, off);
            }
        }, ks.length, dim);
    }

    private static Tensor apply(Tensor u, Source src, int r, int dim) {
        if (u.size() != dim) throw new IllegalArgumentException("reviewAttention: u has " + u.size() + " values, dim is " + dim);
        int[] rows = new int[r];
        int[] start = new int[r + 1];
        for (int j = 0; j < r; j++) {
            rows[j] = src.rows(j);
            start[j + 1] = start[j] + rows[j];
        }
        float[] a = new float[start[r]];
        Tensor p = Tensor.zeros(r, dim);
        float[] ud = u.data(), pd = p.data();
        int uo = u.offset();
        Parallel.forRange(CHUNKS, CHUNKS, (c0, c1) -> {
            int from = chunkStart(r, c0), to = chunkStart(r, c1);
            float[] scratch = new float[maxRows(rows, from, to) * dim], work = new float[AttentionPooling.WORK_FLOATS];
            for (int j = from; j < to; j++) {
                float[] h = matrix(src, j, scratch);
                AttentionPooling.forward(ud, uo, h, 0, rows[j], dim, a, start[j], pd, j * dim, work);
            }
        });
        return Op.recording(u) ? p.recordedBy(new ReviewAttention(u, src, rows, a, start, dim)) : p;
    }

    /** Review j's matrix: itself, or its copy in {@code scratch}. */
    private static float[] matrix(Source src, int j, float[] scratch) {
        float[] m = src.direct(j);
        if (m != null) return m;
        src.copy(j, scratch, 0);
        return scratch;
    }

    private static int maxRows(int[] rows, int from, int to) {
        int m = 0;
        for (int j = from; j < to; j++) m = Math.max(m, rows[j]);
        return m;
    }

    /** The weights a (n) of one review under u, as {@link #apply} computes them. */
    static float[] weights(float[] u, float[] mat, int n, int dim) {
        float[] a = new float[n];
        AttentionPooling.forward(u, 0, mat, 0, n, dim, a, 0, new float[dim], 0, new float[AttentionPooling.WORK_FLOATS]);
        return a;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor u = inputs[0];
        float[] dp = out.grad();
        float[][] partial = new float[CHUNKS][dim];
        int r = rows.length;
        Parallel.forRange(CHUNKS, CHUNKS, (c0, c1) -> {
            for (int c = c0; c < c1; c++) backwardChunk(dp, partial[c], chunkStart(r, c), chunkStart(r, c + 1));
        });
        float[] gu = u.grad();
        for (float[] part : partial) for (int i = 0; i < dim; i++) gu[i] += part[i];
    }

    /** du += the contributions of reviews [from, to). */
    private void backwardChunk(float[] dp, float[] du, int from, int to) {
        int most = maxRows(rows, from, to);
        float[] scratch = new float[most * dim], g = new float[most], work = new float[AttentionPooling.WORK_FLOATS];
        for (int j = from; j < to; j++) {
            float[] h = matrix(source, j, scratch);
            AttentionPooling.backwardAcc(dp, j * dim, h, 0, rows[j], dim, weights, weightStart[j], g, 0, du, 0, work);
        }
    }

    /** First review of chunk c (of {@link #CHUNKS}) among n. */
    private static int chunkStart(int n, int c) {
        return (int) ((long) n * c / CHUNKS);
    }

    @Override
    protected void release() {
        super.release();
        source = null;
        rows = null;
        weights = null;
        weightStart = null;
    }

    @Override
    public String toString() {
        return "ReviewAttention" + Arrays.toString(new int[] {rows == null ? 0 : rows.length, dim});
    }
}
