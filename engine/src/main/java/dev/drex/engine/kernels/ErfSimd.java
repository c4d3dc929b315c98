package dev.drex.engine.kernels;

import static dev.drex.engine.kernels.ElementwiseScalar.ERF_SMALL_LIMIT;
import static dev.drex.engine.kernels.ElementwiseScalar.INV_SQRT2;
import static dev.drex.engine.kernels.ElementwiseScalar.INV_SQRT_2PI;
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
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernels built on erf (erf, GELU erf form forward and backward, fused bias + GELU), for
 * {@link ElementwiseSimd}. Each performs the float operations of its scalar twin in
 * {@link ElementwiseScalar} in the same order, so the twins agree bit for bit.
 *
 * <p>Why three sweeps per block. exp (27 vector operations, {@link Transcendentals}) plus the erf
 * polynomials (about 30 more) are too much for one C2 compilation: the Vector API costs about 400 IR
 * nodes per operation at parse time, and past 18,000 nodes (NodeCountInliningCutoff, not settable in
 * a product JVM) C2 stops inlining mid-formula and boxes every intermediate vector on the heap, 2-3x
 * slower. So each kernel runs over blocks of {@link #BLOCK} elements in three sweeps through a scratch
 * array e: w^2 negated, exp in place, then the polynomials. The sweeps are called through one
 * interface call site that sees at least three receiver classes, which C2 never inlines: each sweep
 * is compiled on its own and stays well under the limit, whoever calls the kernel.
 */
final class ErfSimd {
    private ErfSimd() {}

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = S.length();
    /** Scratch block length, a multiple of any vector length. */
    private static final int BLOCK = 256;

    // constants as vectors: a static final costs C2 no IR nodes, a broadcast per use does
    private static final FloatVector V_P0 = FloatVector.broadcast(S, P0), V_P1 = FloatVector.broadcast(S, P1),
            V_P2 = FloatVector.broadcast(S, P2), V_P3 = FloatVector.broadcast(S, P3),
            V_P4 = FloatVector.broadcast(S, P4), V_P5 = FloatVector.broadcast(S, P5);
    private static final FloatVector V_Q0 = FloatVector.broadcast(S, Q0), V_Q1 = FloatVector.broadcast(S, Q1),
            V_Q2 = FloatVector.broadcast(S, Q2), V_Q3 = FloatVector.broadcast(S, Q3),
            V_Q4 = FloatVector.broadcast(S, Q4), V_Q5 = FloatVector.broadcast(S, Q5),
            V_Q6 = FloatVector.broadcast(S, Q6), V_Q7 = FloatVector.broadcast(S, Q7);
    private static final FloatVector V_ZERO = FloatVector.zero(S), V_HALF = FloatVector.broadcast(S, 0.5f),
            V_ONE = FloatVector.broadcast(S, 1f), V_TWO = FloatVector.broadcast(S, 2f),
            V_ERF_SMALL_LIMIT = FloatVector.broadcast(S, ERF_SMALL_LIMIT),
            V_INV_SQRT2 = FloatVector.broadcast(S, INV_SQRT2), V_INV_SQRT_2PI = FloatVector.broadcast(S, INV_SQRT_2PI);

    /** erf(x) = x P(x^2), valid for |x| &lt; 0.75 (see {@link ElementwiseScalar#erfSmall}). */
    private static FloatVector erfSmall(FloatVector x) {
        FloatVector s = x.mul(x);
        return x.mul(V_P5.fma(s, V_P4).fma(s, V_P3).fma(s, V_P2).fma(s, V_P1).fma(s, V_P0));
    }

    /** erfc(z) exp(z^2) = t Q(t), t = 1 / (1 + z/2), valid for z &gt;= 0.75 (see {@link ElementwiseScalar#erfcScaled}). */
    private static FloatVector erfcScaled(FloatVector z) {
        FloatVector t = V_ONE.div(z.fma(V_HALF, V_ONE));
        return V_Q7.fma(t, V_Q6).fma(t, V_Q5).fma(t, V_Q4).fma(t, V_Q3).fma(t, V_Q2).fma(t, V_Q1).fma(t, V_Q0).mul(t);
    }

    /** 1 + erf(w) given exp(-w^2) (see {@link ElementwiseScalar#onePlusErf}); both pieces, blended. */
    private static FloatVector onePlusErf(FloatVector w, FloatVector expMinusW2) {
        FloatVector z = w.abs();
        FloatVector q = erfcScaled(z).mul(expMinusW2);
        FloatVector large = V_TWO.sub(q).blend(q, w.compare(VectorOperators.LT, V_ZERO));
        return large.blend(erfSmall(w).add(V_ONE), z.compare(VectorOperators.LT, V_ERF_SMALL_LIMIT));
    }

    /**
     * One sweep over a block of len elements (a multiple of L): x and y (bias or dy, unused by some
     * sweeps) from their offsets, e from 0, out from outOff.
     */
    private interface Sweep {
        void run(float[] x, int xOff, float[] y, int yOff, float[] e, float[] out, int outOff, int len);
    }

    /** e = -x^2 (erf). */
    private static final Sweep MINUS_SQUARE = (x, xOff, y, yOff, e, out, outOff, len) -> {
        for (int j = 0; j < len; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j);
            v.mul(v).neg().intoArray(e, j);
        }
    };

    /** e = -w^2, w = x / sqrt 2 (GELU). */
    private static final Sweep MINUS_HALF_SQUARE = (x, xOff, y, yOff, e, out, outOff, len) -> {
        for (int j = 0; j < len; j += L) {
            FloatVector w = FloatVector.fromArray(S, x, xOff + j).mul(V_INV_SQRT2);
            w.mul(w).neg().intoArray(e, j);
        }
    };

    /** e = -w^2, w = (x + bias) / sqrt 2 (fused bias + GELU). */
    private static final Sweep BIAS_MINUS_HALF_SQUARE = (x, xOff, bias, biasOff, e, out, outOff, len) -> {
        for (int j = 0; j < len; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j).add(FloatVector.fromArray(S, bias, biasOff + j));
            FloatVector w = v.mul(V_INV_SQRT2);
            w.mul(w).neg().intoArray(e, j);
        }
    };

    /** e = exp(e), in place. */
    private static final Sweep EXP = (x, xOff, y, yOff, e, out, outOff, len) -> {
        for (int j = 0; j < len; j += L) Transcendentals.exp(FloatVector.fromArray(S, e, j)).intoArray(e, j);
    };

    /** out = erf(x) given e = exp(-x^2). */
    private static final Sweep ERF = (x, xOff, y, yOff, e, out, outOff, len) -> {
        for (int j = 0; j < len; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j);
            FloatVector z = v.abs();
            FloatVector q = erfcScaled(z).mul(FloatVector.fromArray(S, e, j));          // erfc(|x|)
            FloatVector large = V_ONE.sub(q).blend(q.sub(V_ONE), v.compare(VectorOperators.LT, V_ZERO));
            large.blend(erfSmall(v), z.compare(VectorOperators.LT, V_ERF_SMALL_LIMIT)).intoArray(out, outOff + j);
        }
    };

    /** out = 0.5 x (1 + erf(x / sqrt 2)) given e = exp(-x^2 / 2). */
    private static final Sweep GELU = (x, xOff, y, yOff, e, out, outOff, len) -> {
        for (int j = 0; j < len; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j);
            v.mul(V_HALF).mul(onePlusErf(v.mul(V_INV_SQRT2), FloatVector.fromArray(S, e, j))).intoArray(out, outOff + j);
        }
    };

    /** out = gelu(x + bias) given e = exp(-(x + bias)^2 / 2). */
    private static final Sweep BIAS_GELU = (x, xOff, bias, biasOff, e, out, outOff, len) -> {
        for (int j = 0; j < len; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j).add(FloatVector.fromArray(S, bias, biasOff + j));
            v.mul(V_HALF).mul(onePlusErf(v.mul(V_INV_SQRT2), FloatVector.fromArray(S, e, j))).intoArray(out, outOff + j);
        }
    };

    /** dx += dy (Phi(x) + x phi(x)) given e = exp(-x^2 / 2); dy is y, dx is out. */
    private static final Sweep GELU_BACKWARD = (x, xOff, dy, dyOff, e, dx, dxOff, len) -> {
        for (int j = 0; j < len; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j);
            FloatVector ej = FloatVector.fromArray(S, e, j);
            FloatVector cdf = onePlusErf(v.mul(V_INV_SQRT2), ej).mul(V_HALF);             // Phi(x)
            FloatVector grad = v.mul(V_INV_SQRT_2PI).fma(ej, cdf);
            FloatVector.fromArray(S, dy, dyOff + j).fma(grad, FloatVector.fromArray(S, dx, dxOff + j)).intoArray(dx, dxOff + j);
        }
    };

    private static final Sweep[] ERF_SWEEPS = {MINUS_SQUARE, EXP, ERF};
    private static final Sweep[] GELU_SWEEPS = {MINUS_HALF_SQUARE, EXP, GELU};
    private static final Sweep[] BIAS_GELU_SWEEPS = {BIAS_MINUS_HALF_SQUARE, EXP, BIAS_GELU};
    private static final Sweep[] GELU_BACKWARD_SWEEPS = {MINUS_HALF_SQUARE, EXP, GELU_BACKWARD};

    /** Runs the sweeps block by block over the first bound elements (a multiple of L); returns nothing, allocates e once. */
    private static void run(Sweep[] sweeps, float[] x, int xOff, float[] y, int yOff, float[] e,
                            float[] out, int outOff, int bound) {
        for (int b = 0; b < bound; b += BLOCK) {
            int len = Math.min(BLOCK, bound - b);
            for (Sweep sweep : sweeps) sweep.run(x, xOff + b, y, yOff + b, e, out, outOff + b, len);
        }
    }

    private static float[] scratch(int bound) {
        return new float[Math.min(BLOCK, bound)];
    }

    static void erf(float[] x, int xOff, float[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        run(ERF_SWEEPS, x, xOff, null, 0, scratch(bound), out, outOff, bound);
        ElementwiseScalar.erf(x, xOff + bound, out, outOff + bound, n - bound);
    }

    static void geluErf(float[] x, int xOff, float[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        run(GELU_SWEEPS, x, xOff, null, 0, scratch(bound), out, outOff, bound);
        ElementwiseScalar.geluErf(x, xOff + bound, out, outOff + bound, n - bound);
    }

    static void geluErfBackwardAcc(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
        int bound = S.loopBound(n);
        run(GELU_BACKWARD_SWEEPS, x, xOff, dy, dyOff, scratch(bound), dx, dxOff, bound);
        ElementwiseScalar.geluErfBackwardAcc(x, xOff + bound, dy, dyOff + bound, dx, dxOff + bound, n - bound);
    }

    static void biasGeluErf(float[] x, int xOff, float[] bias, int biasOff, int rows, int cols, float[] out, int outOff) {
        int bound = S.loopBound(cols);
        float[] e = scratch(bound);
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * cols, or = outOff + r * cols;
            run(BIAS_GELU_SWEEPS, x, xr, bias, biasOff, e, out, or, bound);
            ElementwiseScalar.biasGelu(x, xr + bound, bias, biasOff + bound, 1, cols - bound, out, or + bound, false);
        }
    }
}
