package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * y = s * a for a constant s (neg is s = -1).
 *
 * <pre>
 *   a (...) -> y (...);   da += s * dy
 * </pre>
 */
final class Scale extends Op {
    private final float s;

    private Scale(Tensor a, float s) {
        super(a);
        this.s = s;
    }

    static Tensor apply(Tensor a, float s) {
        Tensor y = Pointwise.map("scale", a, (x, xo, out, oo, n) -> Elementwise.scale(x, xo, s, out, oo, n));
        return Op.recording(a) ? y.recordedBy(new Scale(a, s)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad();
        Elementwise.axpy(s, dy, 0, inputs[0].grad(), 0, dy.length);
    }
}
