package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Elementwise square y = a^2.
 *
 * <pre>
 *   a (...) -> y (...)
 *   da += 2 a dy
 * </pre>
 */
final class Square extends Op {
    private Square(Tensor a) {
        super(a);
    }

    static Tensor apply(Tensor a) {
        Tensor y = Pointwise.map("square", a, (x, xo, o, oo, n) -> Elementwise.mul(x, xo, x, xo, o, oo, n));
        return Op.recording(a) ? y.recordedBy(new Square(a)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor a = inputs[0];
        float[] dy = out.grad(), da = a.grad(), x = a.data();
        int n = dy.length, xo = a.offset();
        float[] q = new float[n];
        Elementwise.mul(dy, 0, x, xo, q, 0, n);
        Elementwise.axpy(2f, q, 0, da, 0, n);
    }
}
