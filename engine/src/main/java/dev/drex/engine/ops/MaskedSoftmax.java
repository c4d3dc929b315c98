package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Softmax;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Softmax over the last axis, max-subtracted (Goodfellow et al., Deep Learning, sec. 4.1), with an
 * optional mask: excluded entries (mask false) get probability exactly 0 and no gradient; a fully masked
 * row is all zeros.
 *
 * <pre>
 *   a (...,C), mask null | (size of a) | (C, repeated for every row) -> y (...,C)
 *   y[j] = exp(a[j] - max) / sum_kept exp(a[k] - max);   da[j] += y[j] (dy[j] - sum_k dy[k] y[k])
 * </pre>
 */
final class MaskedSoftmax extends Op {
    private MaskedSoftmax(Tensor a) {
        super(a);
    }

    static Tensor apply(Tensor a, boolean[] mask) {
        int cols = checkMask("softmax", a, mask);
        boolean perElement = mask != null && mask.length != cols;
        Tensor y = Tensor.zeros(a.shape());
        float[] ad = a.data(), yd = y.data();
        int ao = a.offset();
        Checks.forRows(a.rowCount(), cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                Softmax.softmax(ad, ao + r * cols, yd, r * cols, cols, mask, perElement ? r * cols : 0);
            }
        });
        return Op.recording(a) ? y.recordedBy(new MaskedSoftmax(a)) : y;
    }

    /** Checks a and the mask length; returns the row length C. */
    static int checkMask(String op, Tensor a, boolean[] mask) {
        Checks.notNull(op, "input", a);
        if (a.rank() == 0) throw new IllegalArgumentException(op + ": input is a scalar; need at least one axis");
        int cols = a.colCount();
        if (mask != null && mask.length != a.size() && mask.length != cols) {
            throw new IllegalArgumentException(op + ": mask of length " + mask.length + " for input " + Arrays.toString(a.shape())
                    + " (need " + a.size() + " = one per element, or " + cols + " = one per column, shared by rows)");
        }
        return cols;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad(), y = out.data(), da = inputs[0].grad();
        int cols = out.colCount();
        Checks.forRows(out.rowCount(), cols, (from, to) -> {
            for (int r = from; r < to; r++) Softmax.softmaxBackwardAcc(y, r * cols, dy, r * cols, da, r * cols, cols);
        });
    }
}
