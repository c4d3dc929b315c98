package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities (PyTorch {@code F.binary_cross_entropy}, reduction 'mean'),
 * accumulated in double. The probability is clamped to [EPS, 1 - EPS] with EPS = 1e-7 so the logs stay
 * finite (PyTorch instead clamps each log at -100); where the clamp is active the gradient with respect
 * to p is 0, the derivative of the clamp.
 *
 * <pre>
 *   prob (...), target (same shape, usually in [0,1]) -> L (),  q = clamp(p, EPS, 1-EPS)
 *   L = -(1/n) sum_i (t_i log q_i + (1 - t_i) log(1 - q_i))
 *   dp += dL (q - t) / (q (1 - q)) / n  (inside the clamp);   dt += dL (log(1-q) - log q) / n
 * </pre>
 */
final class BceLoss extends Op {
    /** Probability clamp. 1 - 1e-7 rounds to the float 0.99999988. */
    static final float EPS = 1e-7f;

    private BceLoss(Tensor prob, Tensor target) {
        super(prob, target);
    }

    static Tensor apply(Tensor prob, Tensor target) {
        Checks.notNull("bceLoss", "prob", prob);
        Checks.notNull("bceLoss", "target", target);
        Checks.sameShape("bceLoss", prob, target);
        int n = prob.size();
        if (n == 0) throw new IllegalArgumentException("bceLoss: empty input");
        float[] p = prob.data(), t = target.data();
        int po = prob.offset(), to = target.offset();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = clamp(p[po + i]), ti = t[to + i];
            s -= ti * Math.log(q) + (1 - ti) * Math.log(1 - q);
        }
        Tensor y = Tensor.scalar((float) (s / n));
        return Op.recording(prob, target) ? y.recordedBy(new BceLoss(prob, target)) : y;
    }

    private static float clamp(float p) {
        return Math.min(Math.max(p, EPS), 1f - EPS);
    }

    @Override
    protected void backward(Tensor out) {
        Tensor prob = inputs[0], target = inputs[1];
        int n = prob.size(), po = prob.offset(), to = target.offset();
        float[] p = prob.data(), t = target.data();
        double k = out.grad()[0] / (double) n;
        float[] dp = prob.requiresGrad() ? prob.grad() : null;
        float[] dt = target.requiresGrad() ? target.grad() : null;
        for (int i = 0; i < n; i++) {
            float pi = p[po + i];
            double q = clamp(pi), ti = t[to + i];
            if (dp != null && pi == q) dp[i] += (float) (k * (q - ti) / (q * (1 - q)));
            if (dt != null) dt[i] += (float) (k * (Math.log(1 - q) - Math.log(q)));
        }
    }
}
