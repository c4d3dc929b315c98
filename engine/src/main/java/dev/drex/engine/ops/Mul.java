package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.tensor.Tensor;

/**
 * Elementwise (Hadamard) product y = a * b with b broadcast as in {@link Broadcast}.
 *
 * <pre>
 *   a (...), b (...) | (C) | (1,C) | (R,1) | () | (1) -> y (a's shape)
 *   da += dy * b (b broadcast);   db += sum over the broadcast dimension of dy * a
 * </pre>
 */
final class Mul extends Op {
    private final Broadcast mode;

    private Mul(Tensor a, Tensor b, Broadcast mode) {
        super(a, b);
        this.mode = mode;
    }

    static Tensor apply(Tensor a, Tensor b) {
        Broadcast mode = Broadcast.of("mul", a, b);
        Tensor y = mode.forward(a, b, Elementwise::mul, Elementwise::scale);
        return Op.recording(a, b) ? y.recordedBy(new Mul(a, b, mode)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor a = inputs[0], b = inputs[1];
        float[] dy = out.grad();
        float[] ad = a.data(), bd = b.data();
        int ao = a.offset(), bo = b.offset(), n = dy.length, rows = out.rowCount(), cols = out.colCount();
        if (a.requiresGrad()) {
            float[] da = a.grad();
            switch (mode) {
                case SAME -> Elementwise.mulAcc(dy, 0, bd, bo, da, 0, n);
                case SCALAR -> Elementwise.axpy(bd[bo], dy, 0, da, 0, n);
                case ROW -> { for (int r = 0; r < rows; r++) Elementwise.mulAcc(dy, r * cols, bd, bo, da, r * cols, cols); }
                case COLUMN -> { for (int r = 0; r < rows; r++) Elementwise.axpy(bd[bo + r], dy, r * cols, da, r * cols, cols); }
            }
        }
        if (b.requiresGrad()) {
            float[] db = b.grad();
            switch (mode) {
                case SAME -> Elementwise.mulAcc(dy, 0, ad, ao, db, 0, n);
                case SCALAR -> db[0] += Reductions.dot(dy, 0, ad, ao, n);
                case ROW -> { for (int r = 0; r < rows; r++) Elementwise.mulAcc(dy, r * cols, ad, ao + r * cols, db, 0, cols); }
                case COLUMN -> { for (int r = 0; r < rows; r++) db[r] += Reductions.dot(dy, r * cols, ad, ao + r * cols, cols); }
            }
        }
    }
}
