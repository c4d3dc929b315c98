package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The fused review attention against the engine's stacked attentionPool, its gradient check, and its kernels' scalar twins. */
class ReviewAttentionTest {

    private static float[] random(RandomGenerator rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rng.nextGaussian();
        return v;
    }

    @Test
    void kernelsEqualTheirScalarTwinsAtAwkwardSizes() {
        RandomGenerator rng = Init.rng(5);
        for (int n : new int[] {1, 3, 15, 17, 33, 768, 1001}) {
            float[] a = random(rng, n + 3), b = random(rng, n + 5);
            assertEquals(AttentionKernels.dotScalar(a, 3, b, 5, n), AttentionKernels.dot(a, 3, b, 5, n), 1e-5f * n, "dot n=" + n);
            float[] y1 = random(rng, n + 2), y2 = y1.clone();
            AttentionKernels.axpy(0.7f, a, 1, y1, 2, n);
            AttentionKernels.axpyScalar(0.7f, a, 1, y2, 2, n);
            assertArrayEquals(y2, y1, 1e-6f, "axpy n=" + n);
        }
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
