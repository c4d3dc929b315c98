package dev.drex.app.baselines;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NARRE on a tiny instance: gradients of the loss w.r.t. every parameter, determinism, explanations. */
class NarreTest {

    private static Narre tinyModel(long seed) {
        Split split = ReviewTestData.tinySplit();
        return new Narre(ReviewTestData.tinyCorpus(split, 4, 7), 3, 3, 2, 2, 4, 0f, 3.5f, Init.rng(seed));
    }

    @Test
    void lossGradientMatchesFiniteDifferencesForEveryParameter() {
        Narre model = tinyModel(3);
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
        Map<String, Tensor> params = model.namedParameters();
        java.util.random.RandomGenerator rng = Init.rng(11);
        for (Tensor p : params.values()) for (int i = 0; i < p.size(); i++) p.data()[p.offset() + i] += (float) (rng.nextDouble() - 0.5);
        Tensor target = Tensor.of(ratings, ratings.length);
        // items i2 and i3 have one train review each, so leaving the target out sends them down the padding path
        GradCheck.Result r = GradCheck.of("NARRE loss").step(1e-3f).tolerances(3e-3, 3e-3)
                .run(in -> F.mseLoss(model.forward(users, items, train), target), params.values().toArray(Tensor[]::new));
        assertEquals(model.parameterCount(), r.elements(), "every parameter element checked");
    }

    @Test
    void sameSeedSamePredictionsAndTrainingIsDeterministic() {
        Split split = ReviewTestData.tinySplit();
        NarreTrainer.Config config = NarreTrainer.Config.defaults().withSizes(3, 2, 2, 4).withEpochs(3, 3, 3);
        ReviewCorpus corpus = ReviewTestData.tinyCorpus(split, 4, 7);
        NarreTrainer.Result a = NarreTrainer.train(split, corpus, config, null);
        NarreTrainer.Result b = NarreTrainer.train(split, corpus, config, null);
        int[] users = {0, 1, 2, 0}, items = {0, 1, 2, 3};
        assertArrayEquals(a.model().predict(users, items), b.model().predict(users, items));
        NarreTrainer.Result c = NarreTrainer.train(split, corpus, config.withSeed(2), null);
        assertFalse(Arrays.equals(a.model().predict(users, items), c.model().predict(users, items)), "another seed, other weights");
    }

    @Test
    void usefulReviewsAreTheItemsTrainReviewsByAttentionWithoutTheAskersOwn() {
        Narre model = tinyModel(5);
        Split split = ReviewTestData.tinySplit();
        Dataset data = split.dataset();
        int i0 = data.itemIndex("i0");
        // a user who did not review i0 sees both of its train reviews; weights sum to 1, sorted descending
        List<UsefulReview> all = model.usefulReviews(data.userIndex("u2"), i0, 5, 8);
        assertEquals(2, all.size());
        assertEquals(1.0, all.get(0).weight() + all.get(1).weight(), 1e-6);
        assertTrue(all.get(0).weight() >= all.get(1).weight());
        assertTrue(all.stream().anyMatch(r -> r.snippet().equals("w6 w7 w1")));
        assertTrue(all.stream().anyMatch(r -> r.snippet().equals("w1 w2...")), "long text cut to 8 characters");
        // u0 reviewed i0 in train: its own review is not offered to it
        List<UsefulReview> forU0 = model.usefulReviews(data.userIndex("u0"), i0, 5, 100);
        assertEquals(1, forU0.size());
        assertEquals("u1", forU0.get(0).userId());
        assertEquals(1.0, forU0.get(0).weight(), 1e-6);
    }

    @Test
    void cachedPredictionsEqualTheEvalModeForwardOverAllTrainReviews() {
        Narre model = tinyModel(3);
        int[] users = {0, 1, 2, 0, 2}, items = {0, 1, 2, 3, 3}, none = {-1, -1, -1, -1, -1};
        model.train(false);
        model.refreshCache();
        float[] cached = model.predict(users, items);
        float[] direct = model.forward(users, items, none).toArray();
        for (int j = 0; j < users.length; j++) assertEquals(direct[j], cached[j], 1e-5f, "pair " + j);
    }
}
