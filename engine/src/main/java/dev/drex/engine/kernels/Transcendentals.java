package dev.drex.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, log, tanh and sigmoid in float, built only from operations whose result IEEE 754 fixes to
 * the bit: +, -, *, /, fused multiply-add, min/max, comparisons and blends, and reinterpreting
 * float bits as int bits (plus integer add and shifts on those bits). Each function has a scalar
 * form and a {@link FloatVector} form that perform the same operations in the same order
 * ({@code Math.fma} in one is {@code FloatVector.fma} in the other), so
 * <ul>
 *   <li>the SIMD kernels and their scalar twins agree bit for bit, and</li>
 *   <li>the Vector API's Java fallback (interpreted or C1 code) and its C2 intrinsics agree bit for
 *       bit, so results do not depend on when the JIT compiles a kernel.</li>
 * </ul>
 * The Vector API's own {@code lanewise(EXP / LOG / TANH)} has neither property: C2 calls a SIMD
 * math library (SVML on x86), the fallback calls {@link Math} lane by lane, and they round differently.
 *
 * <p>Polynomials are minimax fits of the relative error made for this project (Lawson's iteratively
 * reweighted least squares in double against 40-digit references), then rounded to float.
 * Accuracy measured by {@code TranscendentalsTest}: about 1 ulp for exp, log and tanh, 2 for sigmoid.
 */
final class Transcendentals {
    private Transcendentals() {}

    // ---- exp: x = n ln2 + r, |r| <= ln2 / 2 (Cody & Waite reduction with a two-part ln 2);
    //      exp(r) = 1 + r + r^2 P(r), P of degree 4 (relative error 3.1e-9); exp(x) = 2^n exp(r).
    /** Below this exp(x) rounds to 0 (exp(-103.98) is half the smallest subnormal); clamping keeps n small. */
    static final float EXP_MIN_ARG = -104f;
    /** Above ln(Float.MAX_VALUE) = 88.72 exp(x) overflows; 89 still does, through 2^128. */
    static final float EXP_MAX_ARG = 89f;
    static final float LOG2E = 0x1.715476p+0f;
    /** ln 2 = LN2_HI + LN2_LO; LN2_HI is ln 2 rounded to float, so x - n LN2_HI is exact for the n that occur. */
    static final float LN2_HI = 0x1.62e430p-1f, LN2_LO = -0x1.05c610p-29f;
    /** 1.5 * 2^23: adding it rounds to an integer, and that integer is then the low bits of the float. */
    static final float ROUND_SHIFT = 0x1.8p23f;
    static final int ROUND_SHIFT_BITS = 0x4b400000;
    static final float E2 = 4.999999404e-01f, E3 = 1.666652113e-01f, E4 = 4.166838899e-02f,
            E5 = 8.368714713e-03f, E6 = 1.381454407e-03f;

    // ---- tanh: |x| < TANH_SMALL: tanh x = x (1 + x^2 T(x^2)), T of degree 4 (relative error 1.0e-9);
    //      otherwise tanh |x| = 1 - 2 / (exp(2|x|) + 1), which is >= 0.5 there, so the subtraction is benign.
    /** Just above ln(3) / 2 = 0.54931, where tanh = 0.5. */
    static final float TANH_SMALL = 0.5494f;
    static final float T0 = -3.333331645e-01f, T1 = 1.333259195e-01f, T2 = -5.385298282e-02f,
            T3 = 2.107465267e-02f, T4 = -6.278717425e-03f;

    // ---- log: x = 2^k m, m in [sqrt(1/2), sqrt(2)), f = m - 1 (exact); log x = k ln2 + f + f^2 L(f),
    //      L of degree 8 (relative error of log1p 4.1e-9). Subnormal x is first scaled by 2^23.
    static final int SQRT_HALF_BITS = 0x3f3504f3;
    static final float SUBNORMAL_SCALE = 0x1p23f, SUBNORMAL_EXPONENT = -23f;
    static final float L0 = -4.999998808e-01f, L1 = 3.333332539e-01f, L2 = -2.500158250e-01f,
            L3 = 2.000197470e-01f, L4 = -1.660907120e-01f, L5 = 1.418178827e-01f, L6 = -1.324304491e-01f,
            L7 = 1.290470362e-01f, L8 = -7.621970028e-02f;

    // ================================================================ scalar forms

