package dev.drex.engine.nn;

import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = x W^T + b} (PyTorch {@code nn.Linear}).
 *
 * <pre>  x (..., in), weight (out, in), bias (out) -> y (..., out)</pre>
 *
 * Initialization as the DReX spec asks: weight Xavier-uniform {@code U(-a, a), a = sqrt(6 / (in + out))},
 * bias zeros. Parameters: {@code weight}, {@code bias} (absent when built without bias).
 */
public final class Linear extends Module {
    private final int in;
    private final int out;
    private final Tensor weight;
    private final Tensor bias;

    public Linear(int in, int out, boolean bias, RandomGenerator rng) {
        if (in < 1 || out < 1) throw new IllegalArgumentException("Linear(" + in + ", " + out + "): sizes must be >= 1");
        this.in = in;
        this.out = out;
        this.weight = parameter("weight", Init.xavierUniform(rng, out, in));
        this.bias = bias ? parameter("bias", Tensor.zeros(out)) : null;
    }

    /** {@code x (..., in) -> (..., out)}. */
    public Tensor forward(Tensor x) {
        if (x.rank() < 1 || x.dim(-1) != in) {
            throw new IllegalArgumentException("Linear(" + in + " -> " + out + ") got input of shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        return F.linear(x, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null when built without one. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }
}
