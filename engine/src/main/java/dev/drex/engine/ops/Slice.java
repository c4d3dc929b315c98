package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * The range [from, to) of one axis, copied (PyTorch {@code t.narrow}); {@code split} is a list of
 * consecutive slices. Viewing a as (outer, len, inner):
 *
 * <pre>
 *   a (outer, len, inner) -> y (outer, to - from, inner),  y[o,k,i] = a[o, from + k, i]
 *   da[o, from + k, i] += dy[o,k,i]
 * </pre>
 */
final class Slice extends Op {
    private final int outer, len, inner, from, width;

    private Slice(Tensor a, int outer, int len, int inner, int from, int width) {
        super(a);
        this.outer = outer;
        this.len = len;
        this.inner = inner;
        this.from = from;
        this.width = width;
    }

    static Tensor apply(Tensor a, int axis, int from, int to) {
        Checks.notNull("slice", "input", a);
        int[] shape = a.shape();
        int ax = Checks.axis("slice", axis, shape);
        if (from < 0 || to > shape[ax] || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of axis " + axis + " of " + Arrays.toString(shape));
        }
        int outer = Checks.prod(shape, 0, ax), len = shape[ax], inner = Checks.prod(shape, ax + 1, shape.length);
        int width = to - from;
        int[] outShape = shape.clone();
        outShape[ax] = width;
        Tensor y = Tensor.zeros(outShape);
        float[] ad = a.data(), yd = y.data();
        for (int o = 0; o < outer; o++) {
            System.arraycopy(ad, a.offset() + (o * len + from) * inner, yd, o * width * inner, width * inner);
        }
        return Op.recording(a) ? y.recordedBy(new Slice(a, outer, len, inner, from, width)) : y;
    }

    /** Consecutive slices of the given sizes, which must add up to the axis dimension. */
    static Tensor[] split(Tensor a, int axis, int... sizes) {
        Checks.notNull("split", "input", a);
        int ax = Checks.axis("split", axis, a.shape());
        if (sizes == null || sizes.length == 0) throw new IllegalArgumentException("split: no sizes");
        long total = 0;
        for (int s : sizes) {
            if (s < 0) throw new IllegalArgumentException("split: negative size in " + Arrays.toString(sizes));
            total += s;
        }
        if (total != a.dim(ax)) {
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " add up to " + total
                    + ", not to axis " + axis + " of " + Arrays.toString(a.shape()));
        }
        Tensor[] parts = new Tensor[sizes.length];
        int at = 0;
        for (int i = 0; i < sizes.length; i++) {
            parts[i] = apply(a, ax, at, at + sizes[i]);
            at += sizes[i];
        }
        return parts;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad(), da = inputs[0].grad();
        int block = width * inner;
        for (int o = 0; o < outer; o++) Elementwise.axpy(1f, dy, o * block, da, (o * len + from) * inner, block);
    }
}
