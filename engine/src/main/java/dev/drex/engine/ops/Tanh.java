package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Hyperbolic tangent y = tanh a.
 *
 * <pre>
 *   a (...) -> y (...)
 *   da += dy * (1 - y^2)
 * </pre>
 */
final class Tanh extends Op {
    private Tanh(Tensor a) {
        super(a);
    }

    static Tensor apply(Tensor a) {
        Tensor y = Pointwise.map("tanh", a, Elementwise::tanh);
        return Op.recording(a) ? y.recordedBy(new Tanh(a)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        // reads the output y (offset 0: the forward made it)
        float[] dy = out.grad(), y = out.data(), da = inputs[0].grad();
        int n = dy.length;
        // slope = 1 - y*y
        float[] slope = new float[n];
        Elementwise.mul(y, 0, y, 0, slope, 0, n);
        Elementwise.scale(slope, 0, -1f, slope, 0, n);
        Elementwise.addScalar(slope, 0, 1f, slope, 0, n);
        Elementwise.mulAcc(dy, 0, slope, 0, da, 0, n);
    }
}
