package dev.drex.engine.kernels;

/**
 * Scalar twin of {@link ElementwiseSimd}: the same signatures, plain loops. It is the fallback when
 * {@code -Ddrex.simd=false} and the loop tail of every SIMD kernel, and the reference the SIMD
 * kernels are tested against. See {@link Elementwise} for the contract of each method.
 *
 * <p>Every method performs the same float operations in the same order as its SIMD twin, so the
 * twins agree bit for bit: exp, log, tanh and sigmoid come from {@link Transcendentals} (not
 * {@link Math}), erf is the piecewise polynomial of {@link #erf(float)}, and where the SIMD twin fuses
 * a multiply-add this twin calls {@link Math#fma} at the same place.
 */
public final class ElementwiseScalar {
    private ElementwiseScalar() {}

    // ---- erf, one algorithm for both twins (coefficients fitted for this project, see erf_fit.py in the
    //      engine's test resources: iteratively reweighted least squares toward the minimax relative error).
    //  |x| <  0.75:  erf(x)  = x P(x^2),               P of degree 5, relative error 1.4e-9
    //  |x| >= 0.75:  erfc(z) = t Q(t) exp(-z^2), z = |x|, t = 1 / (1 + z/2), Q of degree 7, relative error 4.2e-8
    //  (the t-substitution is the one of Abramowitz & Stegun 7.1.26; t stays in [0, 0.73], so Q never overflows).
    //  Evaluated in float: max |erf error| about 1.1e-7 (under 2 ulp of the result); the test prints it.
    static final float ERF_SMALL_LIMIT = 0.75f;
    static final float P0 = 1.128379107e+00f, P1 = -3.761262000e-01f, P2 = 1.128337681e-01f,
            P3 = -2.683463320e-02f, P4 = 5.114361644e-03f, P5 = -6.749617751e-04f;
    static final float Q0 = 2.821029723e-01f, Q1 = 2.819260657e-01f, Q2 = 2.480946183e-01f, Q3 = 1.729064435e-01f,
            Q4 = 7.828573883e-02f, Q5 = 5.349281430e-02f, Q6 = -2.005108297e-01f, Q7 = 8.407738805e-02f;
    /** 1 / sqrt(2). */
    static final float INV_SQRT2 = 0.70710678118654752f;
    /** 1 / sqrt(2 pi), the standard normal density at 0. */
    static final float INV_SQRT_2PI = 0.39894228040143268f;
    /** sqrt(2 / pi), the inner scale of the tanh form of GELU. */
    static final float SQRT_2_OVER_PI = 0.79788456080286536f;
    /** The cubic coefficient of the tanh form of GELU (Hendrycks & Gimpel 2016). */
    static final float GELU_CUBIC = 0.044715f;

