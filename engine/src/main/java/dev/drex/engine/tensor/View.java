package dev.drex.engine.tensor;

import dev.drex.engine.autograd.Op;
import java.util.Arrays;

/**
 * Views without copies: a row range along the first dimension, and reshape. Both share the source's
 * storage; when recorded, backward adds the view's gradient into the matching slice of the source's.
 */
final class View extends Op {
    // src (size S) -> view = src elements [start, start+n) with a new shape
    private final int start;

    private View(Tensor src, int start) {
        super(src);
        this.start = start;
    }

    static Tensor rows(Tensor src, int from, int to) {
        if (src.rank() == 0) throw new IllegalArgumentException("rows() of a scalar");
        int n0 = src.dim(0);
        if (from < 0 || to > n0 || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a tensor with " + n0 + " rows");
        }
        int[] shape = src.shape();
        int rowSize = n0 == 0 ? 0 : src.size() / n0;
        shape[0] = to - from;
        Tensor out = new Tensor(src.data(), src.offset() + from * rowSize, shape);
        return Op.recording(src) ? out.recordedBy(new View(src, from * rowSize)) : out;
    }

    static Tensor reshape(Tensor src, int[] shape) {
        if (Shape.size(shape) != src.size()) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(src.shape()) + " to " + Arrays.toString(shape));
        }
        Tensor out = new Tensor(src.data(), src.offset(), shape);
        return Op.recording(src) ? out.recordedBy(new View(src, 0)) : out;
    }

    @Override
    protected void backward(Tensor out) {
        float[] g = out.grad();
        float[] gs = inputs[0].grad();
        for (int i = 0; i < g.length; i++) gs[start + i] += g[i];
    }
}
