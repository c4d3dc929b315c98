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
}
