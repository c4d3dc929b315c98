package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Elementwise y = a - b with b broadcast as in {@link Broadcast}.
 *
 * <pre>
 *   a (...), b (...) | (C) | (1,C) | (R,1) | () | (1) -> y (a's shape)
 *   da += dy;   db += -1 * (dy summed over the broadcast dimension)
 * </pre>
 */
final class Sub extends Op {
    private final Broadcast mode;

    private Sub(Tensor a, Tensor b, Broadcast mode) {
        super(a, b);
        this.mode = mode;
    }

    static Tensor apply(Tensor a, Tensor b) {
        Broadcast mode = Broadcast.of("sub", a, b);
        Tensor y = mode.forward(a, b, Elementwise::sub, (x, xo, s, o, oo, n) -> Elementwise.addScalar(x, xo, -s, o, oo, n));
        return Op.recording(a, b) ? y.recordedBy(new Sub(a, b, mode)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor a = inputs[0], b = inputs[1];
        float[] dy = out.grad();
        if (a.requiresGrad()) Elementwise.axpy(1f, dy, 0, a.grad(), 0, dy.length);
        if (b.requiresGrad()) mode.reduceInto(dy, out.rowCount(), out.colCount(), b.grad(), -1f);
    }
}
