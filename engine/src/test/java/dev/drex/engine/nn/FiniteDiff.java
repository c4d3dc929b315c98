package dev.drex.engine.nn;

import static org.junit.jupiter.api.Assertions.fail;

import dev.drex.engine.autograd.Grad;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.function.Supplier;

/**
 * Central-difference gradient check for layers: compares the backward pass of {@code L = sum(r * f())}
 * (r a fixed random weighting of the outputs) with {@code (L(t + eps) - L(t - eps)) / (2 eps)} for every
 * element of every tensor in {@code wrt}. L is accumulated in double; f itself runs in float, so eps is
 * kept large (about 1e-2), the error of the difference is cut to O(eps^4) by Richardson extrapolation, and
 * the tolerance is relative to max(0.1, |analytic|, |numeric|).
 */
final class FiniteDiff {
    private FiniteDiff() {}

    static void check(String label, Supplier<Tensor> f, Map<String, Tensor> wrt, double eps, double tol) {
        for (Tensor t : wrt.values()) t.clearGrad();
        Tensor out = f.get();
        RandomGenerator rng = Init.rng(12345);
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = (float) (rng.nextDouble() * 2 - 1);
        out.backward(r);
        double worst = 0;
        String worstAt = "";
        for (Map.Entry<String, Tensor> e : wrt.entrySet()) {
            Tensor t = e.getValue();
            float[] analytic = t.grad().clone();
            float[] d = t.data();
            for (int i = 0; i < t.size(); i++) {
                // Richardson extrapolation of two central differences: error O(eps^4) instead of O(eps^2)
                double numeric = (4 * central(f, r, d, t.offset() + i, eps / 2) - central(f, r, d, t.offset() + i, eps)) / 3;
                double err = Math.abs(numeric - analytic[i]) / Math.max(0.1, Math.max(Math.abs(numeric), Math.abs(analytic[i])));
                if (err > worst) {
                    worst = err;
                    worstAt = e.getKey() + "[" + i + "] analytic " + analytic[i] + " numeric " + numeric;
                }
            }
        }
        System.out.println("FD " + label + " worst " + worst + " at " + worstAt);
        if (worst > tol) fail(label + ": gradient mismatch " + worst + " at " + worstAt);
    }

    /** (L(d[k] + h) - L(d[k] - h)) / 2h, with d[k] restored afterwards. */
    private static double central(Supplier<Tensor> f, float[] r, float[] d, int k, double h) {
        float saved = d[k];
        float up = (float) (saved + h), down = (float) (saved - h);
        d[k] = up;
        double plus = weighted(f, r);
        d[k] = down;
        double minus = weighted(f, r);
        d[k] = saved;
        return (plus - minus) / ((double) up - down); // the step actually taken after rounding to float
    }

    private static double weighted(Supplier<Tensor> f, float[] r) {
        try (var off = Grad.off()) {
            Tensor y = f.get();
            double s = 0;
            float[] d = y.data();
            for (int i = 0; i < r.length; i++) s += (double) r[i] * d[y.offset() + i];
            return s;
        }
    }
}
