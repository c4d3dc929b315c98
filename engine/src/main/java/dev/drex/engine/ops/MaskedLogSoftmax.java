package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Softmax;
import dev.drex.engine.tensor.Tensor;

/**
 * Log-softmax over the last axis, max-subtracted, with an optional mask: excluded entries (mask false)
 * get log-probability -Infinity and no gradient; a fully masked row is all -Infinity (the log of the
 * all-zero row {@link MaskedSoftmax} gives) with zero gradient.
 *
 * <pre>
 *   a (...,C), mask null | (size of a) | (C, repeated for every row) -> y (...,C)
 *   y[j] = a[j] - max - log sum_kept exp(a[k] - max);   da[j] += dy[j] - exp(y[j]) sum_kept dy[k]   (kept j)
 * </pre>
 */
final class MaskedLogSoftmax extends Op {
    private boolean[] mask;

    private MaskedLogSoftmax(Tensor a, boolean[] mask) {
        super(a);
        this.mask = mask;
    }

    static Tensor apply(Tensor a, boolean[] mask) {
        int cols = MaskedSoftmax.checkMask("logSoftmax", a, mask);
        Tensor y = Tensor.zeros(a.shape());
        float[] ad = a.data(), yd = y.data();
        int ao = a.offset();
        boolean perElement = mask != null && mask.length != cols;
        Checks.forRows(a.rowCount(), cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                Softmax.logSoftmax(ad, ao + r * cols, yd, r * cols, cols, mask, perElement ? r * cols : 0);
            }
        });
        // the mask is copied: a caller reusing its array after the forward must not change the backward
        return Op.recording(a) ? y.recordedBy(new MaskedLogSoftmax(a, mask == null ? null : mask.clone())) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad(), y = out.data(), da = inputs[0].grad();
        int cols = out.colCount();
        boolean perElement = mask != null && mask.length != cols;
        Checks.forRows(out.rowCount(), cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                Softmax.logSoftmaxBackwardAcc(y, r * cols, dy, r * cols, da, r * cols, cols, mask, perElement ? r * cols : 0);
            }
        });
    }

    @Override
    protected void release() {
        super.release();
        mask = null;
    }
}
