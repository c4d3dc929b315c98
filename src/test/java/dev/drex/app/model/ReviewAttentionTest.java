package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drex.app.features.ReviewVectors;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The fused review attention against the engine's stacked attentionPool, its gradient check, and the same bits from arrays and from ReviewVectors. */
class ReviewAttentionTest {

    private static float[] random(RandomGenerator rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rng.nextGaussian();
        return v;
    }

    @Test
    void readingThroughReviewVectorsGivesTheSameBitsAsArrays() {
        RandomGenerator rng = Init.rng(4);
        int dim = 33;
        int[] rows = {2, 7, 1, 40, 3, 9, 5, 11, 4, 6};
        float[][] mats = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) mats[r] = random(rng, rows[r] * dim);
        ReviewVectors source = new ReviewVectors() {
            public int dim() {
                return dim;
            }

            public LemmaMatrix get(int k) {
                return new LemmaMatrix(new String[rows[k]], mats[k], dim);
            }
        };
        int[] ks = new int[rows.length];
        for (int r = 0; r < ks.length; r++) ks[r] = r;
        float[] u = random(rng, dim), seed = random(rng, rows.length * dim);
        Tensor u1 = Tensor.parameter("u", Tensor.of(u.clone(), dim)), u2 = Tensor.parameter("u", Tensor.of(u.clone(), dim));
        Tensor viaArrays = ReviewAttention.apply(u1, mats, rows, dim), viaSource = ReviewAttention.apply(u2, source, ks, dim);
        assertArrayEquals(viaArrays.toArray(), viaSource.toArray(), 0f);
        viaArrays.backward(seed);
        viaSource.backward(seed);
        assertArrayEquals(u1.grad(), u2.grad(), 0f);
    }

    @Test
    void equalsTheEnginesAttentionPoolOverStackedRows() {
        RandomGenerator rng = Init.rng(9);
        int dim = 17;
        int[] rows = {1, 4, 9, 2, 30, 5, 7, 3, 1, 12, 6};
        float[][] mats = new float[rows.length][];
        int total = 0;
        for (int r = 0; r < rows.length; r++) {
            mats[r] = random(rng, rows[r] * dim);
            total += rows[r];
        }
        Tensor h = Tensor.zeros(total, dim);
        int[] starts = new int[rows.length];
        for (int r = 0, at = 0; r < rows.length; r++) {
            starts[r] = at;
            System.arraycopy(mats[r], 0, h.data(), at * dim, mats[r].length);
            at += rows[r];
        }
        Tensor u1 = Tensor.parameter("u", Tensor.of(random(rng, dim), 1, dim)), u2 = Tensor.parameter("u", u1);
        Tensor fused = ReviewAttention.apply(u1, mats, rows, dim);
        Tensor reference = F.attentionPool(h, F.matmul(h, u2, false, true), starts);
        assertArrayEquals(reference.toArray(), fused.toArray(), 1e-5f);
        float[] seed = random(rng, fused.size());
        fused.backward(seed);
        reference.backward(seed);
        assertArrayEquals(u2.grad(), u1.grad(), 1e-4f);
        float[] a = ReviewAttention.weights(u1.toArray(), mats[4], rows[4], dim);
        float sum = 0;
        for (float v : a) sum += v;
        assertEquals(1f, sum, 1e-6f);
    }

    @Test
    void gradientCheck() {
        RandomGenerator rng = Init.rng(2);
        int dim = 5;
        int[] rows = {3, 1, 4};
        float[][] mats = {random(rng, 15), random(rng, 5), random(rng, 20)};
        Tensor u = Tensor.parameter("u", Tensor.of(random(rng, dim), dim));
        GradCheck.check("reviewAttention", in -> ReviewAttention.apply(in[0], mats, rows, dim), u);
    }

    // ------------------------------------------------------------ the implementation before the speed work

    /** The earlier AttentionKernels.dot: lane-partial fused sums over whole vectors, lanes added in order, tail. */
    private static float previousDot(float[] a, int aOff, float[] b, int bOff, int n) {
        int lanes = dev.drex.engine.kernels.Simd.SPECIES.length(), bound = n - n % lanes;
        float[] acc = new float[lanes];
        for (int i = 0; i < bound; i++) acc[i % lanes] = Math.fma(a[aOff + i], b[bOff + i], acc[i % lanes]);
        float s = 0;
        for (float v : acc) s += v;
        for (int i = bound; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    /** The earlier AttentionKernels.axpy: fused over whole vectors, unfused in the tail. */
    private static void previousAxpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int lanes = dev.drex.engine.kernels.Simd.SPECIES.length(), bound = n - n % lanes;
        for (int i = 0; i < bound; i++) y[yOff + i] = Math.fma(x[xOff + i], alpha, y[yOff + i]);
        for (int i = bound; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    /** The earlier ReviewAttention forward and backward of one review, statement for statement. */
    private static void previousPoolAndBackward(float[] u, float[] h, int n, int dim, float[] dp, float[] p, float[] du) {
        float[] a = new float[n];
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            a[j] = previousDot(u, 0, h, j * dim, dim);
            max = Math.max(max, a[j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            float e = (float) Math.exp(a[j] - max);
            a[j] = e;
            sum += e;
        }
        float inv = (float) (1 / sum);
        for (int j = 0; j < n; j++) {
            a[j] *= inv;
            previousAxpy(a[j], h, j * dim, p, 0, dim);
        }
        float[] g = new float[n];
        float gbar = 0;
        for (int t = 0; t < n; t++) {
            g[t] = previousDot(dp, 0, h, t * dim, dim);
            gbar += a[t] * g[t];
        }
        for (int t = 0; t < n; t++) previousAxpy(a[t] * (g[t] - gbar), h, t * dim, du, 0, dim);
    }

    /** The engine kernel gives the bits of the code it replaced, review by review (one chunk: reviews in order). */
    @Test
    void equalsThePreviousImplementationBitForBit() {
        RandomGenerator rng = Init.rng(6);
        for (int dim : new int[] {1, 3, 17, 33, 384, 1031}) {
            for (int n : new int[] {1, 3, 4, 7, 52}) {
                float[] h = random(rng, n * dim), u = random(rng, dim), dp = random(rng, dim);
                for (int i = 0; i < dim; i++) u[i] /= (float) Math.sqrt(dim);
                float[] p0 = new float[dim], du0 = new float[dim];
                previousPoolAndBackward(u, h, n, dim, dp, p0, du0);
                Tensor ut = Tensor.parameter("u", Tensor.of(u.clone(), dim));
                Tensor p = ReviewAttention.apply(ut, new float[][] {h}, new int[] {n}, dim);
                p.backward(dp.clone());
                String at = "dim " + dim + " n " + n;
                for (int i = 0; i < dim; i++) {
                    assertEquals(Float.floatToRawIntBits(p0[i]), Float.floatToRawIntBits(p.data()[i]), "pooled[" + i + "] " + at);
                    assertEquals(Float.floatToRawIntBits(du0[i]), Float.floatToRawIntBits(ut.grad()[i]), "du[" + i + "] " + at);
                }
            }
        }
    }
}
