package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout (Srivastava et al. 2014; PyTorch {@code F.dropout}): each element is kept with
 * probability 1 - p and scaled by 1/(1-p), so the expectation is unchanged and evaluation is the identity.
 * The keep/drop draws come from the caller's generator, one {@code nextFloat()} per element in row-major
 * order: a seeded generator gives a reproducible mask.
 *
 * <pre>
 *   x (...) -> y (...),  y = x * m,  m[i] = (u_i >= p) / (1 - p);   dx += dy * m
 * </pre>
 */
final class Dropout extends Op {
    private float[] mask; // 0 or 1/(1-p) per element

    private Dropout(Tensor x, float[] mask) {
        super(x);
        this.mask = mask;
    }

    /** Identity (the same tensor) when not training or p == 0. */
    static Tensor apply(Tensor x, float p, RandomGenerator rng, boolean training) {
        Checks.notNull("dropout", "x", x);
        if (!(p >= 0f && p < 1f)) throw new IllegalArgumentException("dropout: p must be in [0, 1), got " + p);
        if (!training || p == 0f) return x;
        Checks.notNull("dropout", "rng", rng);
        int n = x.size();
        float keepScale = 1f / (1f - p);
        float[] mask = new float[n];
        for (int i = 0; i < n; i++) mask[i] = rng.nextFloat() >= p ? keepScale : 0f;
        Tensor y = Tensor.zeros(x.shape());
        Elementwise.mul(x.data(), x.offset(), mask, 0, y.data(), 0, n);
        return Op.recording(x) ? y.recordedBy(new Dropout(x, mask)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad();
        Elementwise.mulAcc(dy, 0, mask, 0, inputs[0].grad(), 0, dy.length);
    }

    @Override
    protected void release() {
        super.release();
        mask = null;
    }
}
