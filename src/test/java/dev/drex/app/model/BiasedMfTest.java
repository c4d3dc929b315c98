package dev.drex.app.model;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Review;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.ErrorMetrics;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasedMfTest {

    @Test
    void predictEqualsTheAutodiffForward() {
        BiasedMf mf = new BiasedMf(7, 5, 3, 3.7f, 0.5f, Init.rng(3));
        // give the biases values too (they start at 0)
        Random random = new Random(4);
        for (String name : new String[] {"userBias", "itemBias"}) {
            float[] b = mf.parameterAt(name).data();
            for (int j = 0; j < b.length; j++) b[j] = (float) random.nextGaussian();
        }
        int[] users = {0, 6, 3, 3, 1};
        int[] items = {4, 0, 2, 2, 1};
        assertArrayEquals(mf.forward(users, items).toArray(), mf.predict(users, items), 1e-5f);
        // by hand for pair 0: mu + b_u + b_i + p_u . q_i
        Tensor p = mf.parameterAt("userFactors");
        Tensor q = mf.parameterAt("itemFactors");
        double dot = 0;
        for (int c = 0; c < 3; c++) dot += p.get(0, c) * q.get(4, c);
        assertEquals(3.7 + mf.parameterAt("userBias").get(0, 0) + mf.parameterAt("itemBias").get(4, 0) + dot, mf.predict(users, items)[0], 1e-5);
    }

    @Test
    void gradientsByHand() {
        // L = sum_b rhat_b over pairs (0, 1), (0, 2): dL/db_0 = 2, dL/db_i = 1 each, dL/dp_0 = q_1 + q_2, dL/dq_1 = p_0
        BiasedMf mf = new BiasedMf(2, 3, 4, 0f, 0.3f, Init.rng(8));
        F.sum(mf.forward(new int[] {0, 0}, new int[] {1, 2})).backward();
        assertEquals(2f, mf.parameterAt("userBias").grad()[0], 0);
        assertEquals(0f, mf.parameterAt("userBias").grad()[1], 0);
        assertArrayEquals(new float[] {0, 1, 1}, mf.parameterAt("itemBias").grad(), 0);
        Tensor q = mf.parameterAt("itemFactors");
        Tensor p = mf.parameterAt("userFactors");
        for (int c = 0; c < 4; c++) {
            assertEquals(q.get(1, c) + q.get(2, c), p.grad()[c], 1e-6);
            assertEquals(p.get(0, c), q.grad()[4 + c], 1e-6);
        }
        // penalty (1/B) sum_b (||p_u||^2 + ||q_i||^2 + b_u^2 + b_i^2): d/dp_0 = (2/B) * 2 p_0 (user 0 twice), B = 2
        mf.zeroGrad();
        mf.penalty(new int[] {0, 0}, new int[] {1, 2}).backward();
        for (int c = 0; c < 4; c++) assertEquals(2 * p.get(0, c), p.grad()[c], 1e-6);
    }

    /** Ratings from a hidden biased-MF structure plus noise, rounded and clamped to 1..5. */
    static Dataset synthetic(long seed) {
        Random random = new Random(seed);
        int users = 150, items = 80, d = 3;
        double[][] p = new double[users][d];
        double[][] q = new double[items][d];
        double[] bu = new double[users];
        double[] bi = new double[items];
        for (int u = 0; u < users; u++) {
            bu[u] = 0.6 * random.nextGaussian();
            for (int c = 0; c < d; c++) p[u][c] = 0.7 * random.nextGaussian();
        }
        for (int i = 0; i < items; i++) {
            bi[i] = 0.6 * random.nextGaussian();
            for (int c = 0; c < d; c++) q[i][c] = 0.7 * random.nextGaussian();
        }
        List<Review> reviews = new ArrayList<>();
        long t = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() > 0.3) continue;
                double r = 3.2 + bu[u] + bi[i] + 0.2 * random.nextGaussian();
                for (int c = 0; c < d; c++) r += p[u][c] * q[i][c];
                int rating = (int) Math.max(1, Math.min(5, Math.round(r)));
                reviews.add(new Review("u" + u, "i" + i, rating, "", "", ++t, "synthetic", t));
            }
        }
        return Dataset.of(reviews);
    }

    @Test
    void learnsAHiddenLowRankStructureAndStopsEarly() {
        Split split = Splitter.random(synthetic(1), 0.8, 0.1, 1);
        BiasedMfTrainer.Config config = BiasedMfTrainer.Config.defaults().withDim(8).withLambda(1e-2).withSeed(5);
        BiasedMfTrainer.Result result = BiasedMfTrainer.train(split, config, null);
        double meanRmse = ErrorMetrics.of(GlobalMeanPredictor.fit(split), split.dataset(), split.test()).rmse();
        double mfRmse = ErrorMetrics.of(result.model(), split.dataset(), split.test()).rmse();
        assertTrue(mfRmse < 0.7 * meanRmse, "biased MF " + mfRmse + " vs global mean " + meanRmse);
        // the best weights were restored: the returned model scores the best epoch's validation RMSE
        double validation = ErrorMetrics.of(result.model(), split.dataset(), split.validation()).rmse();
        assertEquals(result.bestValidationRmse(), validation, 1e-9);
        double minOfCurve = result.history().stream().mapToDouble(BiasedMfTrainer.Epoch::validationRmse).min().orElseThrow();
        assertEquals(minOfCurve, result.bestValidationRmse(), 0);
        assertEquals(result.bestValidationRmse(), result.history().get(result.bestEpoch() - 1).validationRmse(), 0);
        // early stopping: at most `patience` epochs after the best, unless the epoch cap came first
        int epochs = result.history().size();
        assertTrue(epochs == config.maxEpochs() || epochs == Math.max(config.minEpochs(), result.bestEpoch() + config.patience()),
                "stopped after " + epochs + " epochs, best " + result.bestEpoch());
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        Split split = Splitter.random(synthetic(2), 0.8, 0.1, 1);
        BiasedMfTrainer.Config config = BiasedMfTrainer.Config.defaults().withEpochs(3, 0, 10);
        int[] users = {0, 1, 2, 3};
        int[] items = {0, 1, 2, 3};
        float[] a = BiasedMfTrainer.train(split, config.withSeed(1), null).model().predict(users, items);
        float[] b = BiasedMfTrainer.train(split, config.withSeed(1), null).model().predict(users, items);
        float[] c = BiasedMfTrainer.train(split, config.withSeed(2), null).model().predict(users, items);
        assertArrayEquals(a, b, 0);
        assertFalse(java.util.Arrays.equals(a, c));
    }
}
