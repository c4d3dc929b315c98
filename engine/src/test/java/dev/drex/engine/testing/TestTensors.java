package dev.drex.engine.testing;

import dev.drex.engine.tensor.Tensor;
import java.util.random.RandomGenerator;

/** Seeded random tensors for tests. */
public final class TestTensors {
    private TestTensors() {}

    /** A leaf requiring a gradient with entries U(lo, hi). */
    public static Tensor param(RandomGenerator rng, double lo, double hi, int... shape) {
        return uniform(rng, lo, hi, shape).requiresGrad(true);
    }

    /** A constant (no gradient) with entries U(lo, hi). */
    public static Tensor uniform(RandomGenerator rng, double lo, double hi, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        return t;
    }

    /** Entries U(lo, hi) with a random sign: magnitudes stay at least lo away from 0 (keeps relu off its kink). */
    public static Tensor awayFromZero(RandomGenerator rng, double lo, double hi, int... shape) {
        Tensor t = uniform(rng, lo, hi, shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) if (rng.nextBoolean()) d[i] = -d[i];
        return t.requiresGrad(true);
    }

    /** The data as doubles. */
    public static double[] doubles(Tensor t) {
        float[] f = t.toArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /** Asserts |actual - expected| <= tol * (1 + |expected|) elementwise, naming the op and element. */
    public static void assertClose(String what, double[] expected, Tensor actual, double tol) {
        float[] a = actual.toArray();
        if (a.length != expected.length) throw new AssertionError(what + ": " + a.length + " values, expected " + expected.length);
        for (int i = 0; i < a.length; i++) {
            boolean ok = (Double.isInfinite(expected[i]) && a[i] == expected[i])
                    || Math.abs(a[i] - expected[i]) <= tol * (1 + Math.abs(expected[i]));
            if (!ok) throw new AssertionError(what + ": element " + i + " is " + a[i] + ", expected " + expected[i]);
        }
    }
}