    /** erf(x) = x P(x^2), for |x| &lt; {@link #ERF_SMALL_LIMIT}. */
    static float erfSmall(float x) {
        float s = x * x;
        return x * Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(P5, s, P4), s, P3), s, P2), s, P1), s, P0);
    }

    /** erfc(z) exp(z^2) = t Q(t), t = 1 / (1 + z/2), for z &gt;= {@link #ERF_SMALL_LIMIT}. */
    static float erfcScaled(float z) {
        float t = 1f / Math.fma(z, 0.5f, 1f);
        float q = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Q7, t, Q6), t, Q5), t, Q4), t, Q3), t, Q2), t, Q1), t, Q0);
        return q * t;
    }

    static float erf(float x) {
        float z = Math.abs(x);
        if (z < ERF_SMALL_LIMIT) return erfSmall(x);
        float q = erfcScaled(z) * Transcendentals.exp(-z * z);   // erfc(|x|)
        return x < 0f ? q - 1f : 1f - q;
    }

    /**
     * 1 + erf(w) given {@code expMinusW2} = exp(-w^2). For w &lt;= -0.75 it is erfc(|w|) itself, so the
     * negative tail of GELU keeps its relative accuracy instead of cancelling to 0.
     */
    static float onePlusErf(float w, float expMinusW2) {
        float z = Math.abs(w);
        if (z < ERF_SMALL_LIMIT) return 1f + erfSmall(w);
        float q = erfcScaled(z) * expMinusW2;
        return w < 0f ? q : 2f - q;
    }

    /** GELU, erf form: 0.5 x (1 + erf(x / sqrt 2)). */
    static float geluErf(float x) {
        float w = x * INV_SQRT2;
        return 0.5f * x * onePlusErf(w, Transcendentals.exp(-w * w));
    }

    /** GELU, tanh form, written as x * sigmoid(2u) = 0.5 x (1 + tanh u), u = sqrt(2/pi)(x + 0.044715 x^3). */
    static float geluTanh(float x) {
        float u = (x * x * x * GELU_CUBIC + x) * SQRT_2_OVER_PI;
        return x / (Transcendentals.exp(-2f * u) + 1f);
    }

    // ---------------------------------------------------------------- arithmetic

    public static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] + b[bOff + i];
    }

    public static void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] - b[bOff + i];
    }

    public static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] * b[bOff + i];
    }

    public static void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] / b[bOff + i];
    }

    public static void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = s * a[aOff + i];
    }

    public static void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = a[aOff + i] + s;
    }

    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }

    public static void mulAcc(float[] a, int aOff, float[] b, int bOff, float[] acc, int accOff, int n) {
        for (int i = 0; i < n; i++) acc[accOff + i] = Math.fma(a[aOff + i], b[bOff + i], acc[accOff + i]);
    }

    public static void addBiasRows(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) add(x, xOff + r * cols, bias, biasOff, x, xOff + r * cols, cols);
    }

    // ---------------------------------------------------------------- unary maps

    public static void exp(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = Transcendentals.exp(x[xOff + i]);
    }

    public static void log(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = Transcendentals.log(x[xOff + i]);
    }

    public static void sqrt(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = (float) Math.sqrt(x[xOff + i]);
    }

    public static void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = Transcendentals.sigmoid(x[xOff + i]);
    }

    public static void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = Transcendentals.tanh(x[xOff + i]);
    }

    public static void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = Math.max(x[xOff + i], 0f);
    }

    public static void erf(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = erf(x[xOff + i]);
    }

    // ---------------------------------------------------------------- GELU

    public static void geluErf(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = geluErf(x[xOff + i]);
    }

    public static void geluTanh(float[] x, int xOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] = geluTanh(x[xOff + i]);
    }

    /** d/dx gelu = Phi(x) + x phi(x), Phi = 0.5 (1 + erf(x / sqrt 2)), phi(x) = exp(-x^2/2) / sqrt(2 pi). */
    public static void geluErfBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            float w = v * INV_SQRT2;
            float e = Transcendentals.exp(-w * w);           // exp(-x^2 / 2)
            float cdf = onePlusErf(w, e) * 0.5f;             // Phi(x)
            float grad = Math.fma(v * INV_SQRT_2PI, e, cdf);
            dx[dxOff + i] = Math.fma(dy[dyOff + i], grad, dx[dxOff + i]);
        }
    }

    /**
     * With s = sigmoid(2u) = 0.5 (1 + tanh u): d/dx [x s] = s + 2 x s (1 - s) u',
     * u' = sqrt(2/pi)(1 + 3 * 0.044715 x^2).
     */
    public static void geluTanhBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            float v2 = v * v;
            float u = (v2 * v * GELU_CUBIC + v) * SQRT_2_OVER_PI;
            float du = (v2 * (3f * GELU_CUBIC) + 1f) * SQRT_2_OVER_PI;
            float s = 1f / (Transcendentals.exp(-2f * u) + 1f);
            float grad = Math.fma(v * 2f * s * (1f - s), du, s);
            dx[dxOff + i] = Math.fma(dy[dyOff + i], grad, dx[dxOff + i]);
        }
    }

    public static void biasGelu(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols,
                                float[] out, int outOff, boolean tanhForm) {
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * cols, or = outOff + r * cols;
            for (int c = 0; c < cols; c++) {
                float v = x[xr + c] + bias[biasOff + c];
                out[or + c] = tanhForm ? geluTanh(v) : geluErf(v);
            }
        }
    }
}
