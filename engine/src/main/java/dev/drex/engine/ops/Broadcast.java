package dev.drex.engine.ops;

import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * How the second operand b of a binary elementwise op lines up with the first, a. The output always has
 * a's shape; b is either the same shape, a row repeated over a's rows, a column repeated over a 2-D a's
 * columns, or one scalar. Backward reduces b's gradient over the repeated dimension (sum), as PyTorch's
 * broadcasting does.
 *
 * <pre>
 *   SAME    a (...),    b (...)             y[i]    = a[i]    o b[i]
 *   ROW     a (...,C),  b (C) or (1,C)      y[r,c]  = a[r,c]  o b[c]
 *   COLUMN  a (R,C),    b (R,1)             y[r,c]  = a[r,c]  o b[r]
 *   SCALAR  a (...),    b () or (1)         y[i]    = a[i]    o b
 * </pre>
 */
enum Broadcast {
    SAME, ROW, COLUMN, SCALAR;

    /** An elementwise kernel over two arrays: out[i] = a[i] o b[i]. */
    @FunctionalInterface
    interface ArrayKernel {
        void run(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);
    }

    /** An elementwise kernel with a scalar right operand: out[i] = a[i] o s. */
    @FunctionalInterface
    interface ScalarKernel {
        void run(float[] a, int aOff, float s, float[] out, int outOff, int n);
    }

    static Broadcast of(String op, Tensor a, Tensor b) {
        Checks.notNull(op, "a", a);
        Checks.notNull(op, "b", b);
        if (a.sameShape(b)) return SAME;
        if (b.rank() == 0 || (b.rank() == 1 && b.dim(0) == 1)) return SCALAR;
        if (a.rank() >= 1 && (b.rank() == 1 || (b.rank() == 2 && b.dim(0) == 1)) && b.dim(-1) == a.dim(-1)) return ROW;
        if (a.rank() == 2 && b.rank() == 2 && b.dim(1) == 1 && b.dim(0) == a.dim(0)) return COLUMN;
        throw new IllegalArgumentException(op + ": cannot broadcast b " + Arrays.toString(b.shape()) + " against a "
                + Arrays.toString(a.shape()) + " (b must have a's shape, be a row (C)/(1,C), a column (R,1) of a 2-D a, or a scalar)");
    }

    /** y = a o b with this broadcast, into a new tensor of a's shape; large inputs are split across cores. */
    Tensor forward(Tensor a, Tensor b, ArrayKernel arrays, ScalarKernel scalar) {
        Tensor y = Tensor.zeros(a.shape());
        float[] ad = a.data(), bd = b.data(), yd = y.data();
        int ao = a.offset(), bo = b.offset(), n = a.size();
        switch (this) {
            case SAME -> Checks.forRows(n, 1, (from, to) -> arrays.run(ad, ao + from, bd, bo + from, yd, from, to - from));
            case SCALAR -> {
                float s = bd[bo];
                Checks.forRows(n, 1, (from, to) -> scalar.run(ad, ao + from, s, yd, from, to - from));
            }
            case ROW -> {
                int c = a.colCount();
                Checks.forRows(a.rowCount(), c, (from, to) -> {
                    for (int r = from; r < to; r++) arrays.run(ad, ao + r * c, bd, bo, yd, r * c, c);
                });
            }
            case COLUMN -> {
                int c = a.colCount();
                Checks.forRows(a.rowCount(), c, (from, to) -> {
                    for (int r = from; r < to; r++) scalar.run(ad, ao + r * c, bd[bo + r], yd, r * c, c);
                });
            }
        }
        return y;
    }

    /** db += sign * (g reduced to b's shape): the gradient of y = a + sign*b with respect to b. */
    void reduceInto(float[] g, int rows, int cols, float[] db, float sign) {
        switch (this) {
            case SAME -> Elementwise.axpy(sign, g, 0, db, 0, g.length);
            case SCALAR -> db[0] += sign * Reductions.sum(g, 0, g.length);
            case ROW -> {
                if (sign == 1f) {
                    Reductions.sumRowsInto(g, 0, rows, cols, db, 0);
                } else {
                    float[] colSums = new float[cols];
                    Reductions.sumRowsInto(g, 0, rows, cols, colSums, 0);
                    Elementwise.axpy(sign, colSums, 0, db, 0, cols);
                }
            }
            case COLUMN -> {
                for (int r = 0; r < rows; r++) db[r] += sign * Reductions.sum(g, r * cols, cols);
            }
        }
    }
}
