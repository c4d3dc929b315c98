package dev.drex.app.baselines;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.engine.autograd.Grad;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** PESI on a tiny instance: gradients of the full objective w.r.t. every parameter, the objective's terms, determinism, explanations. */
class PesiTest {
    private static final Pesi.Weights ALL_TERMS = new Pesi.Weights(0.7f, 0.5f, 0.6f, 0.4f, 0.3f);

    private static Pesi tinyModel(long seed, Pesi.Weights weights) {
        Split split = ReviewTestData.tinySplit();
        return new Pesi(ReviewTestData.tinyCorpus(split, 4, 7), 3, 3, 2, 4, 0f, weights, 3.5f, Init.rng(seed));
    }

    /** The train pairs of the tiny split: users, items, interactions, ratings. */
    private record Batch(int[] users, int[] items, int[] leaveOut, Tensor ratings) {}

    private static Batch trainBatch() {
        Split split = ReviewTestData.tinySplit();
        Dataset data = split.dataset();
        int[] train = split.train();
        int[] users = new int[train.length], items = new int[train.length];
        float[] ratings = new float[train.length];
        for (int j = 0; j < train.length; j++) {
            users[j] = data.user(train[j]);
            items[j] = data.item(train[j]);
            ratings[j] = data.rating(train[j]);
        }
        return new Batch(users, items, train, Tensor.of(ratings, ratings.length));
    }

    /** The train pairs without leaving their reviews out: every user and item then reads 2 reviews (nonzero attention entropy). */
    private static Batch withAllReviews(Batch b) {
        int[] none = new int[b.leaveOut().length];
        Arrays.fill(none, -1);
        return new Batch(b.users(), b.items(), none, b.ratings());
    }

    @Test
    void fullObjectiveGradientMatchesFiniteDifferencesForEveryParameter() {
        checkGradient(trainBatch());
    }

    @Test
    void fullObjectiveGradientMatchesFiniteDifferencesWhenOwnersReadSeveralReviews() {
        checkGradient(withAllReviews(trainBatch()));
    }

    private static void checkGradient(Batch b) {
        Pesi model = tinyModel(3, ALL_TERMS);
        Map<String, Tensor> params = model.namedParameters();
        RandomGenerator rng = Init.rng(11);
        for (Tensor p : params.values()) for (int i = 0; i < p.size(); i++) p.data()[p.offset() + i] += (float) (rng.nextDouble() - 0.5);
        // the batch repeats users and items (masked contrastive rows); with leave-out, every owner keeps at most one
        // review (attention entropy 0) and i2, i3 fall back to the empty review
        GradCheck.Result r = GradCheck.of("PESI objective").step(1e-3f).tolerances(3e-3, 3e-3)
                .run(in -> model.trainingLoss(b.users(), b.items(), b.leaveOut(), b.ratings()), params.values().toArray(Tensor[]::new));
        assertEquals(model.parameterCount(), r.elements(), "every parameter element checked");
    }

    @Test
    void withoutAuxiliaryWeightsTheObjectiveIsTheMseAndEachTermAddsAPositiveAmount() {
        Batch b = withAllReviews(trainBatch());
        float[] values = new float[6];
        Pesi.Weights[] variants = {new Pesi.Weights(0, 1, 0, 0, 0), new Pesi.Weights(1, 0.5f, 0, 0, 0), new Pesi.Weights(0, 1, 1, 0, 0),
            new Pesi.Weights(0, 1, 0, 1, 0), new Pesi.Weights(0, 1, 0, 0, 1), ALL_TERMS};
        float mse;
        try (Grad.Scope off = Grad.off()) {
            Pesi plain = tinyModel(3, variants[0]);
            mse = F.mseLoss(plain.forward(b.users(), b.items(), b.leaveOut()), b.ratings()).item();
            for (int v = 0; v < variants.length; v++) values[v] = tinyModel(3, variants[v]).trainingLoss(b.users(), b.items(), b.leaveOut(), b.ratings()).item();
        }
        assertEquals(mse, values[0], 1e-6f, "all auxiliary weights 0: the objective is the MSE");
        for (int v = 1; v <= 3; v++) assertTrue(values[v] > values[0], "variant " + v + " adds a positive term: " + Arrays.toString(values));
        assertTrue(values[4] > values[0], "random ID embeddings: a positive L2 term");
        // ALL_TERMS uses other weights; the terms are linear in their weights, the contrastive one at temperature 0.5
        float expected = values[0] + 0.7f * (values[1] - values[0]) + 0.6f * (values[2] - values[0]) + 0.4f * (values[3] - values[0])
                + 0.3f * (values[4] - values[0]);
        assertEquals(expected, values[5], 1e-5f, "the objective is the MSE plus the weighted terms");
    }

