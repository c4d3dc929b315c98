package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Max-over-time pooling of padded sequences (Collobert et al. 2011; Kim 2014): per sequence and feature,
 * the largest value over the sequence's first lengths[n] positions; padded positions never win.
 *
 * <pre>
 *   x (N,T,F), lengths (N) in [1,T] (null: all T) -> y (N,F)
 *   y[n,f] = max_{t &lt; L_n} x[n,t,f];   dx[n, t*, f] += dy[n,f]  with t* the first argmax
 * </pre>
 */
final class MaxOverTime extends Op {
    private int[] argmax; // (N F) time index of each maximum
    private final int t, features;

    private MaxOverTime(Tensor x, int[] argmax) {
        super(x);
        this.argmax = argmax;
        this.t = x.dim(1);
        this.features = x.dim(2);
    }

    static Tensor apply(Tensor x, int[] lengths) {
        Checks.notNull("maxOverTime", "x", x);
        if (x.rank() != 3) throw new IllegalArgumentException("maxOverTime: x must be 3-D (N,T,F), got " + Arrays.toString(x.shape()));
        int n = x.dim(0), t = x.dim(1), f = x.dim(2);
        if (lengths != null && lengths.length != n) {
            throw new IllegalArgumentException("maxOverTime: " + lengths.length + " lengths for " + n + " sequences");
        }
        float[] xd = x.data();
        int off = x.offset();
        Tensor y = Tensor.zeros(n, f);
        float[] yd = y.data();
        int[] argmax = new int[n * f];
        for (int s = 0; s < n; s++) {
            int len = lengths == null ? t : lengths[s];
            if (len < 1 || len > t) {
                throw new IllegalArgumentException("maxOverTime: sequence " + s + " has length " + len + ", outside [1, " + t + "]");
            }
            int base = off + s * t * f;
            System.arraycopy(xd, base, yd, s * f, f); // position 0 starts every maximum
            for (int p = 1; p < len; p++) {
                int row = base + p * f;
                for (int j = 0; j < f; j++) {
                    if (xd[row + j] > yd[s * f + j]) { // strict: ties keep the first position
                        yd[s * f + j] = xd[row + j];
                        argmax[s * f + j] = p;
                    }
                }
            }
        }
        return Op.recording(x) ? y.recordedBy(new MaxOverTime(x, argmax)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad(), dx = inputs[0].grad();
        for (int i = 0; i < argmax.length; i++) {
            int s = i / features, j = i % features;
            dx[(s * t + argmax[i]) * features + j] += dy[i];
        }
    }

    @Override
    protected void release() {
        super.release();
        argmax = null;
    }
}
