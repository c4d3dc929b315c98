package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Elementwise natural logarithm y = ln a (a &gt; 0; ln 0 = -Infinity, negative gives NaN, as IEEE).
 *
 * <pre>
 *   a (...) -> y (...)
 *   da += dy / a
 * </pre>
 */
final class Log extends Op {
    private Log(Tensor a) {
        super(a);
    }

    static Tensor apply(Tensor a) {
        Tensor y = Pointwise.map("log", a, Elementwise::log);
        return Op.recording(a) ? y.recordedBy(new Log(a)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor a = inputs[0];
        float[] dy = out.grad(), da = a.grad(), x = a.data();
        int n = dy.length, xo = a.offset();
        float[] q = new float[n];
        Elementwise.div(dy, 0, x, xo, q, 0, n);
        Elementwise.axpy(1f, q, 0, da, 0, n);
    }
}
