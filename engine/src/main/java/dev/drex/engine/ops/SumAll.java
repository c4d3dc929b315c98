package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.tensor.Tensor;

/**
 * Scaled total y = factor * sum_i a[i]: the sum (factor 1) and the mean (factor 1/size).
 *
 * <pre>
 *   a (...) -> y ()   (a scalar);   da[i] += factor * dy
 * </pre>
 */
final class SumAll extends Op {
    private final float factor;

    private SumAll(Tensor a, float factor) {
        super(a);
        this.factor = factor;
    }

    static Tensor sum(Tensor a) {
        return apply(a, 1f);
    }

    static Tensor mean(Tensor a) {
        Checks.notNull("mean", "input", a);
        if (a.size() == 0) throw new IllegalArgumentException("mean: empty tensor " + java.util.Arrays.toString(a.shape()));
        return apply(a, (float) (1.0 / a.size()));
    }

    private static Tensor apply(Tensor a, float factor) {
        Checks.notNull("sum", "input", a);
        Tensor y = Tensor.scalar(factor * Reductions.sum(a.data(), a.offset(), a.size()));
        return Op.recording(a) ? y.recordedBy(new SumAll(a, factor)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float g = factor * out.grad()[0];
        float[] da = inputs[0].grad();
        Elementwise.addScalar(da, 0, g, da, 0, da.length);
    }
}
