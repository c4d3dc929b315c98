package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.ElementwiseScalar.GELU_CUBIC;
import static dev.drex.engine.kernels.ElementwiseScalar.SQRT_2_OVER_PI;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ElementwiseScalar}: each loop runs {@link Simd#SPECIES} lanes at a time
 * and hands the last {@code n % lanes} elements to the scalar twin. See {@link Elementwise} for the
 * contract of each method.
 *
 * <p>Every method performs the same float operations in the same order as its scalar twin, so the
 * twins agree bit for bit. exp, log, tanh and sigmoid come from {@link Transcendentals}, never from
 * {@code lanewise(EXP / LOG / TANH)}: those call SVML once C2 has compiled the loop and {@link Math}
 * before, so their bits would depend on the JIT's timing. The erf-based kernels live in {@link ErfSimd}.
 */
public final class ElementwiseSimd {
    private ElementwiseSimd() {}

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = S.length();

    // constants as vectors: a static final costs C2 no IR nodes, a broadcast per use does (see ErfSimd)
    private static final FloatVector V_ONE = FloatVector.broadcast(S, 1f), V_TWO = FloatVector.broadcast(S, 2f),
            V_MINUS_TWO = FloatVector.broadcast(S, -2f), V_GELU_CUBIC = FloatVector.broadcast(S, GELU_CUBIC),
            V_THREE_GELU_CUBIC = FloatVector.broadcast(S, 3f * GELU_CUBIC),
            V_SQRT_2_OVER_PI = FloatVector.broadcast(S, SQRT_2_OVER_PI);

    private static FloatVector geluTanh(FloatVector x) {
        FloatVector u = x.mul(x).mul(x).mul(V_GELU_CUBIC).add(x).mul(V_SQRT_2_OVER_PI);
        FloatVector e = Transcendentals.exp(u.mul(V_MINUS_TWO));
        return x.div(e.add(V_ONE));
    }

    // ---------------------------------------------------------------- arithmetic

    public static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, a, aOff + i).add(FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.add(a, aOff + i, b, bOff + i, out, outOff + i, n - i);
    }

    public static void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, a, aOff + i).sub(FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.sub(a, aOff + i, b, bOff + i, out, outOff + i, n - i);
    }

    public static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, a, aOff + i).mul(FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.mul(a, aOff + i, b, bOff + i, out, outOff + i, n - i);
    }

    public static void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, a, aOff + i).div(FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.div(a, aOff + i, b, bOff + i, out, outOff + i, n - i);
    }

    public static void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, a, aOff + i).mul(s).intoArray(out, outOff + i);
        ElementwiseScalar.scale(a, aOff + i, s, out, outOff + i, n - i);
    }

    public static void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, a, aOff + i).add(s).intoArray(out, outOff + i);
        ElementwiseScalar.addScalar(a, aOff + i, s, out, outOff + i, n - i);
    }

    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        FloatVector va = FloatVector.broadcast(S, alpha);
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, x, xOff + i).fma(va, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        ElementwiseScalar.axpy(alpha, x, xOff + i, y, yOff + i, n - i);
    }

    public static void mulAcc(float[] a, int aOff, float[] b, int bOff, float[] acc, int accOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector va = FloatVector.fromArray(S, a, aOff + i);
            va.fma(FloatVector.fromArray(S, b, bOff + i), FloatVector.fromArray(S, acc, accOff + i)).intoArray(acc, accOff + i);
        }
        ElementwiseScalar.mulAcc(a, aOff + i, b, bOff + i, acc, accOff + i, n - i);
    }

    public static void addBiasRows(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) add(x, xOff + r * cols, bias, biasOff, x, xOff + r * cols, cols);
    }

    // ---------------------------------------------------------------- unary maps

    public static void exp(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            Transcendentals.exp(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.exp(x, xOff + i, out, outOff + i, n - i);
    }

    public static void log(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            Transcendentals.log(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.log(x, xOff + i, out, outOff + i, n - i);
    }

    public static void sqrt(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.SQRT).intoArray(out, outOff + i);
        ElementwiseScalar.sqrt(x, xOff + i, out, outOff + i, n - i);
    }

    public static void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            Transcendentals.sigmoid(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.sigmoid(x, xOff + i, out, outOff + i, n - i);
    }

    public static void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            Transcendentals.tanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.tanh(x, xOff + i, out, outOff + i, n - i);
    }

    public static void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, x, xOff + i).max(0f).intoArray(out, outOff + i);
        ElementwiseScalar.relu(x, xOff + i, out, outOff + i, n - i);
    }

    public static void erf(float[] x, int xOff, float[] out, int outOff, int n) {
        ErfSimd.erf(x, xOff, out, outOff, n);
    }

    // ---------------------------------------------------------------- GELU

    public static void geluErf(float[] x, int xOff, float[] out, int outOff, int n) {
        ErfSimd.geluErf(x, xOff, out, outOff, n);
    }

    public static void geluTanh(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            geluTanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.geluTanh(x, xOff + i, out, outOff + i, n - i);
    }

    /** dx += dy (Phi(x) + x phi(x)); see {@link ElementwiseScalar#geluErfBackwardAcc}. */
    public static void geluErfBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        ErfSimd.geluErfBackwardAcc(x, xOff, dy, dyOff, dx, dxOff, n);
    }

    /** dx += dy (s + 2 x s (1 - s) u'); see {@link ElementwiseScalar#geluTanhBackwardAcc}. */
    public static void geluTanhBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector v2 = v.mul(v);
            FloatVector u = v2.mul(v).mul(V_GELU_CUBIC).add(v).mul(V_SQRT_2_OVER_PI);
            FloatVector du = v2.mul(V_THREE_GELU_CUBIC).add(V_ONE).mul(V_SQRT_2_OVER_PI);
            FloatVector s = V_ONE.div(Transcendentals.exp(u.mul(V_MINUS_TWO)).add(V_ONE));
            FloatVector grad = v.mul(V_TWO).mul(s).mul(V_ONE.sub(s)).fma(du, s);
            FloatVector.fromArray(S, dy, dyOff + i).fma(grad, FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
        ElementwiseScalar.geluTanhBackwardAcc(x, xOff + i, dy, dyOff + i, dx, dxOff + i, n - i);
    }

    public static void biasGelu(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols,
                                float[] out, int outOff, boolean tanhForm) {
        if (tanhForm) biasGeluTanh(x, xOff, bias, biasOff, rows, cols, out, outOff);
        else ErfSimd.biasGeluErf(x, xOff, bias, biasOff, rows, cols, out, outOff);
    }

    private static void biasGeluTanh(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols,
                                     float[] out, int outOff) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * cols, or = outOff + r * cols;
            for (int c = 0; c < bound; c += L) {
                FloatVector v = FloatVector.fromArray(S, x, xr + c).add(FloatVector.fromArray(S, bias, biasOff + c));
                geluTanh(v).intoArray(out, or + c);
            }
            ElementwiseScalar.biasGelu(x, xr + bound, bias, biasOff + bound, 1, cols - bound, out, or + bound, true);
        }
    }
}
