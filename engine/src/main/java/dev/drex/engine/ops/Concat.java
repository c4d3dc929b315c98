package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Concatenation along one axis (PyTorch {@code torch.cat}). Viewing each input t as
 * (outer, len_t * inner), the output row o is the inputs' rows o laid end to end.
 *
 * <pre>
 *   t_i (..., L_i, ...) all equal off the axis -> y (..., sum_i L_i, ...)
 *   dt_i = the slice of dy that t_i was copied into
 * </pre>
 */
final class Concat extends Op {
    private final int outer, inner;

    private Concat(Tensor[] ts, int outer, int inner) {
        super(ts);
        this.outer = outer;
        this.inner = inner;
    }

    static Tensor apply(int axis, Tensor... ts) {
        if (ts == null || ts.length == 0) throw new IllegalArgumentException("concat: no tensors");
        for (int i = 0; i < ts.length; i++) Checks.notNull("concat", "tensor " + i, ts[i]);
        int[] first = ts[0].shape();
        int ax = Checks.axis("concat", axis, first);
        int total = 0;
        for (int i = 0; i < ts.length; i++) {
            int[] s = ts[i].shape();
            boolean ok = s.length == first.length;
            for (int d = 0; ok && d < s.length; d++) ok = d == ax || s[d] == first[d];
            if (!ok) {
                throw new IllegalArgumentException("concat along axis " + axis + ": tensor " + i + " " + Arrays.toString(s)
                        + " does not match tensor 0 " + Arrays.toString(first) + " off the axis");
            }
            total += s[ax];
        }
        int outer = Checks.prod(first, 0, ax), inner = Checks.prod(first, ax + 1, first.length);
        int[] outShape = first.clone();
        outShape[ax] = total;
        Tensor y = Tensor.zeros(outShape);
        float[] yd = y.data();
        int rowOut = total * inner;
        for (int o = 0; o < outer; o++) {
            int at = o * rowOut;
            for (Tensor t : ts) {
                int block = t.dim(ax) * inner;
                System.arraycopy(t.data(), t.offset() + o * block, yd, at, block);
                at += block;
            }
        }
        return Op.recording(ts) ? y.recordedBy(new Concat(ts.clone(), outer, inner)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad();
        int rowOut = dy.length / Math.max(outer, 1);
        int at = 0; // offset of the current input's block inside an output row
        for (Tensor t : inputs) {
            int block = t.size() / Math.max(outer, 1);
            if (t.requiresGrad()) {
                float[] dt = t.grad();
                for (int o = 0; o < outer; o++) Elementwise.axpy(1f, dy, o * rowOut + at, dt, o * block, block);
            }
            at += block;
        }
    }
}
