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
 * <p>Every method performs the same float operations in the same order as its scalar twin, so the
 * twins agree bit for bit. exp, log, tanh and sigmoid come from {@link Transcendentals}, never from
 * {@code lanewise(EXP / LOG / TANH)}: those call SVML once C2 has compiled the loop and {@link Math}
 * before, so their bits would depend on the JIT's timing.
 */
public final class ElementwiseSimd {
    private ElementwiseSimd() {}

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = S.length();

    // constants as vectors: static finals cost C2 no IR nodes, where a broadcast per use adds up
    // (past ~18000 nodes C2 stops inlining and the vectors get boxed on the heap)
    private static final FloatVector V_P0 = FloatVector.broadcast(S, P0), V_P1 = FloatVector.broadcast(S, P1),
            V_P2 = FloatVector.broadcast(S, P2), V_P3 = FloatVector.broadcast(S, P3),
            V_P4 = FloatVector.broadcast(S, P4), V_P5 = FloatVector.broadcast(S, P5);
    private static final FloatVector V_Q0 = FloatVector.broadcast(S, Q0), V_Q1 = FloatVector.broadcast(S, Q1),
            V_Q2 = FloatVector.broadcast(S, Q2), V_Q3 = FloatVector.broadcast(S, Q3),
            V_Q4 = FloatVector.broadcast(S, Q4), V_Q5 = FloatVector.broadcast(S, Q5),
            V_Q6 = FloatVector.broadcast(S, Q6), V_Q7 = FloatVector.broadcast(S, Q7);
    private static final FloatVector V_ZERO = FloatVector.zero(S), V_HALF = FloatVector.broadcast(S, 0.5f),
            V_ONE = FloatVector.broadcast(S, 1f), V_TWO = FloatVector.broadcast(S, 2f),
            V_ERF_SMALL_LIMIT = FloatVector.broadcast(S, ERF_SMALL_LIMIT), V_INV_SQRT2 = FloatVector.broadcast(S, INV_SQRT2),
            V_INV_SQRT_2PI = FloatVector.broadcast(S, INV_SQRT_2PI);

    /** erf(x) = x P(x^2), valid for |x| &lt; 0.75 (see {@link ElementwiseScalar#erfSmall}). */
    private static FloatVector erfSmall(FloatVector x) {
        FloatVector s = x.mul(x);
        FloatVector p = V_P5.fma(s, V_P4).fma(s, V_P3).fma(s, V_P2).fma(s, V_P1).fma(s, V_P0);
        return x.mul(p);
    }

    /** erfc(z) exp(z^2) = t Q(t), t = 1 / (1 + z/2), valid for z &gt;= 0.75 (see {@link ElementwiseScalar#erfcScaled}). */
    private static FloatVector erfcScaled(FloatVector z) {
        FloatVector t = V_ONE.div(z.fma(V_HALF, V_ONE));
        FloatVector q = V_Q7.fma(t, V_Q6).fma(t, V_Q5).fma(t, V_Q4).fma(t, V_Q3).fma(t, V_Q2).fma(t, V_Q1).fma(t, V_Q0);
        return q.mul(t);
    }

    /** 1 + erf(w) given exp(-w^2) (see {@link ElementwiseScalar#onePlusErf}). */
    private static FloatVector onePlusErf(FloatVector w, FloatVector expMinusW2) {
        FloatVector z = w.abs();
        FloatVector q = erfcScaled(z).mul(expMinusW2);
        FloatVector large = V_TWO.sub(q).blend(q, w.compare(VectorOperators.LT, V_ZERO));
        return large.blend(erfSmall(w).add(V_ONE), z.compare(VectorOperators.LT, V_ERF_SMALL_LIMIT));
    }

    private static FloatVector geluTanh(FloatVector x) {
        FloatVector u = x.mul(x).mul(x).mul(GELU_CUBIC).add(x).mul(SQRT_2_OVER_PI);
        FloatVector e = Transcendentals.exp(u.mul(-2f));
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
        int bound = S.loopBound(n);
        float[] e = new float[Math.min(BLOCK, bound)];
        for (int b = 0; b < bound; b += BLOCK) {
            int len = Math.min(BLOCK, bound - b);
            expMinusSquare(x, xOff + b, null, 0, 1f, e, len);
            erfFromExp(x, xOff + b, e, out, outOff + b, len);
        }
        ElementwiseScalar.erf(x, xOff + bound, out, outOff + bound, n - bound);
    }

    // ---------------------------------------------------------------- GELU

    public static void geluErf(float[] x, int xOff, float[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        float[] e = new float[Math.min(BLOCK, bound)];
        for (int b = 0; b < bound; b += BLOCK) {
            int len = Math.min(BLOCK, bound - b);
            expMinusSquare(x, xOff + b, null, 0, INV_SQRT2, e, len);
            geluErfFromExp(x, xOff + b, null, 0, e, out, outOff + b, len);
        }
        ElementwiseScalar.geluErf(x, xOff + bound, out, outOff + bound, n - bound);
    }

    public static void geluTanh(float[] x, int xOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L)
            geluTanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
        ElementwiseScalar.geluTanh(x, xOff + i, out, outOff + i, n - i);
    }

