package dev.drex.app.baselines;

import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmfTest {

    /**
     * The tiny matrix by hand. Norms: |u0| = sqrt(41), |u1| = sqrt(20), |u2| = sqrt(35).
     * sim(u0,u1) = 5*4 / sqrt(41*20) = 0.698; sim(u0,u2) = 4*3 / sqrt(41*35) = 0.317; sim(u1,u2) = 2*1 / sqrt(20*35) = 0.076.
     * k = 1: N(u0) = {u1}, N(u1) = {u0}, N(u2) = {u0} (0.317 > 0.076).
     * W with k = 1: u0 -> items of u1 {i0, i2}; u1 -> items of u0 {i0, i1}; u2 -> {i0, i1}; every count 1, W = 1.
     * k = 2: N(u0) = {u1, u2}; u0's counts: i0 1, i1 1, i2 2, i3 1 -> W = 0.5, 0.5, 1, 0.5; theta 0.5 keeps only i2.
     */
    @Test
    void neighboursAndWeightsByHand() {
        TrainMatrix m = BaselineTestData.tiny();
        ExplainabilityGraph g1 = ExplainabilityGraph.build(m, 1, 0);
        assertArrayEquals(new int[] {1}, g1.neighbours(0));
        assertArrayEquals(new int[] {0}, g1.neighbours(1));
        assertArrayEquals(new int[] {0}, g1.neighbours(2));
        assertEquals(6, g1.size());
        assertEquals(1f, g1.weight(0, 2));
        assertEquals(0f, g1.weight(0, 1));
        assertEquals(1f, g1.weight(2, 1));
        assertEquals(0f, g1.weight(2, 3));      // u2's own item, not rated by its neighbour

        ExplainabilityGraph g2 = ExplainabilityGraph.build(m, 2, 0);
        assertArrayEquals(new int[] {1, 2}, g2.neighbours(0));
        assertEquals(0.5f, g2.weight(0, 0));
        assertEquals(1f, g2.weight(0, 2));
        assertEquals(0.5f, g2.weight(0, 3));
        assertEquals(2, g2.neighboursWhoRated(0, 2));
        assertEquals("2 of your 2 most similar users rated this item", g2.explain(0, 2));
        assertEquals("1 of your 2 most similar users rated this item", g2.explain(0, 3));

        ExplainabilityGraph strict = ExplainabilityGraph.build(m, 2, 0.5);   // W must be > 0.5
        assertEquals(1f, strict.weight(0, 2));
        assertEquals(0f, strict.weight(0, 0));
        assertNull(strict.explain(0, 0));
        // pair enumeration agrees with the lookups
        for (int e = 0; e < g2.size(); e++) assertEquals(g2.weight(e), g2.weight(g2.user(e), g2.item(e)));
        assertThrows(IllegalArgumentException.class, () -> ExplainabilityGraph.build(m, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ExplainabilityGraph.build(m, 2, 1));
    }

    @Test
    void predictEqualsTheAutodiffForward() {
        for (boolean biased : new boolean[] {false, true}) {
            Emf emf = new Emf(3, 4, 5, biased, 3.5f, 0.5f, Init.rng(2));
            if (biased) {
                Arrays.fill(emf.parameterAt("userBias").data(), 0.3f);
                emf.parameterAt("itemBias").data()[2] = -0.7f;
            }
            int[] users = {0, 1, 2, 2, 0};
            int[] items = {3, 2, 1, 2, 0};
            assertArrayEquals(emf.forward(users, items).toArray(), emf.predict(users, items), 1e-5f);
            double dot = 0;
            for (int c = 0; c < 5; c++) dot += emf.parameterAt("userFactors").get(1, c) * emf.parameterAt("itemFactors").get(2, c);
            assertEquals(biased ? 3.5 + 0.3 - 0.7 + dot : dot, emf.predict(users, items)[1], 1e-5);
        }
    }

    /** The whole batch loss (errors, L2, explainability over W pairs incl. unrated ones) against finite differences, every parameter. */
    @Test
    void gradientCheckOfTheBatchLoss() {
        TrainMatrix m = BaselineTestData.tiny();
        ExplainabilityGraph g = ExplainabilityGraph.build(m, 2, 0);
        int[] wUsers = new int[g.size()];
        int[] wItems = new int[g.size()];
        float[] w = new float[g.size()];
        for (int e = 0; e < g.size(); e++) {
            wUsers[e] = g.user(e);
            wItems[e] = g.item(e);
            w[e] = g.weight(e);
        }
        int[] users = {0, 0, 1, 2, 2};
        int[] items = {0, 1, 2, 1, 3};
        float[] ratings = {5, 4, 2, 3, 5};
        for (boolean biased : new boolean[] {false, true}) {
            Emf emf = new Emf(3, 4, 3, biased, 3.4f, 0.5f, Init.rng(7));
            if (biased) {
                float[] bu = emf.parameterAt("userBias").data();
                for (int j = 0; j < bu.length; j++) bu[j] = 0.1f * (j - 1);
            }
            Tensor[] params = emf.parameters().toArray(new Tensor[0]);
            GradCheck.Result r = GradCheck.check("EMF batch loss" + (biased ? " (biased)" : ""),
                    in -> emf.batchLoss(users, items, ratings, wUsers, wItems, w, 0.3, 0.8), params);
            assertEquals(emf.parameterCount(), r.elements());
        }
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        Split split = Splitter.random(BaselineTestData.synthetic(3, 60, 40), 0.8, 0.1, 1);
        EmfTrainer.Config config = EmfTrainer.Config.defaults().withDim(8).withEpochs(3, 0, 10);
        int[] users = {0, 1, 2, 3};
        int[] items = {0, 1, 2, 3};
        float[] a = EmfTrainer.train(split, config.withSeed(1), null).model().predict(users, items);
        float[] b = EmfTrainer.train(split, config.withSeed(1), null).model().predict(users, items);
        float[] c = EmfTrainer.train(split, config.withSeed(2), null).model().predict(users, items);
        assertArrayEquals(a, b, 0);
        assertFalse(Arrays.equals(a, c));
    }

    /** Best weights restored; the explainability term pulls p_u towards q_i on explainable pairs. */
    @Test
    void restoresTheBestEpochAndTheGraphTermClosesTheGap() {
        Split split = Splitter.random(BaselineTestData.synthetic(4, 80, 50), 0.8, 0.1, 1);
        EmfTrainer.Config config = EmfTrainer.Config.defaults().withDim(8).withBeta(1).withEpochs(15, 0, 5);
        EmfTrainer.Result plain = EmfTrainer.train(split, config.withLambda(0), null);
        EmfTrainer.Result pulled = EmfTrainer.train(split, config.withLambda(50), null);
        double best = plain.history().stream().mapToDouble(EmfTrainer.Epoch::validationRmse).min().orElseThrow();
        assertEquals(best, plain.bestValidationRmse(), 0);
        assertEquals(best, TrainingSupport.rmse(plain.model().predict(users(split, split.validation()), items(split, split.validation())),
                split.dataset(), split.validation()), 1e-6);
        assertTrue(gap(pulled) < 0.5 * gap(plain), "mean W ||p - q||^2: lambda 50 " + gap(pulled) + " vs lambda 0 " + gap(plain));
    }

    private static double gap(EmfTrainer.Result r) {
        ExplainabilityGraph g = r.graph();
        Tensor p = r.model().parameterAt("userFactors");
        Tensor q = r.model().parameterAt("itemFactors");
        double s = 0;
        for (int e = 0; e < g.size(); e++) {
            for (int c = 0; c < p.dim(1); c++) {
                double d = p.get(g.user(e), c) - q.get(g.item(e), c);
                s += g.weight(e) * d * d;
            }
        }
        return s / g.size();
    }

    static int[] users(Split split, int[] indices) {
        return Arrays.stream(indices).map(k -> split.dataset().user(k)).toArray();
    }

    static int[] items(Split split, int[] indices) {
        return Arrays.stream(indices).map(k -> split.dataset().item(k)).toArray();
    }
}
