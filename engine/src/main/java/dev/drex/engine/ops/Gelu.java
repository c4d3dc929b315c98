package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Gaussian error linear unit (Hendrycks and Gimpel 2016; PyTorch {@code F.gelu}).
 *
 * <pre>
 *   a (...) -> y (...)
 *   exact:  y = 0.5 a (1 + erf(a / sqrt 2)),                           dy/da = Phi(a) + a phi(a)
 *   tanh:   y = 0.5 a (1 + tanh(sqrt(2/pi) (a + 0.044715 a^3)))        (approximate='tanh')
 * </pre>
 */
final class Gelu extends Op {
    private final boolean tanhForm;

    private Gelu(Tensor a, boolean tanhForm) {
        super(a);
        this.tanhForm = tanhForm;
    }

    static Tensor apply(Tensor a, boolean tanhForm) {
        Tensor y = Pointwise.map("gelu", a, tanhForm ? Elementwise::geluTanh : Elementwise::geluErf);
        return Op.recording(a) ? y.recordedBy(new Gelu(a, tanhForm)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor a = inputs[0];
        float[] dy = out.grad();
        if (tanhForm) Elementwise.geluTanhBackwardAcc(a.data(), a.offset(), dy, 0, a.grad(), 0, dy.length);
        else Elementwise.geluErfBackwardAcc(a.data(), a.offset(), dy, 0, a.grad(), 0, dy.length);
    }
}
