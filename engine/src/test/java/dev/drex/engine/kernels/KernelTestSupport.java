package dev.drex.engine.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/** Shared fixtures for the kernel tests: awkward sizes, seeded inputs, a double-precision erf, ulp checks. */
final class KernelTestSupport {
    private KernelTestSupport() {}

    /** Sizes around the vector width (16 lanes for AVX-512, 8 for AVX2) and past it with a tail. */
    static final int[] SIZES = {1, 3, 15, 16, 17, 33, 100, 1000, 1031};
    /** Nonzero offsets so no kernel gets away with assuming a slice starts at 0. */
    static final int OFF_A = 3, OFF_B = 5, OFF_OUT = 7;
    /** Value written around the slice: a kernel that writes outside its slice changes it. */
    static final float GUARD = -12345.5f;

    /** Array of off + n + 4 with n uniform values in [lo, hi) at off and {@link #GUARD} elsewhere. */
    static float[] uniform(Random rnd, int off, int n, float lo, float hi) {
        float[] a = guarded(off, n);
        for (int i = 0; i < n; i++) a[off + i] = lo + (hi - lo) * rnd.nextFloat();
        return a;
    }

    /** Array of off + n + 4 filled with {@link #GUARD}. */
    static float[] guarded(int off, int n) {
        float[] a = new float[off + n + 4];
        java.util.Arrays.fill(a, GUARD);
        return a;
    }

    /** Asserts the guard cells around [off, off + n) are untouched. */
    static void assertGuards(float[] a, int off, int n, String what) {
        for (int i = 0; i < a.length; i++)
            if ((i < off || i >= off + n) && a[i] != GUARD)
                fail(what + ": wrote outside its slice at index " + i + " (slice [" + off + ", " + (off + n) + "))");
    }

    /** erf(x) in double to ~1e-15: erf x = 2/sqrt(pi) exp(-x^2) sum_k 2^k x^(2k+1) / (1*3*...*(2k+1)) (all terms positive). */
    static double erfRef(double x) {
        double ax = Math.abs(x);
        if (ax > 6.5) return Math.signum(x);
        double term = ax, sum = ax, x2 = ax * ax;
        for (int k = 1; k < 500 && term > 1e-18 * sum; k++) {
            term *= 2 * x2 / (2 * k + 1);
            sum += term;
        }
        double r = 2 / Math.sqrt(Math.PI) * Math.exp(-x2) * sum;
        return x < 0 ? -r : r;
    }

    static double geluErfRef(double x) {
        return 0.5 * x * (1 + erfRef(x / Math.sqrt(2)));
    }

    static double geluTanhRef(double x) {
        return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
    }

    /** Distance in units of the last place of the float nearest to {@code ref}; equal infinities give 0. */
    static double ulps(float got, double ref) {
        if (got == ref || (Float.isNaN(got) && Double.isNaN(ref))) return 0;
        if (Float.isNaN(got) || Double.isNaN(ref)) return Double.POSITIVE_INFINITY;
        float r = (float) ref;
        if (Float.isInfinite(r) || Float.isInfinite(got)) return got == r ? 0 : Double.POSITIVE_INFINITY;
        return Math.abs(got - ref) / Math.ulp(Math.max(Math.abs(r), Float.MIN_NORMAL));
    }

    /** Fails unless every element of the slice is within {@code tol} ulps of the other twin's. */
    static void assertUlps(float[] simd, float[] scalar, int off, int n, double tol, String what) {
        for (int i = off; i < off + n; i++)
            if (!(ulps(simd[i], scalar[i]) <= tol))
                fail(what + " n=" + n + " index " + (i - off) + ": simd " + simd[i] + " vs scalar " + scalar[i]
                        + " (" + ulps(simd[i], scalar[i]) + " ulp > " + tol + ")");
    }

    /** Fails unless |got - ref| <= abs + rel * |ref| element by element; returns the largest |got - ref|. */
    static double assertClose(float[] got, int off, double[] ref, int n, double abs, double rel, String what) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            float g = got[off + i];
            if (Double.isInfinite(ref[i]) && g == ref[i]) continue;
            double err = Math.abs(g - ref[i]);
            if (!(err <= abs + rel * Math.abs(ref[i])))
                fail(what + " n=" + n + " index " + i + ": got " + g + ", reference " + ref[i] + ", error " + err);
            worst = Math.max(worst, err);
        }
        return worst;
    }
}
