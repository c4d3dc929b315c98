package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Elementwise square root y = sqrt(a) (a &gt;= 0).
 *
 * <pre>
 *   a (...) -> y (...)
 *   da += dy / (2 y)
 * </pre>
 */
final class Sqrt extends Op {
    private Sqrt(Tensor a) {
        super(a);
    }

    static Tensor apply(Tensor a) {
        Tensor y = Pointwise.map("sqrt", a, Elementwise::sqrt);
        return Op.recording(a) ? y.recordedBy(new Sqrt(a)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        // reads the output y (offset 0: the forward made it)
        float[] dy = out.grad(), y = out.data(), da = inputs[0].grad();
        int n = dy.length;
        float[] q = new float[n];
        Elementwise.div(dy, 0, y, 0, q, 0, n);
        Elementwise.axpy(0.5f, q, 0, da, 0, n);
    }
}
