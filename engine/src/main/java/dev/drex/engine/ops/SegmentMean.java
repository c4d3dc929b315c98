package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Mean of consecutive row segments (mean pooling of variable-length groups, e.g. the reviews of a batch).
 * Segment s covers rows [starts[s], end_s) with end_s = starts[s+1], or N for the last one.
 *
 * <pre>
 *   x (N,C), starts (S) ascending with starts[0] = 0 -> y (S,C)
 *   y[s] = (1/n_s) sum_{j in s} x[j];   dx[j] += dy[s] / n_s
 * </pre>
 */
final class SegmentMean extends Op {
    private int[] starts;

    private SegmentMean(Tensor x, int[] starts) {
        super(x);
        this.starts = starts;
    }

    static Tensor apply(Tensor x, int[] segmentStarts) {
        Checks.notNull("segmentMean", "x", x);
        if (x.rank() != 2) throw new IllegalArgumentException("segmentMean: x must be 2-D (N,C), got " + Arrays.toString(x.shape()));
        int[] starts = checkSegments("segmentMean", segmentStarts, x.dim(0));
        int c = x.dim(1), segments = starts.length;
        Tensor y = Tensor.zeros(segments, c);
        float[] xd = x.data(), yd = y.data();
        for (int s = 0; s < segments; s++) {
            int from = starts[s], to = end(starts, s, x.dim(0));
            for (int j = from; j < to; j++) Elementwise.axpy(1f, xd, x.offset() + j * c, yd, s * c, c);
            Elementwise.scale(yd, s * c, 1f / (to - from), yd, s * c, c);
        }
        return Op.recording(x) ? y.recordedBy(new SegmentMean(x, starts)) : y;
    }

    /** End (exclusive) of segment s. */
    static int end(int[] starts, int s, int n) {
        return s + 1 < starts.length ? starts[s + 1] : n;
    }

    /**
     * Validates segment starts over n rows (first 0, strictly increasing, last below n) and returns a copy;
     * an empty segment is an error naming it.
     */
    static int[] checkSegments(String op, int[] starts, int n) {
        Checks.notNull(op, "segmentStarts", starts);
        if (starts.length == 0) throw new IllegalArgumentException(op + ": no segments");
        if (starts[0] != 0) throw new IllegalArgumentException(op + ": segmentStarts[0] must be 0, got " + starts[0]);
        for (int s = 0; s < starts.length; s++) {
            if (starts[s] >= n) {
                throw new IllegalArgumentException(op + ": segment " + s + " starts at row " + starts[s]
                        + ", beyond the last of the " + n + " rows (an empty segment)");
            }
            int end = end(starts, s, n);
            if (end <= starts[s]) {
                throw new IllegalArgumentException(op + ": segment " + s + " is empty (starts at row " + starts[s]
                        + ", next segment starts at " + end + ")");
            }
        }
        return starts.clone();
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad(), dx = inputs[0].grad();
        int c = out.dim(1), n = inputs[0].dim(0);
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s], to = end(starts, s, n);
            float w = 1f / (to - from);
            for (int j = from; j < to; j++) Elementwise.axpy(w, dy, s * c, dx, j * c, c);
        }
    }

    @Override
    protected void release() {
        super.release();
        starts = null;
    }
}
