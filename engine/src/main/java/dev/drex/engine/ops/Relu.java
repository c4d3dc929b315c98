package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;

/**
 * Rectified linear unit y = max(a, 0); the derivative at a = 0 is taken as 0 (PyTorch's choice).
 *
 * <pre>
 *   a (...) -> y (...)
 *   da += dy where a &gt; 0
 * </pre>
 */
final class Relu extends Op {
    private Relu(Tensor a) {
        super(a);
    }

    static Tensor apply(Tensor a) {
        Tensor y = Pointwise.map("relu", a, Elementwise::relu);
        return Op.recording(a) ? y.recordedBy(new Relu(a)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor a = inputs[0];
        float[] dy = out.grad(), da = a.grad(), x = a.data();
        int n = dy.length, xo = a.offset();
        for (int i = 0; i < n; i++) if (x[xo + i] > 0f) da[i] += dy[i];
    }
}
