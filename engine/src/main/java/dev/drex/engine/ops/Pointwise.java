package dev.drex.engine.ops;

import dev.drex.engine.tensor.Tensor;

/** Shared forward of the one-input elementwise ops: y = f(a), split across cores when large. */
final class Pointwise {
    private Pointwise() {}

    /** An elementwise kernel out[i] = f(x[i]). */
    @FunctionalInterface
    interface UnaryKernel {
        void run(float[] x, int xOff, float[] out, int outOff, int n);
    }

    /** A new tensor of a's shape holding f(a). */
    static Tensor map(String op, Tensor a, UnaryKernel f) {
        Checks.notNull(op, "input", a);
        Tensor y = Tensor.zeros(a.shape());
        float[] ad = a.data(), yd = y.data();
        int ao = a.offset();
        Checks.forRows(a.size(), 1, (from, to) -> f.run(ad, ao + from, yd, from, to - from));
        return y;
    }
}