    @Test
    void sameSeedSamePredictionsAndTrainingIsDeterministic() {
        Split split = ReviewTestData.tinySplit();
        PesiTrainer.Config config = PesiTrainer.Config.defaults().withSizes(3, 2, 4).withEpochs(3, 3, 3).withDropout(0.2f);
        ReviewCorpus corpus = ReviewTestData.tinyCorpus(split, 4, 7);
        PesiTrainer.Result a = PesiTrainer.train(split, corpus, config, null);
        PesiTrainer.Result b = PesiTrainer.train(split, corpus, config, null);
        int[] users = {0, 1, 2, 0}, items = {0, 1, 2, 3};
        assertArrayEquals(a.model().predict(users, items), b.model().predict(users, items));
        assertEquals(a.outcome().history().stream().map(e -> List.of(e.trainLoss(), e.validationRmse())).toList(),
                b.outcome().history().stream().map(e -> List.of(e.trainLoss(), e.validationRmse())).toList(), "same objective and RMSE per epoch");
        assertEquals(3, a.outcome().history().size());
        PesiTrainer.Result c = PesiTrainer.train(split, corpus, config.withSeed(2), null);
        assertFalse(Arrays.equals(a.model().predict(users, items), c.model().predict(users, items)), "another seed, other weights");
    }

    @Test
    void usefulReviewsAreTheItemsTrainReviewsByAttentionWithoutTheAskersOwn() {
        Pesi model = tinyModel(5, ALL_TERMS);
        Dataset data = ReviewTestData.tinySplit().dataset();
        int i0 = data.itemIndex("i0");
        List<UsefulReview> all = model.usefulReviews(data.userIndex("u2"), i0, 5, 8);
        assertEquals(2, all.size());
        assertEquals(1.0, all.get(0).weight() + all.get(1).weight(), 1e-6);
        assertTrue(all.get(0).weight() >= all.get(1).weight());
        assertTrue(all.stream().anyMatch(r -> r.snippet().equals("w6 w7 w1")));
        assertTrue(all.stream().anyMatch(r -> r.snippet().equals("w1 w2...")), "long text cut to 8 characters");
        List<UsefulReview> forU0 = model.usefulReviews(data.userIndex("u0"), i0, 5, 100);
        assertEquals(1, forU0.size());
        assertEquals("u1", forU0.get(0).userId());
        assertEquals(1.0, forU0.get(0).weight(), 1e-6);
        assertEquals(1, model.usefulReviews(data.userIndex("u2"), i0, 1, 8).size(), "at most top");
    }

    @Test
    void cachedPredictionsEqualTheEvalModeForwardOverAllTrainReviews() {
        Pesi model = tinyModel(3, ALL_TERMS);
        int[] users = {0, 1, 2, 0, 2}, items = {0, 1, 2, 3, 3}, none = {-1, -1, -1, -1, -1};
        model.train(false);
        model.refreshCache();
        float[] cached = model.predict(users, items);
        float[] direct = model.forward(users, items, none).toArray();
        for (int j = 0; j < users.length; j++) assertEquals(direct[j], cached[j], 1e-5f, "pair " + j);
    }
}
