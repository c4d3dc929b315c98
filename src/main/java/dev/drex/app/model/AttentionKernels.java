package dev.drex.app.model;

import dev.drex.engine.kernels.Simd;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two loops of review attention ({@link ReviewAttention}), each a SIMD kernel with its scalar twin
 * (same signature, tested equal at awkward sizes). Float accumulation: the sums are over one lemma
 * vector (dim <= 1024 terms of size ~1/sqrt(dim)), where float's relative error ~1e-6 is far below what
 * training notices.
 */
final class AttentionKernels {
    private static final VectorSpecies<Float> S = Simd.SPECIES;

    private AttentionKernels() {}

    /** sum_i a[aOff+i] * b[bOff+i]. */
    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        if (!Simd.ENABLED) return dotScalar(a, aOff, b, bOff, n);
        FloatVector acc = FloatVector.zero(S);
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
        }
        // lanes summed in lane order, not with reduceLanes(ADD): its order is unspecified and differs between
        // the interpreter and C2, which would make the same run give different bits before and after warm-up
        float s = 0;
        for (int l = 0; l < S.length(); l++) s += acc.lane(l);
        for (; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    static float dotScalar(float[] a, int aOff, float[] b, int bOff, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    /** y[yOff+i] += alpha * x[xOff+i]. */
    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        if (!Simd.ENABLED) {
            axpyScalar(alpha, x, xOff, y, yOff, n);
            return;
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            FloatVector.fromArray(S, x, xOff + i).fma(va, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    static void axpyScalar(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }
}
