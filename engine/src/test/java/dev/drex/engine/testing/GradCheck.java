package dev.drex.engine.testing;

import dev.drex.engine.autograd.Grad;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Finite-difference gradient check for a function of several tensors.
 *
 * <p>The function's output y is reduced to the scalar L = sum_i w_i y_i with fixed random weights
 * w_i ~ U(-1, 1) (so every output element matters and errors cannot cancel by symmetry). The analytic
 * gradient is the engine's backward seeded with w. The numeric gradient of each input element x perturbs
 * x in float, evaluates L in double (under {@code Grad.off()}) and uses the fourth-order central stencil
 * <pre>
 *   dL/dx ~ (L(x - 2h) - 8 L(x - h) + 8 L(x + h) - L(x + 2h)) / (12 h)
 * </pre>
 * whose truncation error is (h^4 / 30) L^(5) (Richardson extrapolation of the two central differences).
 *
 * <p><b>Tolerances.</b> An element passes when |a - n| &lt;= atol + rtol * max(|a|, |n|), defaults
 * atol = rtol = 1e-3 with h = 1e-2. Why these suffice and do not hide bugs: (1) the outputs are float32,
 * so each L carries a rounding error of about eps_f * sum_i |w_i y_i| ~ 6e-8 * 10 for our sizes; the stencil
 * multiplies it by (1 + 8 + 8 + 1) / (12 h) = 1.5 / h = 150, giving ~1e-4, ten times below atol. (2) The
 * truncation error h^4/30 * |L^(5)| ~ 3e-10 * |L^(5)| is negligible for the smooth, O(1)-scaled inputs the
 * tests build (kinks and singularities are kept > 4h away). (3) The perturbed value x + k h is rounded to
 * float, shifting the step by up to ulp(x)/2 ~ 6e-8 relative, a 1e-5 relative error. (4) The analytic
 * gradient is float32 backward arithmetic: relative error ~1e-6 for these sizes. A wrong backward (a sign,
 * a missing factor, a missing broadcast reduction) errs by O(|gradient|) ~ 0.1..10, far above 1e-3; the
 * negative test in {@code GradCheckHarnessTest} proves such errors are caught.
 */
public final class GradCheck {
    public static final float DEFAULT_H = 1e-2f;
    public static final double DEFAULT_ATOL = 1e-3;
    public static final double DEFAULT_RTOL = 1e-3;

    private final String op;
    private float h = DEFAULT_H;
    private double atol = DEFAULT_ATOL, rtol = DEFAULT_RTOL;
    private long seed = 12345;

    private GradCheck(String op) {
        this.op = op;
    }

    /** Starts a check of the function named {@code op}. */
    public static GradCheck of(String op) {
        return new GradCheck(op);
    }

    public GradCheck step(float h) {
        this.h = h;
        return this;
    }

    public GradCheck tolerances(double atol, double rtol) {
        this.atol = atol;
        this.rtol = rtol;
        return this;
    }

    /** What a check measured: checked elements, largest |a - n|, and largest |a - n| / allowed. */
    public record Result(String op, int elements, double maxAbsError, double maxErrorRatio) {}

    /** Shorthand for {@code of(op).run(f, inputs)}. */
    public static Result check(String op, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return of(op).run(f, inputs);
    }

    /**
     * Compares analytic and numeric gradients of L = sum w y, y = f(inputs), for every input that requires
     * a gradient (the others are constants). The inputs must be leaves; their data is restored afterwards
     * and their gradients are left holding the analytic result. Throws AssertionError naming the op, the
     * input, the element, and both values on the first element out of tolerance.
     */
    public Result run(Function<Tensor[], Tensor> f, Tensor... inputs) {
        for (int k = 0; k < inputs.length; k++) {
            if (!inputs[k].isLeaf()) throw new IllegalArgumentException(op + ": input " + k + " is not a leaf");
            inputs[k].clearGrad();
        }
        Tensor y = f.apply(inputs);
        if (!y.requiresGrad()) throw new AssertionError(op + ": the output does not require a gradient (no graph was recorded)");
        float[] yv = y.toArray();
        float[] w = new float[yv.length];
        RandomGenerator rng = Init.rng(seed ^ op.hashCode());
        for (int i = 0; i < w.length; i++) {
            double u = rng.nextDouble() * 2 - 1;
            w[i] = Float.isFinite(yv[i]) ? (float) u : 0f; // -Infinity log-probs of masked entries carry no weight
        }
        y.backward(w);

        int elements = 0;
        double maxAbs = 0, maxRatio = 0;
        for (int k = 0; k < inputs.length; k++) {
            Tensor x = inputs[k];
            if (!x.requiresGrad()) continue;
            float[] analytic = x.gradOrNull() == null ? new float[x.size()] : x.gradOrNull().clone();
            float[] data = x.data();
            for (int i = 0; i < x.size(); i++) {
                int at = x.offset() + i;
                float v = data[at];
                double lm2 = lossAt(f, inputs, w, data, at, v - 2 * h);
                double lm1 = lossAt(f, inputs, w, data, at, v - h);
                double lp1 = lossAt(f, inputs, w, data, at, v + h);
                double lp2 = lossAt(f, inputs, w, data, at, v + 2 * h);
                data[at] = v;
                double numeric = (lm2 - 8 * lm1 + 8 * lp1 - lp2) / (12.0 * h);
                double a = analytic[i];
                double err = Math.abs(a - numeric);
                double allowed = atol + rtol * Math.max(Math.abs(a), Math.abs(numeric));
                if (!(err <= allowed)) {
                    throw new AssertionError(String.format(
                            "gradient check failed: op %s, input %d%s %s, element %d %s: analytic %.7g, numeric %.7g, |diff| %.3g > allowed %.3g",
                            op, k, x.name() == null ? "" : " (" + x.name() + ")", Arrays.toString(x.shape()), i,
                            Arrays.toString(multiIndex(x.shape(), i)), a, numeric, err, allowed));
                }
                maxAbs = Math.max(maxAbs, err);
                maxRatio = Math.max(maxRatio, err / allowed);
                elements++;
            }
        }
        if (elements == 0) throw new AssertionError(op + ": no input requires a gradient; nothing was checked");
        System.out.printf("GradCheck %-48s %5d elements  max |a-n| %.2e  max ratio %.3f%n", op, elements, maxAbs, maxRatio);
        return new Result(op, elements, maxAbs, maxRatio);
    }

    /** L = sum_i w_i y_i in double, with data[at] set to the float nearest {@code value}. */
    private static double lossAt(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] w, float[] data, int at, float value) {
        data[at] = value;
        Tensor y;
        try (var off = Grad.off()) {
            y = f.apply(inputs);
        }
        float[] d = y.data();
        int o = y.offset();
        double l = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0f) continue;
            float yi = d[o + i];
            if (!Float.isFinite(yi)) {
                throw new AssertionError("output element " + i + " became " + yi + " when an input was perturbed to " + value
                        + " (keep inputs away from singularities)");
            }
            l += (double) w[i] * yi;
        }
        return l;
    }

    private static int[] multiIndex(int[] shape, int flat) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return idx;
    }
}
