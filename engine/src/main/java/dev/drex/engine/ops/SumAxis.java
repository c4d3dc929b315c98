package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.tensor.Tensor;

/**
 * Scaled sum along one axis, y = factor * sum_k a[.., k, ..]: the sum (factor 1) and the mean
 * (factor 1/len). Viewing a as (outer, len, inner) with len the axis dimension:
 *
 * <pre>
 *   a (outer, len, inner) -> y (outer, inner), or (outer, 1, inner) with keepDim
 *   y[o,i] = factor * sum_k a[o,k,i];   da[o,k,i] += factor * dy[o,i]
 * </pre>
 */
final class SumAxis extends Op {
    private final float factor;
    private final int outer, len, inner;

    private SumAxis(Tensor a, float factor, int outer, int len, int inner) {
        super(a);
        this.factor = factor;
        this.outer = outer;
        this.len = len;
        this.inner = inner;
    }

    static Tensor sum(Tensor a, int axis, boolean keepDim) {
        return apply("sum", a, axis, keepDim, false);
    }

    static Tensor mean(Tensor a, int axis, boolean keepDim) {
        return apply("mean", a, axis, keepDim, true);
    }

    private static Tensor apply(String op, Tensor a, int axis, boolean keepDim, boolean mean) {
        Checks.notNull(op, "input", a);
        int[] shape = a.shape();
        int ax = Checks.axis(op, axis, shape);
        int outer = Checks.prod(shape, 0, ax), len = shape[ax], inner = Checks.prod(shape, ax + 1, shape.length);
        if (mean && len == 0) throw new IllegalArgumentException(op + ": axis " + axis + " of shape " + java.util.Arrays.toString(shape) + " is empty");
        float factor = mean ? (float) (1.0 / len) : 1f;
        int[] outShape;
        if (keepDim) {
            outShape = shape.clone();
            outShape[ax] = 1;
        } else {
            outShape = new int[shape.length - 1];
            for (int i = 0, j = 0; i < shape.length; i++) if (i != ax) outShape[j++] = shape[i];
        }
        Tensor y = Tensor.zeros(outShape);
        float[] ad = a.data(), yd = y.data();
        int ao = a.offset();
        if (inner == 1) {
            for (int o = 0; o < outer; o++) yd[o] = factor * Reductions.sum(ad, ao + o * len, len);
        } else {
            for (int o = 0; o < outer; o++) {
                // y[o,:] = sum_k a[o,k,:], accumulated row by row, then scaled
                for (int k = 0; k < len; k++) Elementwise.axpy(1f, ad, ao + (o * len + k) * inner, yd, o * inner, inner);
            }
            if (factor != 1f) Elementwise.scale(yd, 0, factor, yd, 0, yd.length);
        }
        return Op.recording(a) ? y.recordedBy(new SumAxis(a, factor, outer, len, inner)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad(), da = inputs[0].grad();
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < len; k++) {
                if (inner == 1) da[o * len + k] += factor * dy[o];
                else Elementwise.axpy(factor, dy, o * inner, da, (o * len + k) * inner, inner);
            }
        }
    }
}
