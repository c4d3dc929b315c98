package dev.drex.engine.optim;

import dev.drex.engine.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with optional heavy-ball momentum, as PyTorch's {@code torch.optim.SGD}
 * (dampening 0, no Nesterov, no weight decay). For each parameter {@code w} with gradient {@code g}:
 *
 * <pre>
 *   momentum = 0:  w = w - lr * g
 *   momentum > 0:  buf = momentum * buf + g   (buf starts at 0, so buf = g on the first step)
 *                  w   = w - lr * buf
 * </pre>
 *
 * State keys: {@code momentum.<name>} (none without momentum).
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final float[][] buf;

    public Sgd(Map<String, Tensor> namedParams, double lr, double momentum) {
        super(namedParams, lr);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        this.momentum = momentum;
        this.buf = new float[params.size()][];
        if (momentum > 0) for (int i = 0; i < params.size(); i++) buf[i] = new float[params.get(i).size()];
    }

    /** Plain SGD, no momentum. */
    public Sgd(Map<String, Tensor> namedParams, double lr) {
        this(namedParams, lr, 0);
    }

    public double momentum() {
        return momentum;
    }

    @Override
    protected void update(int index, float[] w, int off, float[] g, int n) {
        float lr = (float) learningRate;
        float mu = (float) momentum;
        if (momentum == 0) {
            for (int i = 0; i < n; i++) w[off + i] -= lr * g[i];
        } else {
            float[] b = buf[index];
            for (int i = 0; i < n; i++) {
                float bi = mu * b[i] + g[i];
                b[i] = bi;
                w[off + i] -= lr * bi;
            }
        }
    }

    @Override
    protected Map<String, float[]> buffers() {
        LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
        if (momentum > 0) for (int i = 0; i < params.size(); i++) out.put("momentum." + names.get(i), buf[i]);
        return out;
    }
}
