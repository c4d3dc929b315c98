package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Mean squared error (PyTorch {@code F.mse_loss}, reduction 'mean'), accumulated in double.
 *
 * <pre>
 *   pred (...), target (same shape) -> L (),  L = (1/n) sum_i (pred_i - target_i)^2
 *   dpred += (2/n) (pred - target) dL;   dtarget -= the same
 * </pre>
 */
final class MseLoss extends Op {
    private MseLoss(Tensor pred, Tensor target) {
        super(pred, target);
    }

    static Tensor apply(Tensor pred, Tensor target) {
        Checks.notNull("mseLoss", "pred", pred);
        Checks.notNull("mseLoss", "target", target);
        Checks.sameShape("mseLoss", pred, target);
        if (pred.size() == 0) throw new IllegalArgumentException("mseLoss: empty input");
        float[] p = pred.data(), t = target.data();
        int po = pred.offset(), to = target.offset(), n = pred.size();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) p[po + i] - t[to + i];
            s += d * d;
        }
        Tensor y = Tensor.scalar((float) (s / n));
        return Op.recording(pred, target) ? y.recordedBy(new MseLoss(pred, target)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor pred = inputs[0], target = inputs[1];
        int n = pred.size();
        float[] diff = new float[n];
        Elementwise.sub(pred.data(), pred.offset(), target.data(), target.offset(), diff, 0, n);
        float k = 2f * out.grad()[0] / n;
        if (pred.requiresGrad()) Elementwise.axpy(k, diff, 0, pred.grad(), 0, n);
        if (target.requiresGrad()) Elementwise.axpy(-k, diff, 0, target.grad(), 0, n);
    }
}
