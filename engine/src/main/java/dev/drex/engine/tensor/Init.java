package dev.drex.engine.tensor;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Seeded initializers. Every random draw in the engine comes from a {@link RandomGenerator} made by
 * {@link #rng(long)}, so the same seed gives the same numbers on every machine and JDK.
 */
public final class Init {
    private Init() {}

    /** A seeded generator (L64X128MixRandom: splittable, reproducible, good quality). */
    public static RandomGenerator rng(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    public static Tensor zeros(int... shape) {
        return Tensor.zeros(shape);
    }

    /** N(mean, std^2) entries. */
    public static Tensor normal(RandomGenerator rng, float mean, float std, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (mean + std * rng.nextGaussian());
        return t;
    }

    /** U(-a, a) entries. */
    public static Tensor uniform(RandomGenerator rng, float a, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) ((rng.nextDouble() * 2 - 1) * a);
        return t;
    }

    /**
     * Xavier/Glorot uniform for a weight of shape (out, in): U(-a, a), a = sqrt(6 / (in + out))
     * (Glorot and Bengio 2010, eq. 16; PyTorch {@code xavier_uniform_}).
     */
    public static Tensor xavierUniform(RandomGenerator rng, int out, int in) {
        return uniform(rng, (float) Math.sqrt(6.0 / (in + out)), out, in);
    }

    /** Xavier/Glorot normal for (out, in): N(0, 2 / (in + out)). */
    public static Tensor xavierNormal(RandomGenerator rng, int out, int in) {
        return normal(rng, 0f, (float) Math.sqrt(2.0 / (in + out)), out, in);
    }

    /** Kaiming/He uniform for ReLU layers, (out, in): U(-a, a), a = sqrt(6 / in) (He et al. 2015). */
    public static Tensor kaimingUniform(RandomGenerator rng, int out, int in) {
        return uniform(rng, (float) Math.sqrt(6.0 / in), out, in);
    }

    /** Kaiming/He normal for ReLU layers, (out, in): N(0, 2 / in). */
    public static Tensor kaimingNormal(RandomGenerator rng, int out, int in) {
        return normal(rng, 0f, (float) Math.sqrt(2.0 / in), out, in);
    }
}
