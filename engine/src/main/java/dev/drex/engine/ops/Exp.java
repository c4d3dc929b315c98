package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Elementwise exponential y = e^a.
 *
 * <pre>
 *   a (...) -> y (...)
 *   da += dy * y
 * </pre>
 */
final class Exp extends Op {
    private Exp(Tensor a) {
        super(a);
    }

    static Tensor apply(Tensor a) {
        Tensor y = Pointwise.map("exp", a, Elementwise::exp);
        return Op.recording(a) ? y.recordedBy(new Exp(a)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        // reads the output y (offset 0: the forward made it)
        float[] dy = out.grad(), y = out.data(), da = inputs[0].grad();
        int n = dy.length;
        Elementwise.mulAcc(dy, 0, y, 0, da, 0, n);
    }
}