    /** e^x; +Infinity above ~88.72, 0 below ~-103.97, subnormal in between, NaN for NaN. */
    static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_MIN_ARG), EXP_MAX_ARG);   // NaN stays NaN
        float shifted = Math.fma(xc, LOG2E, ROUND_SHIFT);
        float n = shifted - ROUND_SHIFT;                                // round(x / ln 2)
        float r = Math.fma(n, -LN2_HI, xc);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(E6, r, E5), r, E4), r, E3), r, E2);
        float y = Math.fma(p, r * r, r) + 1f;                           // exp(r)
        int ni = Float.floatToRawIntBits(shifted) - ROUND_SHIFT_BITS;   // n as an int
        int half = ni >> 1;                                             // 2^n = 2^half 2^(n-half), both normal
        float a = Float.intBitsToFloat((half + 127) << 23), b = Float.intBitsToFloat((ni - half + 127) << 23);
        return y * a * b;                                               // one rounding, also into subnormals
    }

    /** ln x; -Infinity for +-0, NaN for x &lt; 0 or NaN, +Infinity for +Infinity. */
    static float log(float x) {
        if (!(x >= 0f)) return Float.NaN;
        if (x == 0f) return Float.NEGATIVE_INFINITY;
        if (x == Float.POSITIVE_INFINITY) return Float.POSITIVE_INFINITY;
        boolean subnormal = x < Float.MIN_NORMAL;
        float xs = subnormal ? x * SUBNORMAL_SCALE : x;
        int bits = Float.floatToRawIntBits(xs) - SQRT_HALF_BITS;
        int k = bits >> 23;
        float f = Float.intBitsToFloat((bits & 0x007fffff) + SQRT_HALF_BITS) - 1f;
        float kf = (Float.intBitsToFloat(k + ROUND_SHIFT_BITS) - ROUND_SHIFT) + (subnormal ? SUBNORMAL_EXPONENT : 0f);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(L8, f, L7), f, L6), f, L5), f, L4);
        p = Math.fma(Math.fma(Math.fma(Math.fma(p, f, L3), f, L2), f, L1), f, L0);
        float log1p = Math.fma(f * f, p, f);
        return Math.fma(kf, LN2_HI, Math.fma(kf, LN2_LO, log1p));
    }

    /** tanh x; exactly +-1 for |x| &gt; ~9.01, NaN for NaN. */
    static float tanh(float x) {
        float ax = Math.abs(x);
        if (ax < TANH_SMALL) {
            float s = x * x;
            float p = Math.fma(Math.fma(Math.fma(Math.fma(T4, s, T3), s, T2), s, T1), s, T0);
            return x * Math.fma(s, p, 1f);                              // x (1 + x^2 T): tanh(-0) = -0
        }
        float t = 1f - 2f / (exp(2f * ax) + 1f);
        return x < 0f ? -t : t;
    }

    /**
     * 1 / (1 + e^-x), computed as e / (1 + e) for x &lt; 0 with e = e^-|x| (so tiny results keep their
     * relative accuracy down to the subnormals) and 1 / (1 + e) for x &gt;= 0; exactly 1 far right.
     */
    static float sigmoid(float x) {
        float e = exp(-Math.abs(x));
        return (x < 0f ? e : 1f) / (1f + e);
    }

    // ================================================================ vector forms (same steps)

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    // the constants as vectors (static finals: C2 folds them, where broadcasts inside the kernels cost IR nodes)
    private static final FloatVector V_EXP_MIN_ARG = FloatVector.broadcast(S, EXP_MIN_ARG);
    private static final FloatVector V_EXP_MAX_ARG = FloatVector.broadcast(S, EXP_MAX_ARG);
    private static final FloatVector V_LOG2E = FloatVector.broadcast(S, LOG2E);
    private static final FloatVector V_ROUND_SHIFT = FloatVector.broadcast(S, ROUND_SHIFT);
    private static final IntVector V_ROUND_SHIFT_BITS = IntVector.broadcast(S.withLanes(int.class), ROUND_SHIFT_BITS);
    private static final IntVector V_127 = IntVector.broadcast(S.withLanes(int.class), 127);
    private static final FloatVector V_NEG_LN2_HI = FloatVector.broadcast(S, -LN2_HI);
    private static final FloatVector V_NEG_LN2_LO = FloatVector.broadcast(S, -LN2_LO);
    private static final FloatVector V_LN2_HI = FloatVector.broadcast(S, LN2_HI);
    private static final FloatVector V_LN2_LO = FloatVector.broadcast(S, LN2_LO);
    private static final FloatVector V_E2 = FloatVector.broadcast(S, E2);
    private static final FloatVector V_E3 = FloatVector.broadcast(S, E3);
    private static final FloatVector V_E4 = FloatVector.broadcast(S, E4);
    private static final FloatVector V_E5 = FloatVector.broadcast(S, E5);
    private static final FloatVector V_E6 = FloatVector.broadcast(S, E6);
    private static final FloatVector V_T0 = FloatVector.broadcast(S, T0);
    private static final FloatVector V_T1 = FloatVector.broadcast(S, T1);
    private static final FloatVector V_T2 = FloatVector.broadcast(S, T2);
    private static final FloatVector V_T3 = FloatVector.broadcast(S, T3);
    private static final FloatVector V_T4 = FloatVector.broadcast(S, T4);
    private static final FloatVector V_L0 = FloatVector.broadcast(S, L0);
    private static final FloatVector V_L1 = FloatVector.broadcast(S, L1);
    private static final FloatVector V_L2 = FloatVector.broadcast(S, L2);
    private static final FloatVector V_L3 = FloatVector.broadcast(S, L3);
    private static final FloatVector V_L4 = FloatVector.broadcast(S, L4);
    private static final FloatVector V_L5 = FloatVector.broadcast(S, L5);
    private static final FloatVector V_L6 = FloatVector.broadcast(S, L6);
    private static final FloatVector V_L7 = FloatVector.broadcast(S, L7);
    private static final FloatVector V_L8 = FloatVector.broadcast(S, L8);
    private static final FloatVector V_ZERO = FloatVector.broadcast(S, 0f);
    private static final FloatVector V_ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector V_TWO = FloatVector.broadcast(S, 2f);

    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(V_EXP_MIN_ARG).min(V_EXP_MAX_ARG);
        FloatVector shifted = xc.fma(V_LOG2E, V_ROUND_SHIFT);
        FloatVector n = shifted.sub(V_ROUND_SHIFT);
        FloatVector r = n.fma(V_NEG_LN2_HI, xc);
        r = n.fma(V_NEG_LN2_LO, r);
        FloatVector p = V_E6.fma(r, V_E5).fma(r, V_E4).fma(r, V_E3).fma(r, V_E2);
        FloatVector y = p.fma(r.mul(r), r).add(V_ONE);
        IntVector ni = shifted.reinterpretAsInts().sub(V_ROUND_SHIFT_BITS);
        IntVector half = ni.lanewise(VectorOperators.ASHR, 1);
        FloatVector a = half.add(V_127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector b = ni.sub(half).add(V_127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return y.mul(a).mul(b);
    }

    static FloatVector log(FloatVector x) {
        VectorMask<Float> subnormal = x.compare(VectorOperators.LT, Float.MIN_NORMAL);
        FloatVector xs = x.blend(x.mul(SUBNORMAL_SCALE), subnormal);
        IntVector bits = xs.reinterpretAsInts().sub(SQRT_HALF_BITS);
        IntVector k = bits.lanewise(VectorOperators.ASHR, 23);
        FloatVector f = bits.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
        FloatVector kf = k.add(ROUND_SHIFT_BITS).reinterpretAsFloats().sub(ROUND_SHIFT)
                .add(V_ZERO.blend(SUBNORMAL_EXPONENT, subnormal));
        FloatVector p = V_L8.fma(f, V_L7).fma(f, V_L6).fma(f, V_L5).fma(f, V_L4);
        p = p.fma(f, V_L3).fma(f, V_L2).fma(f, V_L1).fma(f, V_L0);
        FloatVector log1p = f.mul(f).fma(p, f);
        FloatVector y = kf.fma(V_LN2_HI, kf.fma(V_LN2_LO, log1p));
        y = y.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        y = y.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f));
        return y.blend(Float.NaN, x.compare(VectorOperators.GE, 0f).not());
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector s = x.mul(x);
        FloatVector p = V_T4.fma(s, V_T3).fma(s, V_T2).fma(s, V_T1).fma(s, V_T0);
        FloatVector small = x.mul(s.fma(p, V_ONE));
        FloatVector t = V_ONE.sub(V_TWO.div(exp(ax.mul(2f)).add(1f)));
        FloatVector large = t.blend(t.neg(), x.compare(VectorOperators.LT, 0f));
        return large.blend(small, ax.compare(VectorOperators.LT, TANH_SMALL));
    }

    static FloatVector sigmoid(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        return V_ONE.blend(e, x.compare(VectorOperators.LT, V_ZERO)).div(V_ONE.add(e));
    }
}
