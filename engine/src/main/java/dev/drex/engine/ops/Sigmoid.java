package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Logistic sigmoid y = 1 / (1 + e^-a).
 *
 * <pre>
 *   a (...) -> y (...)
 *   da += dy * y (1 - y)
 * </pre>
 */
final class Sigmoid extends Op {
    private Sigmoid(Tensor a) {
        super(a);
    }

    static Tensor apply(Tensor a) {
        Tensor y = Pointwise.map("sigmoid", a, Elementwise::sigmoid);
        return Op.recording(a) ? y.recordedBy(new Sigmoid(a)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        // reads the output y (offset 0: the forward made it)
        float[] dy = out.grad(), y = out.data(), da = inputs[0].grad();
        int n = dy.length;
        // slope = y - y*y
        float[] slope = new float[n];
        Elementwise.mul(y, 0, y, 0, slope, 0, n);
        Elementwise.sub(y, 0, slope, 0, slope, 0, n);
        Elementwise.mulAcc(dy, 0, slope, 0, da, 0, n);
    }
}
