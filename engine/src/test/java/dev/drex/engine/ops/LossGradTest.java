package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** dropout, mseLoss, bceLoss and bceWithLogits. */
class LossGradTest {
    private static final int[][] SHAPES = {{1}, {7}, {3, 5}, {2, 1, 3}};

    @Test
    void dropoutWithAFixedSeed() {
        RandomGenerator rng = Init.rng(60);
        for (int[] s : SHAPES) {
            Tensor x = param(rng, -1, 1, s);
            float p = 0.3f;
            Tensor y = F.dropout(x, p, Init.rng(7), true);
            // the mask is the seeded draw sequence: kept iff u >= p, scaled by 1/(1-p)
            RandomGenerator replay = Init.rng(7);
            double[] expected = new double[x.size()];
            for (int i = 0; i < expected.length; i++) expected[i] = replay.nextFloat() >= p ? x.data()[i] / (1 - p) : 0;
            assertClose("dropout " + Arrays.toString(s), expected, y, 1e-6);
            GradCheck.check("dropout " + Arrays.toString(s), in -> F.dropout(in[0], p, Init.rng(7), true), x);
        }
        Tensor x = param(rng, -1, 1, 4, 4);
        GradCheck.check("dropout(x) * x", in -> F.mul(F.dropout(in[0], 0.5f, Init.rng(9), true), in[0]), x);
        assertSame(x, F.dropout(x, 0.5f, Init.rng(1), false), "identity when not training");
        assertSame(x, F.dropout(x, 0f, Init.rng(1), true), "identity when p == 0");
        assertThrows(IllegalArgumentException.class, () -> F.dropout(x, 1f, Init.rng(1), true));
        // the kept fraction is about 1 - p on a large tensor
        Tensor big = F.dropout(Tensor.full(1f, 100000), 0.25f, Init.rng(3), true);
        int kept = 0;
        for (float v : big.toArray()) if (v != 0f) kept++;
        assertEquals(0.75, kept / 100000.0, 0.01);
    }

    @Test
    void mseLoss() {
        RandomGenerator rng = Init.rng(61);
        for (int[] s : SHAPES) {
            Tensor p = param(rng, -1, 1, s), t = param(rng, -1, 1, s);
            double sum = 0;
            for (int i = 0; i < p.size(); i++) sum += Math.pow(p.data()[i] - t.data()[i], 2);
            assertEquals(sum / p.size(), F.mseLoss(p, t).item(), 1e-6);
            GradCheck.check("mseLoss " + Arrays.toString(s), in -> F.mseLoss(in[0], in[1]), p, t);
        }
        assertThrows(IllegalArgumentException.class, () -> F.mseLoss(Tensor.zeros(3), Tensor.zeros(4)));
    }

    @Test
    void bceLoss() {
        RandomGenerator rng = Init.rng(62);
        for (int[] s : SHAPES) {
            Tensor p = param(rng, 0.1, 0.9, s), t = param(rng, 0, 1, s);
            double sum = 0;
            for (int i = 0; i < p.size(); i++) {
                double pi = p.data()[i], ti = t.data()[i];
                sum -= ti * Math.log(pi) + (1 - ti) * Math.log(1 - pi);
            }
            assertEquals(sum / p.size(), F.bceLoss(p, t).item(), 1e-5);
            GradCheck.check("bceLoss " + Arrays.toString(s), in -> F.bceLoss(in[0], in[1]), p, t);
        }
        // the clamp keeps the loss finite at p = 0 and 1, with zero gradient there
        Tensor p = Tensor.vector(0f, 1f).requiresGrad(true);
        Tensor loss = F.bceLoss(p, Tensor.vector(1f, 0f));
        // p = 0 clamps to 1e-7f; p = 1 clamps to the float 1 - 1e-7 = 0.99999988, so 1 - q = 1.19e-7
        double expected = (-Math.log(1e-7f) - Math.log(1 - (double) (1f - 1e-7f))) / 2;
        assertEquals(expected, loss.item(), 1e-5, "logs of the clamped probabilities");
        loss.backward();
        assertArrayEquals(new float[] {0f, 0f}, p.grad());
    }

    @Test
    void bceWithLogitsIsStableAndMatchesBceOfSigmoid() {
        RandomGenerator rng = Init.rng(63);
        for (int[] s : SHAPES) {
            Tensor z = param(rng, -3, 3, s), t = param(rng, 0, 1, s);
            double sum = 0;
            for (int i = 0; i < z.size(); i++) {
                double sig = 1 / (1 + Math.exp(-z.data()[i])), ti = t.data()[i];
                sum -= ti * Math.log(sig) + (1 - ti) * Math.log(1 - sig);
            }
            assertEquals(sum / z.size(), F.bceWithLogits(z, t).item(), 1e-5);
            GradCheck.check("bceWithLogits " + Arrays.toString(s), in -> F.bceWithLogits(in[0], in[1]), z, t);
            GradCheck.check("bceLoss(sigmoid) " + Arrays.toString(s), in -> F.bceLoss(F.sigmoid(in[0]), in[1]), z, t);
        }
        // logits of +-100: no overflow, loss ~ |z| for the wrong label
        Tensor z = Tensor.vector(100f, -100f);
        assertEquals(100.0, F.bceWithLogits(z, Tensor.vector(0f, 1f)).item(), 1e-3);
        assertEquals(0.0, F.bceWithLogits(z, Tensor.vector(1f, 0f)).item(), 1e-6);
    }
}
