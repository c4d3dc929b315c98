package dev.drex.engine.ops;

import dev.drex.engine.kernels.Parallel;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/** Argument checks with messages naming the op and the tensors, and the one rule for splitting rows across cores. */
final class Checks {
    private Checks() {}

    /**
     * Below this many elements an op runs on the calling thread: handing work to a pool costs tens of
     * microseconds, what a pointwise kernel spends on ~10^5 elements (it runs at about one element a
     * nanosecond, bound by memory). Was 2^15, which split DReX's (128, 192) gate tensors across cores for a
     * loss (see Gemm.PARALLEL_MIN_MACS for the measurements).
     */
    static final int PARALLEL_MIN_ELEMENTS = 1 << 17;

    static void notNull(String op, String what, Object o) {
        if (o == null) throw new IllegalArgumentException(op + ": " + what + " is null");
    }

    static void sameShape(String op, Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(op + ": shapes differ: " + Arrays.toString(a.shape()) + " vs "
                    + Arrays.toString(b.shape()));
        }
    }

    /** Resolves a possibly negative axis against a rank, or throws naming the op and the shape. */
    static int axis(String op, int axis, int[] shape) {
        int r = shape.length;
        int a = axis < 0 ? axis + r : axis;
        if (a < 0 || a >= r) {
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for shape " + Arrays.toString(shape));
        }
        return a;
    }

    /** Product of shape[from..to). */
    static int prod(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= shape[i];
        return p;
    }

    /**
     * Runs {@code body} over rows {@code [0, rows)}, split across cores when the work ({@code rows * rowLength}
     * elements) is large enough to pay for it. Bodies must write disjoint rows.
     */
    static void forRows(int rows, int rowLength, Parallel.RangeBody body) {
        if ((long) rows * rowLength < PARALLEL_MIN_ELEMENTS || rows < 2) body.run(0, rows);
        else Parallel.forRange(rows, body);
    }
}
