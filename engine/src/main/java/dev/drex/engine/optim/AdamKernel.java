package dev.drex.engine.optim;

import dev.drex.engine.kernels.Simd;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Adam update loop over one flat parameter, for {@code i < n}:
 *
 * <pre>
 *   m[i] = beta1 m[i] + oneMinusB1 g[i]
 *   v[i] = beta2 v[i] + oneMinusB2 g[i]^2
 *   w[off+i] = w[off+i] decay - stepSize m[i] / (sqrt(v[i]) invSqrtBc2 + eps)
 * </pre>
 *
 * Modifies {@code w}, {@code m}, {@code v}. {@link #simd} and {@link #scalar} do the same float operations
 * in the same order (no fused multiply-add), so they agree bit for bit; {@link #update} picks SIMD unless
 * {@code -Ddrex.simd=false}.
 */
final class AdamKernel {
    private static final VectorSpecies<Float> S = Simd.SPECIES;

    private AdamKernel() {}

    static void update(float[] w, int off, float[] g, float[] m, float[] v, int n, float beta1, float oneMinusB1,
            float beta2, float oneMinusB2, float eps, float stepSize, float invSqrtBc2, float decay) {
        if (Simd.ENABLED) {
            simd(w, off, g, m, v, n, beta1, oneMinusB1, beta2, oneMinusB2, eps, stepSize, invSqrtBc2, decay);
        } else {
            scalar(w, off, g, m, v, n, beta1, oneMinusB1, beta2, oneMinusB2, eps, stepSize, invSqrtBc2, decay);
        }
    }

    static void scalar(float[] w, int off, float[] g, float[] m, float[] v, int n, float beta1, float oneMinusB1,
            float beta2, float oneMinusB2, float eps, float stepSize, float invSqrtBc2, float decay) {
        scalarRange(w, off, g, m, v, 0, n, beta1, oneMinusB1, beta2, oneMinusB2, eps, stepSize, invSqrtBc2, decay);
    }

    static void simd(float[] w, int off, float[] g, float[] m, float[] v, int n, float beta1, float oneMinusB1,
            float beta2, float oneMinusB2, float eps, float stepSize, float invSqrtBc2, float decay) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += S.length()) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(gi.mul(oneMinusB1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(gi.mul(oneMinusB2).mul(gi));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector denom = vi.sqrt().mul(invSqrtBc2).add(eps);
            FloatVector wi = FloatVector.fromArray(S, w, off + i).mul(decay);
            wi.sub(mi.mul(stepSize).div(denom)).intoArray(w, off + i);
        }
        scalarRange(w, off, g, m, v, i, n, beta1, oneMinusB1, beta2, oneMinusB2, eps, stepSize, invSqrtBc2, decay);
    }

    /** The scalar loop over {@code [from, to)}: the whole scalar twin, and the SIMD loop's tail. */
    private static void scalarRange(float[] w, int off, float[] g, float[] m, float[] v, int from, int to, float beta1,
            float oneMinusB1, float beta2, float oneMinusB2, float eps, float stepSize, float invSqrtBc2, float decay) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + oneMinusB1 * gi;
            float vi = beta2 * v[i] + oneMinusB2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi) * invSqrtBc2 + eps;
            w[off + i] = w[off + i] * decay - stepSize * mi / denom;
        }
    }
}
