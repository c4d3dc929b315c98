package dev.drex.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link LayerNormScalar}. Three sweeps forward (sum, centered sum of squares,
 * normalise), two backward (row sums with dgamma/dbeta, then dx). Row sums are folded with
 * {@link Simd#sumLanes} (fixed order: the same bits interpreted or JIT-compiled); they are added in a
 * different order than the scalar twin's, so the twins agree to rounding. See {@link LayerNorm}.
 */
public final class LayerNormSimd {
    private LayerNormSimd() {}

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = S.length();

    public static void layerNorm(float[] x, int xOff, float[] gamma, int gOff, float[] beta, int bOff,
                                 float[] out, int outOff, int n, float eps, float[] stats, int statsOff) {
        int bound = S.loopBound(n), i = 0;
        // first pass: mean of the data shifted by x[0] (see LayerNorm)
        float shift = x[xOff];
        FloatVector acc = FloatVector.zero(S);
        for (; i < bound; i += L) acc = acc.add(FloatVector.fromArray(S, x, xOff + i).sub(shift));
        float mean = shift + (Simd.sumLanes(acc) + LayerNormScalar.shiftedSum(x, xOff + i, shift, n - i)) / n;
        // second pass: sum of squared deviations (two-pass variance, no E[x^2] - E[x]^2 cancellation)
        acc = FloatVector.zero(S);
        for (i = 0; i < bound; i += L) {
            FloatVector d = FloatVector.fromArray(S, x, xOff + i).sub(mean);
            acc = d.fma(d, acc);
        }
        float css = Simd.sumLanes(acc) + LayerNormScalar.centeredSumSquares(x, xOff + i, mean, n - i);
        float rstd = LayerNormScalar.rstd(css, n, eps);
        for (i = 0; i < bound; i += L) {
            FloatVector xhat = FloatVector.fromArray(S, x, xOff + i).sub(mean).mul(rstd);
            xhat.fma(FloatVector.fromArray(S, gamma, gOff + i), FloatVector.fromArray(S, beta, bOff + i))
                    .intoArray(out, outOff + i);
        }
        LayerNormScalar.normalize(x, xOff + i, mean, rstd, gamma, gOff + i, beta, bOff + i, out, outOff + i, n - i);
        if (stats != null) {
            stats[statsOff] = mean;
            stats[statsOff + 1] = rstd;
        }
    }

    public static void layerNormBackwardAcc(float[] x, int xOff, float[] gamma, int gOff, float[] dy, int dyOff,
                                            float mean, float rstd, float[] dx, int dxOff,
                                            float[] dgamma, int dgOff, float[] dbeta, int dbOff, int n) {
        int bound = S.loopBound(n), i = 0;
        FloatVector accG = FloatVector.zero(S), accGX = FloatVector.zero(S);
        for (; i < bound; i += L) {
            FloatVector xhat = FloatVector.fromArray(S, x, xOff + i).sub(mean).mul(rstd);
            FloatVector d = FloatVector.fromArray(S, dy, dyOff + i);
            FloatVector g = d.mul(FloatVector.fromArray(S, gamma, gOff + i));
            accG = accG.add(g);
            accGX = g.fma(xhat, accGX);
            if (dgamma != null) d.fma(xhat, FloatVector.fromArray(S, dgamma, dgOff + i)).intoArray(dgamma, dgOff + i);
            if (dbeta != null) d.add(FloatVector.fromArray(S, dbeta, dbOff + i)).intoArray(dbeta, dbOff + i);
        }
        float sumG = Simd.sumLanes(accG), sumGX = Simd.sumLanes(accGX);
        for (; i < n; i++) {                               // scalar tail of the first sweep
            float xhat = (x[xOff + i] - mean) * rstd;
            float d = dy[dyOff + i];
            float g = d * gamma[gOff + i];
            sumG += g;
            sumGX = Math.fma(g, xhat, sumGX);
            if (dgamma != null) dgamma[dgOff + i] = Math.fma(d, xhat, dgamma[dgOff + i]);
            if (dbeta != null) dbeta[dbOff + i] += d;
        }
        float meanG = sumG / n, meanGX = sumGX / n;
        FloatVector vrstd = FloatVector.broadcast(S, rstd);
        for (i = 0; i < bound; i += L) {
            FloatVector xhat = FloatVector.fromArray(S, x, xOff + i).sub(mean).mul(rstd);
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).mul(FloatVector.fromArray(S, gamma, gOff + i));
            FloatVector inner = g.sub(meanG).sub(xhat.mul(meanGX));
            vrstd.fma(inner, FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
        }
        LayerNormScalar.applyDx(x, xOff + i, gamma, gOff + i, dy, dyOff + i, mean, rstd, meanG, meanGX,
                dx, dxOff + i, n - i);
    }
}
