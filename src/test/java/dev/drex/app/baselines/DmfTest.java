package dev.drex.app.baselines;

import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DmfTest {

    /** Positives of the tiny matrix (own rating left out) and two sampled negatives. */
    private static final int[] USERS = {0, 1, 2, 2, 0, 1};
    private static final int[] ITEMS = {1, 2, 3, 1, 3, 3};
    private static final boolean[] LEAVE_OUT = {true, true, true, true, false, false};
    private static final float[] TARGETS = {0.8f, 0.4f, 1f, 0.6f, 0f, 0f};

    /**
     * The normalized cross-entropy against finite differences for every parameter. A finite difference across a
     * ReLU kink is meaningless, so the test takes the first init seed whose every pre-activation is at least 0.05
     * from 0 with every bias set to 0.3 (a step of 2h = 2e-3 moves a first-layer pre-activation by at most 2h * 5 = 0.01); the margins and
     * yhat come from an independent double-precision forward ({@link #reference}), which must match the model's.
     */
    @Test
    void gradientCheckOfTheLoss() {
        TrainMatrix m = BaselineTestData.tiny();
        Dmf dmf = null;
        long seed = 0;
        for (long s = 1; s <= 200 && dmf == null; s++) {
            Dmf candidate = new Dmf(m, 5, 3, 1e-6f, Init.rng(s));
            // biases start at 0: an empty input (item i3 without its only rating) would sit exactly on the kink
            for (String bias : new String[] {"userInputBias", "itemInputBias", "userTop.bias", "itemTop.bias"}) {
                Arrays.fill(candidate.parameterAt(bias).data(), 0.3f);
            }
            double margin = Double.POSITIVE_INFINITY;
            for (int b = 0; b < USERS.length; b++) margin = Math.min(margin, reference(candidate, m, USERS[b], ITEMS[b], LEAVE_OUT[b])[1]);
            if (margin > 0.05) {
                dmf = candidate;
                seed = s;
            }
        }
        assertTrue(dmf != null, "no init seed in 1..200 keeps every pre-activation 0.05 away from the ReLU kink");
        float[] y = dmf.forward(USERS, ITEMS, LEAVE_OUT).toArray();
        for (int b = 0; b < y.length; b++) {
            assertEquals(reference(dmf, m, USERS[b], ITEMS[b], LEAVE_OUT[b])[0], y[b], 1e-5, "pair " + b + ", seed " + seed);
            assertTrue(y[b] > 0.01f && y[b] < 0.999f, "yhat " + y[b] + " is not strictly inside its clamps");
        }
        Tensor[] params = dmf.parameters().toArray(new Tensor[0]);
        Dmf model = dmf;
        System.out.println("DMF gradient check: init seed " + seed);
        GradCheck.Result r = GradCheck.of("DMF normalized cross-entropy").step(1e-3f)
                .run(in -> model.loss(USERS, ITEMS, LEAVE_OUT, TARGETS), params);
        assertEquals(dmf.parameterCount(), r.elements());
    }

    /**
     * {yhat, smallest |pre-activation|} of one pair, in double, straight from the parameters and the matrix: the
     * paper's towers written out as loops (dense input vectors), independent of the model's sparse gather code.
     */
    private static double[] reference(Dmf dmf, TrainMatrix m, int u, int i, boolean leaveOut) {
        double[] yu = new double[m.numItems()];
        double[] yi = new double[m.numUsers()];
        for (int a = m.rowStart(u); a < m.rowEnd(u); a++) yu[m.rowItem(a)] = m.rowRating(a);
        for (int a = m.colStart(i); a < m.colEnd(i); a++) yi[m.colUser(a)] = m.colRating(a);
        if (leaveOut) {
            yu[i] = 0;
            yi[u] = 0;
        }
        double[] margin = {Double.POSITIVE_INFINITY};
        double[] p = tower(dmf, "user", yu, margin);
        double[] q = tower(dmf, "item", yi, margin);
        double dot = 0, pp = 0, qq = 0;
        for (int c = 0; c < p.length; c++) {
            dot += p[c] * q[c];
            pp += p[c] * p[c];
            qq += q[c] * q[c];
        }
        double cos = dot / (Math.sqrt(pp + Dmf.NORM_EPS) * Math.sqrt(qq + Dmf.NORM_EPS));
        return new double[] {Math.max(cos, dmf.mu()), margin[0]};
    }

    private static double[] tower(Dmf dmf, String side, double[] x, double[] margin) {
        Tensor w1 = dmf.parameterAt(side + "Input");
        Tensor b1 = dmf.parameterAt(side + "InputBias");
        Tensor w2 = dmf.parameterAt(side + "Top.weight");
        Tensor b2 = dmf.parameterAt(side + "Top.bias");
        int h = w1.dim(1), d = w2.dim(0);
        double[] a = new double[h];
        for (int k = 0; k < h; k++) {
            double z = b1.get(k);
            for (int j = 0; j < x.length; j++) z += x[j] * w1.get(j, k);
            margin[0] = Math.min(margin[0], Math.abs(z));
            a[k] = Math.max(0, z);
        }
        double[] out = new double[d];
        for (int c = 0; c < d; c++) {
            double z = b2.get(c);
            for (int k = 0; k < h; k++) z += w2.get(c, k) * a[k];
            margin[0] = Math.min(margin[0], Math.abs(z));
            out[c] = Math.max(0, z);
        }
        return out;
    }

    /** Leaving (u, i) out equals a model whose train matrix never had (u, i): no target leaks into the towers. */
    @Test
    void leaveOutIsTheMatrixWithoutThePair() {
        TrainMatrix full = BaselineTestData.tiny();
        // the tiny matrix without (u2, i1)
        TrainMatrix without = TrainMatrix.of(3, 4, new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 0, 2, 2, 3}, new float[] {5, 4, 4, 2, 1, 5});
        Dmf a = new Dmf(full, 6, 4, 1e-6f, Init.rng(5));
        Dmf b = new Dmf(without, 6, 4, 1e-6f, Init.rng(5));
        float left = a.forward(new int[] {2}, new int[] {1}, new boolean[] {true}).item();
        float kept = a.forward(new int[] {2}, new int[] {1}, new boolean[] {false}).item();
        assertEquals(b.predict(new int[] {2}, new int[] {1})[0], left, 1e-6f);
        assertTrue(Math.abs(left - kept) > 1e-4, "the pair's own rating must change its input: " + left + " vs " + kept);
        // a user whose only rating is left out gets the bias-only tower (no empty segment error)
        TrainMatrix lone = TrainMatrix.of(2, 2, new int[] {0, 1, 1}, new int[] {0, 0, 1}, new float[] {3, 4, 5});
        float y = new Dmf(lone, 4, 3, 1e-6f, Init.rng(1)).forward(new int[] {0}, new int[] {0}, new boolean[] {true}).item();
        assertTrue(y >= 1e-6f && y <= 1f);
    }

    @Test
    void predictEqualsTheAutodiffForwardAndIsRankOnly() {
        Dmf dmf = new Dmf(BaselineTestData.tiny(), 8, 4, 1e-6f, Init.rng(3));
        int[] users = {0, 1, 2, 2, 0, 1, 2};
        int[] items = {0, 1, 2, 3, 3, 3, 0};
        float[] forward = dmf.forward(users, items, null).toArray();
        float[] predicted = dmf.predict(users, items);
        assertArrayEquals(forward, predicted, 1e-5f);
        for (float v : predicted) assertTrue(v >= 1e-6f && v <= 1f + 1e-6f, "cosine score " + v);
        assertFalse(dmf.predictsRatings());
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        Split split = Splitter.random(BaselineTestData.synthetic(5, 60, 40), 0.8, 0.1, 1);
        DmfTrainer.Config config = DmfTrainer.Config.defaults().withSizes(16, 8).withLr(1e-3).withEpochs(3, 0, 10);
        int[] users = {0, 1, 2, 3};
        int[] items = {0, 1, 2, 3};
        DmfTrainer.Result first = DmfTrainer.train(split, config.withSeed(1), null);
        float[] a = first.model().predict(users, items);
        float[] b = DmfTrainer.train(split, config.withSeed(1), null).model().predict(users, items);
        float[] c = DmfTrainer.train(split, config.withSeed(2), null).model().predict(users, items);
        assertArrayEquals(a, b, 0);
        assertFalse(Arrays.equals(a, c));
        assertEquals(first.history().get(first.bestEpoch() - 1).validationBce(), first.bestScore(), 0);
    }

    /** On a structured synthetic set DMF learns: its loss falls, and its full-protocol NDCG@10 beats a constant's. */
    @Test
    void learnsAndTheEvaluatorReportsNoErrors() {
        Split split = Splitter.random(BaselineTestData.synthetic(6, 120, 60), 0.8, 0.1, 1);
        DmfTrainer.Result r = DmfTrainer.train(split, DmfTrainer.Config.defaults().withSizes(32, 16).withLr(1e-3).withEpochs(8, 0, 8), null);
        assertTrue(r.history().getLast().trainLoss() < r.history().getFirst().trainLoss(), "train loss " + r.history());
        Evaluator evaluator = new Evaluator();
        EvaluationResult dmf = evaluator.evaluate(r.model(), split.dataset(), split, Evaluator.DEFAULT_KS, 1);
        EvaluationResult constant = evaluator.evaluate(dev.drex.app.model.GlobalMeanPredictor.fit(split), split.dataset(), split, Evaluator.DEFAULT_KS, 1);
        assertTrue(Double.isNaN(dmf.rmse()) && Double.isNaN(dmf.mae()), "DMF has no rating errors");
        assertTrue(dmf.full().ndcg(10) > constant.full().ndcg(10), "DMF " + dmf.full().ndcg(10) + " vs constant " + constant.full().ndcg(10));
    }
}
