package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.tensor.Tensor;

/**
 * Elementwise quotient y = a / b with b broadcast as in {@link Broadcast}. A scalar or column divisor is
 * applied as a multiplication by its reciprocal (at most one extra rounding).
 *
 * <pre>
 *   a (...), b (...) | (C) | (1,C) | (R,1) | () | (1) -> y (a's shape)
 *   da += dy / b;   db += sum over the broadcast dimension of -dy * a / b^2 = -(dy / b) * y
 * </pre>
 */
final class Div extends Op {
    private final Broadcast mode;

    private Div(Tensor a, Tensor b, Broadcast mode) {
        super(a, b);
        this.mode = mode;
    }

    static Tensor apply(Tensor a, Tensor b) {
        Broadcast mode = Broadcast.of("div", a, b);
        Tensor y = mode.forward(a, b, Elementwise::div, (x, xo, s, o, oo, n) -> Elementwise.scale(x, xo, 1f / s, o, oo, n));
        return Op.recording(a, b) ? y.recordedBy(new Div(a, b, mode)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor a = inputs[0], b = inputs[1];
        float[] dy = out.grad(), y = out.data();
        float[] bd = b.data();
        int bo = b.offset(), n = dy.length, rows = out.rowCount(), cols = out.colCount();
        int yo = out.offset();
        // q = dy / b (broadcast), then da += q and db += reduce(-q * y)
        float[] q = new float[n];
        switch (mode) {
            case SAME -> Elementwise.div(dy, 0, bd, bo, q, 0, n);
            case SCALAR -> Elementwise.scale(dy, 0, 1f / bd[bo], q, 0, n);
            case ROW -> { for (int r = 0; r < rows; r++) Elementwise.div(dy, r * cols, bd, bo, q, r * cols, cols); }
            case COLUMN -> { for (int r = 0; r < rows; r++) Elementwise.scale(dy, r * cols, 1f / bd[bo + r], q, r * cols, cols); }
        }
        if (a.requiresGrad()) Elementwise.axpy(1f, q, 0, a.grad(), 0, n);
        if (b.requiresGrad()) {
            float[] db = b.grad();
            Elementwise.scale(q, 0, -1f, q, 0, n);
            switch (mode) {
                case SAME -> Elementwise.mulAcc(q, 0, y, yo, db, 0, n);
                case SCALAR -> db[0] += Reductions.dot(q, 0, y, yo, n);
                case ROW -> { for (int r = 0; r < rows; r++) Elementwise.mulAcc(q, r * cols, y, yo + r * cols, db, 0, cols); }
                case COLUMN -> { for (int r = 0; r < rows; r++) db[r] += Reductions.dot(q, r * cols, y, yo + r * cols, cols); }
            }
        }
    }
}
