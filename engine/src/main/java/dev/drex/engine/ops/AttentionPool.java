package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.kernels.Softmax;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Attention pooling of row segments: within each segment, a softmax of the rows' scores weighs the rows
 * (additive-attention pooling as in Bahdanau et al. 2015, eq. 5-6, with the scores computed upstream).
 *
 * <pre>
 *   h (N,C), scores (N) or (N,1), segment starts (S) as in {@link SegmentMean} (null: one segment) -> y (S,C)
 *   a_j = exp(e_j) / sum_{k in s} exp(e_k),   y[s] = sum_{j in s} a_j h_j
 *   dh_j += a_j dy[s];   g_j = dy[s] . h_j;   de_j += a_j (g_j - sum_{k in s} a_k g_k)
 * </pre>
 */
final class AttentionPool extends Op {
    private int[] starts;
    private float[] weights; // a (N)

    private AttentionPool(Tensor h, Tensor scores, int[] starts, float[] weights) {
        super(h, scores);
        this.starts = starts;
        this.weights = weights;
    }

    static Tensor apply(Tensor h, Tensor scores, int[] segmentStarts) {
        Checks.notNull("attentionPool", "h", h);
        if (h.rank() != 2) throw new IllegalArgumentException("attentionPool: h must be 2-D (N,C), got " + Arrays.toString(h.shape()));
        int n = h.dim(0), c = h.dim(1);
        int[] starts = checkScores("attentionPool", scores, segmentStarts, n);
        float[] a = softmaxPerSegment(scores, starts);
        Tensor y = Tensor.zeros(starts.length, c);
        float[] hd = h.data(), yd = y.data();
        for (int s = 0; s < starts.length; s++) {
            for (int j = starts[s], end = SegmentMean.end(starts, s, n); j < end; j++) {
                Elementwise.axpy(a[j], hd, h.offset() + j * c, yd, s * c, c);
            }
        }
        return Op.recording(h, scores) ? y.recordedBy(new AttentionPool(h, scores, starts, a)) : y;
    }

    /** The attention weights a (N) of {@link #apply}, for explanations; never recorded. */
    static Tensor weights(Tensor scores, int[] segmentStarts) {
        Checks.notNull("attentionWeights", "scores", scores);
        int[] starts = checkScores("attentionWeights", scores, segmentStarts, scores.size());
        return Tensor.of(softmaxPerSegment(scores, starts), scores.size());
    }

    private static int[] checkScores(String op, Tensor scores, int[] segmentStarts, int n) {
        Checks.notNull(op, "scores", scores);
        boolean ok = (scores.rank() == 1 && scores.dim(0) == n) || (scores.rank() == 2 && scores.dim(0) == n && scores.dim(1) == 1);
        if (!ok) throw new IllegalArgumentException(op + ": scores " + Arrays.toString(scores.shape()) + " must be (" + n + ") or (" + n + ",1)");
        return SegmentMean.checkSegments(op, segmentStarts == null ? new int[] {0} : segmentStarts, n);
    }

    private static float[] softmaxPerSegment(Tensor scores, int[] starts) {
        int n = scores.size();
        float[] a = new float[n];
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s], len = SegmentMean.end(starts, s, n) - from;
            Softmax.softmax(scores.data(), scores.offset() + from, a, from, len, null, 0);
        }
        return a;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor h = inputs[0], scores = inputs[1];
        float[] dy = out.grad(), hd = h.data(), a = weights;
        int n = h.dim(0), c = h.dim(1), ho = h.offset();
        float[] dh = h.requiresGrad() ? h.grad() : null;
        float[] g = scores.requiresGrad() ? new float[n] : null;
        for (int s = 0; s < starts.length; s++) {
            for (int j = starts[s], end = SegmentMean.end(starts, s, n); j < end; j++) {
                if (dh != null) Elementwise.axpy(a[j], dy, s * c, dh, j * c, c);
                if (g != null) g[j] = Reductions.dot(dy, s * c, hd, ho + j * c, c);
            }
        }
        if (g != null) {
            float[] de = scores.grad();
            for (int s = 0; s < starts.length; s++) {
                int from = starts[s], len = SegmentMean.end(starts, s, n) - from;
                Softmax.softmaxBackwardAcc(a, from, g, from, de, from, len);
            }
        }
    }

    @Override
    protected void release() {
        super.release();
        starts = null;
        weights = null;
    }
}
