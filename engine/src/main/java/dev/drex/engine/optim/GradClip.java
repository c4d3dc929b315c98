package dev.drex.engine.optim;

import dev.drex.engine.tensor.Tensor;
import java.util.Collection;
import java.util.Map;

/**
 * Gradient clipping by global norm (Pascanu et al. 2013; PyTorch {@code clip_grad_norm_}).
 *
 * <p>The global norm is {@code ||g|| = sqrt(sum over all parameters and elements of g^2)}, accumulated in
 * double. When {@code ||g|| > maxNorm}, every gradient is multiplied by {@code maxNorm / ||g||}, so the
 * new global norm is exactly {@code maxNorm} (up to float rounding); otherwise nothing changes. Parameters
 * without a gradient buffer are skipped.
 */
public final class GradClip {
    private GradClip() {}

    /** The global L2 norm of the gradients, in double (0 when no gradient is allocated). */
    public static double globalNorm(Collection<Tensor> params) {
        double sumSq = 0;
        for (Tensor p : params) {
            float[] g = p.gradOrNull();
            if (g == null) continue;
            for (int i = 0; i < p.size(); i++) sumSq += (double) g[i] * g[i];
        }
        return Math.sqrt(sumSq);
    }

    /**
     * Scales all gradients so that their global norm is at most {@code maxNorm}.
     *
     * @return the global norm BEFORE clipping. When it is NaN or infinite the gradients are left untouched
     *     (scaling would hide the problem); check with {@link FiniteCheck#requireFiniteGradients}.
     */
    public static double clipByGlobalNorm(Collection<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be finite and > 0, got " + maxNorm);
        }
        double norm = globalNorm(params);
        if (norm > maxNorm && !Double.isInfinite(norm)) {
            float scale = (float) (maxNorm / norm);
            for (Tensor p : params) {
                float[] g = p.gradOrNull();
                if (g == null) continue;
                for (int i = 0; i < p.size(); i++) g[i] *= scale;
            }
        }
        return norm;
    }

    /** {@link #clipByGlobalNorm(Collection, double)} over a module's named parameters. */
    public static double clipByGlobalNorm(Map<String, Tensor> namedParams, double maxNorm) {
        return clipByGlobalNorm(namedParams.values(), maxNorm);
    }
}
