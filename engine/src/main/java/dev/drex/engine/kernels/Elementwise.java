package dev.drex.engine.kernels;

/**
 * Elementwise kernels over flat float arrays: {@code x[xOff .. xOff+n)} and so on. Each method
 * dispatches to {@link ElementwiseSimd} or, with {@code -Ddrex.simd=false}, to its scalar twin
 * {@link ElementwiseScalar}.
 *
 * <p>Conventions: {@code out} may be the same array at the same offset as an input (in place), but
 * must not partially overlap one. "Acc" methods add into their output ({@code out += ...}), as
 * gradients accumulate. Bounds are checked by the JVM (an out-of-range slice throws
 * {@link IndexOutOfBoundsException}). No method allocates.
 *
 * <p>Accuracy: +, -, *, /, sqrt and relu are exact IEEE results, identical in both twins. exp, log,
 * tanh and sigmoid are within ~3 ulp of the correctly rounded float. erf (and so GELU, erf form) is a
 * piecewise polynomial fitted for this project (see {@link ElementwiseScalar}), absolute error about 1.1e-7.
 */
public final class Elementwise {
    private Elementwise() {}

    // ---------------------------------------------------------------- arithmetic

    /** out = a + b, elementwise over n. */
    public static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.add(a, aOff, b, bOff, out, outOff, n);
        else ElementwiseScalar.add(a, aOff, b, bOff, out, outOff, n);
    }

    /** out = a - b, elementwise over n. */
    public static void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.sub(a, aOff, b, bOff, out, outOff, n);
        else ElementwiseScalar.sub(a, aOff, b, bOff, out, outOff, n);
    }

    /** out = a * b, elementwise over n. */
    public static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.mul(a, aOff, b, bOff, out, outOff, n);
        else ElementwiseScalar.mul(a, aOff, b, bOff, out, outOff, n);
    }

    /** out = a / b, elementwise over n (IEEE: x/0 is +-Infinity or NaN). */
    public static void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.div(a, aOff, b, bOff, out, outOff, n);
        else ElementwiseScalar.div(a, aOff, b, bOff, out, outOff, n);
    }

    /** out = s * a. */
    public static void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.scale(a, aOff, s, out, outOff, n);
        else ElementwiseScalar.scale(a, aOff, s, out, outOff, n);
    }

    /** out = a + s. */
    public static void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.addScalar(a, aOff, s, out, outOff, n);
        else ElementwiseScalar.addScalar(a, aOff, s, out, outOff, n);
    }

    /** y += alpha * x (BLAS axpy), one fused multiply-add per element. */
    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.axpy(alpha, x, xOff, y, yOff, n);
        else ElementwiseScalar.axpy(alpha, x, xOff, y, yOff, n);
    }

    /** acc += a * b, elementwise, one fused multiply-add per element. */
    public static void mulAcc(float[] a, int aOff, float[] b, int bOff, float[] acc, int accOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.mulAcc(a, aOff, b, bOff, acc, accOff, n);
        else ElementwiseScalar.mulAcc(a, aOff, b, bOff, acc, accOff, n);
    }

    /** x (rows, cols) += bias (cols) broadcast over rows, in place. */
    public static void addBiasRows(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols) {
        if (Simd.ENABLED) ElementwiseSimd.addBiasRows(x, xOff, bias, biasOff, rows, cols);
        else ElementwiseScalar.addBiasRows(x, xOff, bias, biasOff, rows, cols);
    }

    // ---------------------------------------------------------------- unary maps

    /** out = exp(x); overflows to +Infinity above ~88.72, underflows to 0 below ~-103.9. */
    public static void exp(float[] x, int xOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.exp(x, xOff, out, outOff, n);
        else ElementwiseScalar.exp(x, xOff, out, outOff, n);
    }

    /** out = ln(x); ln 0 = -Infinity, ln of a negative number is NaN. */
    public static void log(float[] x, int xOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.log(x, xOff, out, outOff, n);
        else ElementwiseScalar.log(x, xOff, out, outOff, n);
    }

    /** out = sqrt(x), correctly rounded. */
    public static void sqrt(float[] x, int xOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.sqrt(x, xOff, out, outOff, n);
        else ElementwiseScalar.sqrt(x, xOff, out, outOff, n);
    }

    /** out = 1 / (1 + exp(-x)); saturates to exactly 0 or 1 for large |x|, never NaN for finite x. */
    public static void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.sigmoid(x, xOff, out, outOff, n);
        else ElementwiseScalar.sigmoid(x, xOff, out, outOff, n);
    }

    /** out = tanh(x). */
    public static void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.tanh(x, xOff, out, outOff, n);
        else ElementwiseScalar.tanh(x, xOff, out, outOff, n);
    }

    /** out = max(x, 0). */
    public static void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.relu(x, xOff, out, outOff, n);
        else ElementwiseScalar.relu(x, xOff, out, outOff, n);
    }

    /**
     * out = erf(x), absolute error about 1.1e-7 (under 2 ulp of the result); for |x| &lt; 0.75 the
     * relative error is also small (x P(x^2) form), so tiny arguments stay accurate.
     */
    public static void erf(float[] x, int xOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.erf(x, xOff, out, outOff, n);
        else ElementwiseScalar.erf(x, xOff, out, outOff, n);
    }

    // ---------------------------------------------------------------- GELU (Hendrycks & Gimpel 2016)

    /**
     * out = gelu(x) = x Phi(x) = 0.5 x (1 + erf(x / sqrt 2)), the exact form (PyTorch
     * {@code approximate='none'}, BERT). For x &lt; -1.06 it uses 1 + erf = erfc(|x|/sqrt 2) directly,
     * so the negative tail keeps its relative accuracy. gelu(-Infinity) is NaN (0 * -Infinity).
     */
    public static void geluErf(float[] x, int xOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.geluErf(x, xOff, out, outOff, n);
        else ElementwiseScalar.geluErf(x, xOff, out, outOff, n);
    }

    /**
     * out = 0.5 x (1 + tanh(sqrt(2/pi)(x + 0.044715 x^3))) (PyTorch {@code approximate='tanh'}, GPT-2),
     * computed as x * sigmoid(2u), which is the same function without the 1 + tanh cancellation.
     */
    public static void geluTanh(float[] x, int xOff, float[] out, int outOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.geluTanh(x, xOff, out, outOff, n);
        else ElementwiseScalar.geluTanh(x, xOff, out, outOff, n);
    }

    /** dx += dy * gelu'(x), gelu'(x) = Phi(x) + x phi(x) with phi the standard normal density. */
    public static void geluErfBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.geluErfBackwardAcc(x, xOff, dy, dyOff, dx, dxOff, n);
        else ElementwiseScalar.geluErfBackwardAcc(x, xOff, dy, dyOff, dx, dxOff, n);
    }

    /** dx += dy * d/dx geluTanh(x). */
    public static void geluTanhBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        if (Simd.ENABLED) ElementwiseSimd.geluTanhBackwardAcc(x, xOff, dy, dyOff, dx, dxOff, n);
        else ElementwiseScalar.geluTanhBackwardAcc(x, xOff, dy, dyOff, dx, dxOff, n);
    }

    /**
     * Fused bias + GELU: out[r,c] = gelu(x[r,c] + bias[c]); x, out (rows, cols), bias (cols).
     * {@code out} may be {@code x} (in place). {@code tanhForm} picks {@link #geluTanh} over {@link #geluErf}.
     */
    public static void biasGelu(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols,
                                float[] out, int outOff, boolean tanhForm) {
        if (Simd.ENABLED) ElementwiseSimd.biasGelu(x, xOff, bias, biasOff, rows, cols, out, outOff, tanhForm);
        else ElementwiseScalar.biasGelu(x, xOff, bias, biasOff, rows, cols, out, outOff, tanhForm);
    }
}
