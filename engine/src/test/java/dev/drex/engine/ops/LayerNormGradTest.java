package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** layerNorm over the last axis: forward against a two-pass double reference, gradients of x, gamma, beta. */
class LayerNormGradTest {

    private static double[] naive(Tensor x, Tensor g, Tensor b, double eps) {
        int c = x.colCount(), rows = x.rowCount();
        double[] y = new double[x.size()];
        for (int r = 0; r < rows; r++) {
            double mean = 0, var = 0;
            for (int j = 0; j < c; j++) mean += x.data()[r * c + j];
            mean /= c;
            for (int j = 0; j < c; j++) var += Math.pow(x.data()[r * c + j] - mean, 2);
            var /= c; // biased, as PyTorch
            for (int j = 0; j < c; j++) y[r * c + j] = (x.data()[r * c + j] - mean) / Math.sqrt(var + eps) * g.data()[j] + b.data()[j];
        }
        return y;
    }

    @Test
    void layerNormMatchesReferenceAndFiniteDifferences() {
        RandomGenerator rng = Init.rng(40);
        int[][] shapes = {{5}, {3, 5}, {1, 7}, {2, 3, 4}, {4, 2}, {3, 1}};
        for (int[] s : shapes) {
            int c = s[s.length - 1];
            Tensor x = param(rng, -2, 2, s), g = param(rng, 0.5, 1.5, c), b = param(rng, -1, 1, c);
            float eps = 1e-5f;
            Tensor y = F.layerNorm(x, g, b, eps);
            String name = "layerNorm " + Arrays.toString(s);
            assertClose(name, naive(x, g, b, eps), y, 2e-5);
            if (c == 1) {
                // one feature: the output is beta whatever x is, so dx = 0 (and a large eps keeps it smooth)
                GradCheck.check(name, in -> F.layerNorm(in[0], in[1], in[2], 1e-2f), x, g, b);
            } else {
                GradCheck.check(name, in -> F.layerNorm(in[0], in[1], in[2], eps), x, g, b);
            }
        }
        // x constant (only the affine parameters), and x used twice
        Tensor xc = uniform(rng, -2, 2, 3, 4);
        GradCheck.check("layerNorm const x", in -> F.layerNorm(xc, in[0], in[1], 1e-5f), param(rng, 0.5, 1.5, 4), param(rng, -1, 1, 4));
        Tensor x = param(rng, -2, 2, 3, 4);
        Tensor g = param(rng, 0.5, 1.5, 4), b = param(rng, -1, 1, 4);
        GradCheck.check("layerNorm(x) * x", in -> F.mul(F.layerNorm(in[0], in[1], in[2], 1e-5f), in[0]), x, g, b);
        assertThrows(IllegalArgumentException.class, () -> F.layerNorm(Tensor.zeros(2, 3), Tensor.zeros(4), Tensor.zeros(3), 1e-5f));
    }

    @Test
    void largeMeanDoesNotCancel() {
        // two-pass variance: a row with mean 1e4 and spread 1e-1 still normalizes to unit variance
        Tensor x = Tensor.vector(10000.1f, 9999.9f, 10000.1f, 9999.9f);
        Tensor y = F.layerNorm(x, Tensor.full(1f, 4), Tensor.zeros(4), 0f);
        for (float v : y.toArray()) assertEquals(1.0, Math.abs(v), 1e-3);
    }

    @Test
    void parallelBackwardSumsChunkPartials() {
        // 512 x 128 crosses the parallel threshold; compare with the same rows run as one small batch each
        RandomGenerator rng = Init.rng(41);
        Tensor x = param(rng, -2, 2, 512, 128), g = param(rng, 0.5, 1.5, 128), b = param(rng, -1, 1, 128);
        Tensor w = uniform(rng, -1, 1, 512, 128);
        F.sum(F.mul(F.layerNorm(x, g, b, 1e-5f), w)).backward();
        double[] dg = new double[128];
        double[] db = new double[128];
        for (int r = 0; r < 512; r++)
            for (int j = 0; j < 128; j++) db[j] += w.data()[r * 128 + j];
        for (int j = 0; j < 128; j++) assertEquals(db[j], b.grad()[j], 1e-3 * (1 + Math.abs(db[j])), "dbeta " + j);
        Tensor y0 = F.layerNorm(x.detach(), Tensor.full(1f, 128), Tensor.zeros(128), 1e-5f); // xhat
        for (int r = 0; r < 512; r++)
            for (int j = 0; j < 128; j++) dg[j] += (double) w.data()[r * 128 + j] * y0.data()[r * 128 + j];
        for (int j = 0; j < 128; j++) assertEquals(dg[j], g.grad()[j], 1e-3 * (1 + Math.abs(dg[j])), "dgamma " + j);
    }
}
