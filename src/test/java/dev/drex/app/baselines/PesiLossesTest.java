package dev.drex.app.baselines;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** PESI's auxiliary terms against direct double-precision formulas and finite differences. */
class PesiLossesTest {

    private static Tensor leaf(RandomGenerator rng, int... shape) {
        return Tensor.parameter("x", Init.uniform(rng, 1f, shape));
    }

    private static double cos(float[] x, int i, float[] y, int j, int d) {
        double dot = 0, nx = 0, ny = 0;
        for (int c = 0; c < d; c++) {
            dot += x[i * d + c] * (double) y[j * d + c];
            nx += x[i * d + c] * (double) x[i * d + c];
            ny += y[j * d + c] * (double) y[j * d + c];
        }
        return dot / Math.sqrt(nx) / Math.sqrt(ny);
    }

    @Test
    void contrastiveEqualsSymmetricInfoNceWithSameOwnerRowsMasked() {
        RandomGenerator rng = Init.rng(1);
        int n = 5, d = 3;
        float tau = 0.5f;
        int[] owners = {0, 1, 0, 2, 1};
        Tensor a = leaf(rng, n, d), b = leaf(rng, n, d);
        float[] x = a.toArray(), y = b.toArray();
        double expected = 0;
        for (int dir = 0; dir < 2; dir++) {
            for (int j = 0; j < n; j++) {
                double log = 0;
                for (int k = 0; k < n; k++) {
                    if (k != j && owners[k] == owners[j]) continue;
                    log += Math.exp((dir == 0 ? cos(x, j, y, k, d) : cos(y, j, x, k, d)) / tau);
                }
                expected -= cos(x, j, y, j, d) / tau - Math.log(log);
            }
        }
        expected /= 2 * n;
        assertEquals(expected, PesiLosses.contrastive(a, b, owners, tau).item(), 1e-5);
        GradCheck.of("contrastive").run(in -> PesiLosses.contrastive(in[0], in[1], owners, tau), a, b);
    }

    @Test
    void orthogonalityIsTheMeanSquaredCosine() {
        RandomGenerator rng = Init.rng(2);
        Tensor s = leaf(rng, 4, 3), p = leaf(rng, 4, 3);
        double expected = 0;
        for (int j = 0; j < 4; j++) expected += Math.pow(cos(s.toArray(), j, p.toArray(), j, 3), 2) / 4;
        assertEquals(expected, PesiLosses.orthogonality(s, p).item(), 1e-6);
        assertEquals(0.0, PesiLosses.orthogonality(Tensor.of(new float[] {1, 0}, 1, 2), Tensor.of(new float[] {0, 2}, 1, 2)).item(), 1e-7);
        GradCheck.of("orthogonality").run(in -> PesiLosses.orthogonality(in[0], in[1]), s, p);
    }

    @Test
    void attentionEntropyIsTheMeanSegmentEntropyEvenForLargeScores() {
        int[] starts = {0, 1, 4};
        float[] e = {0.3f, 1f, -2f, 0.5f, 200f, 199f};                  // a one-row segment (entropy 0) and scores exp would overflow
        double expected = 0;
        for (int s = 0; s < 3; s++) {
            int from = starts[s], to = s + 1 < 3 ? starts[s + 1] : e.length;
            double z = 0, h = 0;
            for (int j = from; j < to; j++) z += Math.exp(e[j] - 200.0);
            for (int j = from; j < to; j++) {
                double a = Math.exp(e[j] - 200.0) / z;
                h -= a * Math.log(a);
            }
            expected += h / 3;
        }
        Tensor scores = Tensor.parameter("e", Tensor.of(e, 6, 1));
        assertEquals(expected, PesiLosses.attentionEntropy(scores, starts).item(), 1e-5);
        Tensor small = Tensor.parameter("e", Tensor.of(new float[] {0.3f, 1f, -2f, 0.5f, 0.7f, -0.4f}, 6, 1));
        GradCheck.of("attention entropy").run(in -> PesiLosses.attentionEntropy(in[0], starts), small);
        // uniform scores: entropy log n per segment
        Tensor uniform = Tensor.of(new float[] {1, 1, 1, 1}, 4, 1);
        assertEquals(Math.log(4), PesiLosses.attentionEntropy(uniform, new int[] {0}).item(), 1e-6);
    }
}
