package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.ElementwiseScalar.ERF_SMALL_LIMIT;
import static dev.drex.engine.kernels.ElementwiseScalar.GELU_CUBIC;
import static dev.drex.engine.kernels.ElementwiseScalar.INV_SQRT2;
import static dev.drex.engine.kernels.ElementwiseScalar.INV_SQRT_2PI;
import static dev.drex.engine.kernels.ElementwiseScalar.SQRT_2_OVER_PI;

import static dev.drex.engine.kernels.ElementwiseScalar.P0;
import static dev.drex.engine.kernels.ElementwiseScalar.P1;
import static dev.drex.engine.kernels.ElementwiseScalar.P2;
import static dev.drex.engine.kernels.ElementwiseScalar.P3;
import static dev.drex.engine.kernels.ElementwiseScalar.P4;
import static dev.drex.engine.kernels.ElementwiseScalar.P5;
import static dev.drex.engine.kernels.ElementwiseScalar.Q0;
import static dev.drex.engine.kernels.ElementwiseScalar.Q1;
import static dev.drex.engine.kernels.ElementwiseScalar.Q2;
import static dev.drex.engine.kernels.ElementwiseScalar.Q3;
import static dev.drex.engine.kernels.ElementwiseScalar.Q4;
import static dev.drex.engine.kernels.ElementwiseScalar.Q5;
import static dev.drex.engine.kernels.ElementwiseScalar.Q6;
import static dev.drex.engine.kernels.ElementwiseScalar.Q7;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ElementwiseScalar}: each loop runs {@link Simd#SPECIES} lanes at a time
 * and hands the last {@code n % lanes} elements to the scalar twin. See {@link Elementwise} for the
 * contract of each method.
 *
 * <p>EXP, LOG and TANH are {@code lanewise} operators, which HotSpot on x86 compiles to calls into
 * its bundled SVML library (libjsvml); their results may differ from {@link Math} by an ulp or so.
 * erf is not a Vector API operator: it uses the same piecewise polynomial as the scalar twin.
 */
public final class ElementwiseSimd {
    private ElementwiseSimd() {}

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = S.length();

    /** erf(x) = x P(x^2), valid for |x| &lt; 0.75 (see {@link ElementwiseScalar#erfSmall}). */
    private static FloatVector erfSmall(FloatVector x) {
        FloatVector s = x.mul(x);
        FloatVector p = s.mul(P5).add(P4);                  // same Horner order as the scalar twin
        p = p.mul(s).add(P3);
        p = p.mul(s).add(P2);
        p = p.mul(s).add(P1);
        p = p.mul(s).add(P0);
        return x.mul(p);
    }

    /** erfc(z) exp(z^2) = t Q(t), t = 1 / (1 + z/2), valid for z &gt;= 0.75 (see {@link ElementwiseScalar#erfcScaled}). */
    private static FloatVector erfcScaled(FloatVector z) {
        FloatVector t = FloatVector.broadcast(S, 1f).div(z.mul(0.5f).add(1f));
        FloatVector q = t.mul(Q7).add(Q6);
        q = q.mul(t).add(Q5);
        q = q.mul(t).add(Q4);
        q = q.mul(t).add(Q3);
        q = q.mul(t).add(Q2);
        q = q.mul(t).add(Q1);
        q = q.mul(t).add(Q0);
        return q.mul(t);
    }

    /** Both branches are computed for every lane, then blended on |x| &lt; 0.75. */
    private static FloatVector erf(FloatVector x) {
        FloatVector z = x.abs();
        FloatVector q = erfcScaled(z).mul(z.mul(z).neg().lanewise(VectorOperators.EXP));
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector large = one.sub(q).blend(q.sub(one), x.compare(VectorOperators.LT, 0f));
        return large.blend(erfSmall(x), z.compare(VectorOperators.LT, ERF_SMALL_LIMIT));
    }

    /** 1 + erf(w) given exp(-w^2) (see {@link ElementwiseScalar#onePlusErf}). */
    private static FloatVector onePlusErf(FloatVector w, FloatVector expMinusW2) {
        FloatVector z = w.abs();
        FloatVector q = erfcScaled(z).mul(expMinusW2);
        FloatVector large = FloatVector.broadcast(S, 2f).sub(q).blend(q, w.compare(VectorOperators.LT, 0f));
        return large.blend(erfSmall(w).add(1f), z.compare(VectorOperators.LT, ERF_SMALL_LIMIT));
    }

    private static FloatVector geluErf(FloatVector x) {
        FloatVector w = x.mul(INV_SQRT2);
        return x.mul(0.5f).mul(onePlusErf(w, w.mul(w).neg().lanewise(VectorOperators.EXP)));
    }

    private static FloatVector geluTanh(FloatVector x) {
        FloatVector u = x.mul(x).mul(x).mul(GELU_CUBIC).add(x).mul(SQRT_2_OVER_PI);
        FloatVector e = u.mul(-2f).lanewise(VectorOperators.EXP);
        return x.div(e.add(1f));
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
            FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.EXP).intoArray(out, outOff + i);
        ElementwiseScalar.exp(x, xOff + i, out, outOff + i, n - i);
    }

    public static void log(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.LOG).intoArray(out, outOff + i);
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
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector e = FloatVector.fromArray(S, x, xOff + i).neg().lanewise(VectorOperators.EXP);
            one.div(e.add(1f)).intoArray(out, outOff + i);
        }
        ElementwiseScalar.sigmoid(x, xOff + i, out, outOff + i, n - i);
    }

    public static void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.TANH).intoArray(out, outOff + i);
        ElementwiseScalar.tanh(x, xOff + i, out, outOff + i, n - i);
    }

    public static void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            FloatVector.fromArray(S, x, xOff + i).max(0f).intoArray(out, outOff + i);
        ElementwiseScalar.relu(x, xOff + i, out, outOff + i, n - i);
    }

    public static void erf(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            erf(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.erf(x, xOff + i, out, outOff + i, n - i);
    }

    // ---------------------------------------------------------------- GELU

    public static void geluErf(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            geluErf(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.geluErf(x, xOff + i, out, outOff + i, n - i);
    }

    public static void geluTanh(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            geluTanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.geluTanh(x, xOff + i, out, outOff + i, n - i);
    }

    /** dx += dy (Phi(x) + x phi(x)); see {@link ElementwiseScalar#geluErfBackwardAcc}. */
    public static void geluErfBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector w = v.mul(INV_SQRT2);
            FloatVector e = w.mul(w).neg().lanewise(VectorOperators.EXP);            // exp(-x^2 / 2)
            FloatVector cdf = onePlusErf(w, e).mul(0.5f);                            // Phi(x)
            FloatVector grad = v.mul(INV_SQRT_2PI).fma(e, cdf);
            FloatVector.fromArray(S, dy, dyOff + i).fma(grad, FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
        ElementwiseScalar.geluErfBackwardAcc(x, xOff + i, dy, dyOff + i, dx, dxOff + i, n - i);
    }

    /** dx += dy (s + 2 x s (1 - s) u'); see {@link ElementwiseScalar#geluTanhBackwardAcc}. */
    public static void geluTanhBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector v2 = v.mul(v);
            FloatVector u = v2.mul(v).mul(GELU_CUBIC).add(v).mul(SQRT_2_OVER_PI);
            FloatVector du = v2.mul(3f * GELU_CUBIC).add(1f).mul(SQRT_2_OVER_PI);
            FloatVector s = one.div(u.mul(-2f).lanewise(VectorOperators.EXP).add(1f));
            FloatVector grad = v.mul(2f).mul(s).mul(one.sub(s)).fma(du, s);
            FloatVector.fromArray(S, dy, dyOff + i).fma(grad, FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
        ElementwiseScalar.geluTanhBackwardAcc(x, xOff + i, dy, dyOff + i, dx, dxOff + i, n - i);
    }

    public static void biasGelu(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols,
                                float[] out, int outOff, boolean tanhForm) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * cols, or = outOff + r * cols;
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector v = FloatVector.fromArray(S, x, xr + c).add(FloatVector.fromArray(S, bias, biasOff + c));
                (tanhForm ? geluTanh(v) : geluErf(v)).intoArray(out, or + c);
            }
            ElementwiseScalar.biasGelu(x, xr + c, bias, biasOff + c, 1, cols - c, out, or + c, tanhForm);
        }
    }
}
