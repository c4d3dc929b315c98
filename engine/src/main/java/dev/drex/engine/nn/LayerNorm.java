package dev.drex.engine.nn;

import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Tensor;

/**
 * Layer normalization over the last axis (Ba et al. 2016; PyTorch {@code nn.LayerNorm}):
 * {@code y = (x - mean) / sqrt(var + eps) * gamma + beta}, biased variance.
 *
 * <pre>  x (..., dim), gamma (dim), beta (dim) -> y (..., dim)</pre>
 *
 * gamma starts at 1, beta at 0. Parameters: {@code gamma}, {@code beta} (Hugging Face BERT checkpoints
 * call them {@code weight}/{@code bias}; a loader maps the names).
 */
public final class LayerNorm extends Module {
    private final int dim;
    private final float eps;
    private final Tensor gamma;
    private final Tensor beta;

    public LayerNorm(int dim, float eps) {
        if (dim < 1) throw new IllegalArgumentException("LayerNorm(" + dim + "): dim must be >= 1");
        if (!(eps > 0)) throw new IllegalArgumentException("LayerNorm eps must be > 0, got " + eps);
        this.dim = dim;
        this.eps = eps;
        this.gamma = parameter("gamma", Tensor.full(1f, dim));
        this.beta = parameter("beta", Tensor.zeros(dim));
    }

    /** {@code x (..., dim) -> (..., dim)}. */
    public Tensor forward(Tensor x) {
        if (x.rank() < 1 || x.dim(-1) != dim) {
            throw new IllegalArgumentException("LayerNorm(" + dim + ") got input of shape " + java.util.Arrays.toString(x.shape()));
        }
        return F.layerNorm(x, gamma, beta, eps);
    }

    public Tensor gamma() {
        return gamma;
    }

    public Tensor beta() {
        return beta;
    }

    public float eps() {
        return eps;
    }
}
