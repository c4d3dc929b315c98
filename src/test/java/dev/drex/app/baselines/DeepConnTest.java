package dev.drex.app.baselines;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DeepCoNN on a tiny instance: documents, gradients of the loss w.r.t. every parameter, determinism. */
class DeepConnTest {

    @Test
    void documentsLeaveTheTargetReviewOutAndNeverReadValidationOrTest() {
        Split split = ReviewTestData.tinySplit();
        Dataset data = split.dataset();
        ReviewCorpus corpus = ReviewTestData.tinyCorpus(split, 4, 1);
        int u0 = data.userIndex("u0"), i0 = data.itemIndex("i0");
        int target = data.find(u0, i0);
        // u0's train reviews: "w1 w2 w3 w4 w5" (i0) and "w2" (i1); its validation review "w9 w9 w9" is not there
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 2}, corpus.document(corpus.userReviews(u0), -1, 100));
        assertArrayEquals(new int[] {2}, corpus.document(corpus.userReviews(u0), target, 100));
        assertArrayEquals(new int[] {1, 2, 3}, corpus.document(corpus.userReviews(u0), -1, 3));
        // item i0: reviews by u0 and u1; without the target only u1's remains
        assertArrayEquals(new int[] {6, 7, 1}, corpus.document(corpus.itemReviews(i0), target, 100));
        int validation = split.validation()[0];
        assertThrows(IllegalArgumentException.class, () -> corpus.pieces(validation));
    }

    private static DeepConn tinyModel(long seed, float dropout) {
        Split split = ReviewTestData.tinySplit();
        return new DeepConn(ReviewTestData.tinyCorpus(split, 4, 7), 3, 3, 2, 2, 6, dropout, 3.5f, Init.rng(seed));
    }

    @Test
    void lossGradientMatchesFiniteDifferencesForEveryParameter() {
        DeepConn model = tinyModel(3, 0f);
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
        // give the FM linear weights and the factors O(1) values so every path carries gradient
        Map<String, Tensor> params = model.namedParameters();
        java.util.random.RandomGenerator rng = Init.rng(11);
        for (Tensor p : params.values()) for (int i = 0; i < p.size(); i++) p.data()[p.offset() + i] += (float) (rng.nextDouble() - 0.5);
        Tensor target = Tensor.of(ratings, ratings.length);
        // small step: max-over-time and ReLU have kinks, which a 2h = 2e-3 perturbation is unlikely to cross
        GradCheck.Result r = GradCheck.of("DeepCoNN loss").step(1e-3f).tolerances(3e-3, 3e-3)
                .run(in -> F.mseLoss(model.forward(users, items, train), target), params.values().toArray(Tensor[]::new));
        assertEquals(model.parameterCount(), r.elements(), "every parameter element checked");
    }

    @Test
    void sameSeedSamePredictionsAndTrainingIsDeterministic() {
        Split split = ReviewTestData.tinySplit();
        DeepConnTrainer.Config config = DeepConnTrainer.Config.defaults().withSizes(3, 2, 2, 6).withEpochs(3, 3, 3);
        ReviewCorpus corpus = ReviewTestData.tinyCorpus(split, 4, 7);
        DeepConnTrainer.Result a = DeepConnTrainer.train(split, corpus, config, null);
        DeepConnTrainer.Result b = DeepConnTrainer.train(split, corpus, config, null);
        int[] users = {0, 1, 2, 0}, items = {0, 1, 2, 3};
        assertArrayEquals(a.model().predict(users, items), b.model().predict(users, items));
        assertEquals(a.outcome().bestValidationRmse(), b.outcome().bestValidationRmse());
        DeepConnTrainer.Result c = DeepConnTrainer.train(split, corpus, config.withSeed(2), null);
        assertFalse(java.util.Arrays.equals(a.model().predict(users, items), c.model().predict(users, items)), "another seed, other weights");
    }

    @Test
    void cachedPredictionsEqualTheEvalModeForwardOverAllTrainReviews() {
        DeepConn model = tinyModel(3, 0.5f);
        int[] users = {0, 1, 2, 0, 2}, items = {0, 1, 2, 3, 3}, none = {-1, -1, -1, -1, -1};
        model.train(false);
        model.refreshCache();
        float[] cached = model.predict(users, items);
        float[] direct = model.forward(users, items, none).toArray();
        for (int j = 0; j < users.length; j++) assertEquals(direct[j], cached[j], 1e-5f, "pair " + j);
    }
}
