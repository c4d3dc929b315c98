package dev.drex.engine.optim;

import dev.drex.engine.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1) with decoupled weight decay (AdamW, Loshchilov and Hutter 2019),
 * in the form of PyTorch's {@code torch.optim.AdamW} with {@code amsgrad=False}. For each parameter
 * {@code w} with gradient {@code g}, at step {@code t = 1, 2, ...}:
 *
 * <pre>
 *   w  = w - lr * weightDecay * w                   (decoupled decay, before the moment update)
 *   m  = beta1 * m + (1 - beta1) * g
 *   v  = beta2 * v + (1 - beta2) * g^2
 *   w  = w - (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps)
 *   bc1 = 1 - beta1^t,  bc2 = 1 - beta2^t           (both 1 when biasCorrection is off)
 * </pre>
 *
 * which is {@code w -= lr * mHat / (sqrt(vHat) + eps)} with {@code mHat = m/bc1}, {@code vHat = v/bc2}.
 * Hyper-parameters are doubles (as PyTorch's Python floats): {@code 1 - beta2} is formed in double, then
 * rounded to float, so {@code 0.999} gives a float {@code 0.001} and not {@code 1 - 0.999f}. Moments and
 * the loop ({@link AdamKernel}, SIMD) are float; the bias corrections are computed in double once per step.
 * State keys: {@code m.<name>} and {@code v.<name>}.
 */
public final class Adam extends Optimizer {

    /**
     * Hyper-parameters. {@link #defaults(float)}: beta1 0.9, beta2 0.999, eps 1e-8, no weight decay, bias
     * correction on (the DReX spec's and PyTorch's defaults).
     */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean biasCorrection) {
        public Config {
            if (!(lr >= 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("lr must be finite and >= 0, got " + lr);
            if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
            if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
            if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0, got " + eps);
            if (!(weightDecay >= 0)) throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }

        public static Config defaults(double lr) {
            return new Config(lr, 0.9, 0.999, 1e-8, 0, true);
        }

        public Config withWeightDecay(double wd) {
            return new Config(lr, beta1, beta2, eps, wd, biasCorrection);
        }

        public Config withBetas(double b1, double b2) {
            return new Config(lr, b1, b2, eps, weightDecay, biasCorrection);
        }

        public Config withEps(double e) {
            return new Config(lr, beta1, beta2, e, weightDecay, biasCorrection);
        }

        public Config withBiasCorrection(boolean on) {
            return new Config(lr, beta1, beta2, eps, weightDecay, on);
        }
    }

    private final Config config;
    private final float[][] m;
    private final float[][] v;

    public Adam(Map<String, Tensor> namedParams, Config config) {
        super(namedParams, config.lr());
        this.config = config;
        this.m = new float[params.size()][];
        this.v = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new float[params.get(i).size()];
            v[i] = new float[params.get(i).size()];
        }
    }

    /** Adam with the default betas and eps, no weight decay. */
    public Adam(Map<String, Tensor> namedParams, double lr) {
        this(namedParams, Config.defaults(lr));
    }

    /** The configuration this optimizer was built with (the current lr is {@link #learningRate()}). */
    public Config config() {
        return config;
    }

    @Override
    protected void update(int index, float[] w, int off, float[] g, int n) {
        double bc1 = config.biasCorrection() ? 1 - Math.pow(config.beta1(), stepCount) : 1;
        double bc2 = config.biasCorrection() ? 1 - Math.pow(config.beta2(), stepCount) : 1;
        float stepSize = (float) (learningRate / bc1);
        float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
        float decay = (float) (1 - learningRate * config.weightDecay());
        AdamKernel.update(w, off, g, m[index], v[index], n, (float) config.beta1(), (float) (1 - config.beta1()),
                (float) config.beta2(), (float) (1 - config.beta2()), (float) config.eps(), stepSize, invSqrtBc2, decay);
    }

    @Override
    protected Map<String, float[]> buffers() {
        LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) out.put("m." + names.get(i), m[i]);
        for (int i = 0; i < params.size(); i++) out.put("v." + names.get(i), v[i]);
        return out;
    }
}