    /** dx += dy (Phi(x) + x phi(x)); see {@link ElementwiseScalar#geluErfBackwardAcc}. */
    public static void geluErfBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        int bound = S.loopBound(n);
        float[] e = new float[Math.min(BLOCK, bound)];
        for (int b = 0; b < bound; b += BLOCK) {
            int len = Math.min(BLOCK, bound - b);
            expMinusSquare(x, xOff + b, null, 0, INV_SQRT2, e, len);              // exp(-x^2 / 2)
            for (int j = 0; j < len; j += L) {
                FloatVector v = FloatVector.fromArray(S, x, xOff + b + j);
                FloatVector ej = FloatVector.fromArray(S, e, j);
                FloatVector cdf = onePlusErf(v.mul(V_INV_SQRT2), ej).mul(V_HALF);     // Phi(x)
                FloatVector grad = v.mul(V_INV_SQRT_2PI).fma(ej, cdf);
                int d = dxOff + b + j;
                FloatVector.fromArray(S, dy, dyOff + b + j).fma(grad, FloatVector.fromArray(S, dx, d)).intoArray(dx, d);
            }
        }
        ElementwiseScalar.geluErfBackwardAcc(x, xOff + bound, dy, dyOff + bound, dx, dxOff + bound, n - bound);
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
            FloatVector s = one.div(Transcendentals.exp(u.mul(-2f)).add(1f));
            FloatVector grad = v.mul(2f).mul(s).mul(one.sub(s)).fma(du, s);
            FloatVector.fromArray(S, dy, dyOff + i).fma(grad, FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
        ElementwiseScalar.geluTanhBackwardAcc(x, xOff + i, dy, dyOff + i, dx, dxOff + i, n - i);
    }

    public static void biasGelu(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols,
                                float[] out, int outOff, boolean tanhForm) {
        if (tanhForm) biasGeluTanh(x, xOff, bias, biasOff, rows, cols, out, outOff);
        else biasGeluErf(x, xOff, bias, biasOff, rows, cols, out, outOff);
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

    private static void biasGeluErf(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols,
                                    float[] out, int outOff) {
        int bound = S.loopBound(cols);
        float[] e = new float[Math.min(BLOCK, bound)];
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * cols, or = outOff + r * cols;
            for (int b = 0; b < bound; b += BLOCK) {
                int len = Math.min(BLOCK, bound - b);
                expMinusSquare(x, xr + b, bias, biasOff + b, INV_SQRT2, e, len);
                geluErfFromExp(x, xr + b, bias, biasOff + b, e, out, or + b, len);
            }
            ElementwiseScalar.biasGelu(x, xr + bound, bias, biasOff + bound, 1, cols - bound, out, or + bound, false);
        }
    }

    // ---------------------------------------------------------------- erf kernels, two sweeps per block
    // The erf kernels run in blocks of BLOCK elements, two sweeps each: first e = exp(-w^2) into a
    // scratch array, then the erfc/erf polynomials. One sweep doing both is too big for C2: past its
    // per-compilation node budget (NodeCountInliningCutoff, not settable in product JVMs) it stops
    // inlining mid-formula and boxes every intermediate vector on the heap, 2-3x slower.

    /** Scratch block length, a multiple of any vector length. */
    private static final int BLOCK = 256;

    /** e[j] = exp(-w^2) with w = (x[j] + bias[j]) * scale (no bias if null), over len (a multiple of L). */
    private static void expMinusSquare(float[] x, int xOff, float[] bias, int biasOff, float scale, float[] e, int len) {
        for (int j = 0; j < len; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j);
            if (bias != null) v = v.add(FloatVector.fromArray(S, bias, biasOff + j));
            FloatVector w = v.mul(scale);
            Transcendentals.exp(w.mul(w).neg()).intoArray(e, j);
        }
    }

    /** out = erf(x) given e = exp(-x^2); both branches for every lane, blended on |x| &lt; 0.75. */
    private static void erfFromExp(float[] x, int xOff, float[] e, float[] out, int outOff, int len) {
        for (int j = 0; j < len; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j);
            FloatVector z = v.abs();
            FloatVector q = erfcScaled(z).mul(FloatVector.fromArray(S, e, j));       // erfc(|x|)
            FloatVector large = V_ONE.sub(q).blend(q.sub(V_ONE), v.compare(VectorOperators.LT, V_ZERO));
            large.blend(erfSmall(v), z.compare(VectorOperators.LT, V_ERF_SMALL_LIMIT)).intoArray(out, outOff + j);
        }
    }

    /** out = 0.5 v (1 + erf(v / sqrt 2)), v = x + bias (no bias if null), given e = exp(-v^2 / 2). */
    private static void geluErfFromExp(float[] x, int xOff, float[] bias, int biasOff, float[] e,
                                       float[] out, int outOff, int len) {
        for (int j = 0; j < len; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j);
            if (bias != null) v = v.add(FloatVector.fromArray(S, bias, biasOff + j));
            FloatVector w = v.mul(V_INV_SQRT2);
            v.mul(V_HALF).mul(onePlusErf(w, FloatVector.fromArray(S, e, j))).intoArray(out, outOff + j);
        }
    }
}
