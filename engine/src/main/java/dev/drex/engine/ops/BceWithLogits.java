package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.tensor.Tensor;

/**
 * Binary cross-entropy on logits (PyTorch {@code F.binary_cross_entropy_with_logits}, reduction 'mean'),
 * in the stable form that never exponentiates a positive number, accumulated in double:
 *
 * <pre>
 *   logits z (...), target t (same shape) -> L ()
 *   L = (1/n) sum_i max(z_i, 0) - z_i t_i + log(1 + exp(-|z_i|))
 *   dz += dL (sigmoid(z) - t) / n;   dt += -dL z / n
 * </pre>
 */
final class BceWithLogits extends Op {
    private BceWithLogits(Tensor logits, Tensor target) {
        super(logits, target);
    }

    static Tensor apply(Tensor logits, Tensor target) {
        Checks.notNull("bceWithLogits", "logits", logits);
        Checks.notNull("bceWithLogits", "target", target);
        Checks.sameShape("bceWithLogits", logits, target);
        int n = logits.size();
        if (n == 0) throw new IllegalArgumentException("bceWithLogits: empty input");
        float[] z = logits.data(), t = target.data();
        int zo = logits.offset(), to = target.offset();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double zi = z[zo + i];
            s += Math.max(zi, 0) - zi * t[to + i] + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        Tensor y = Tensor.scalar((float) (s / n));
        return Op.recording(logits, target) ? y.recordedBy(new BceWithLogits(logits, target)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor logits = inputs[0], target = inputs[1];
        int n = logits.size(), zo = logits.offset(), to = target.offset();
        float[] z = logits.data(), t = target.data();
        double k = out.grad()[0] / (double) n;
        float[] dz = logits.requiresGrad() ? logits.grad() : null;
        float[] dt = target.requiresGrad() ? target.grad() : null;
        for (int i = 0; i < n; i++) {
            double zi = z[zo + i];
            if (dz != null) {
                double e = Math.exp(-Math.abs(zi)); // sigmoid without overflow
                double sig = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
                dz[i] += (float) (k * (sig - t[to + i]));
            }
            if (dt != null) dt[i] += (float) (-k * zi);
        }
    }
}
