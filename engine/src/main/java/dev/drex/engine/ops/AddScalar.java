package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * y = a + s for a constant s.
 *
 * <pre>
 *   a (...) -> y (...);   da += dy
 * </pre>
 */
final class AddScalar extends Op {
    private AddScalar(Tensor a) {
        super(a);
    }

    static Tensor apply(Tensor a, float s) {
        Tensor y = Pointwise.map("addScalar", a, (x, xo, out, oo, n) -> Elementwise.addScalar(x, xo, s, out, oo, n));
        return Op.recording(a) ? y.recordedBy(new AddScalar(a)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad();
        Elementwise.axpy(1f, dy, 0, inputs[0].grad(), 0, dy.length);
    }
}
