package dev.drex.app.baselines;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.Floors;
import dev.drex.app.eval.MusicalInstruments;
import dev.drex.app.model.BiasedMfTrainer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PESI on Musical Instruments (2014, 5/5-core, Splitter.random seed 1) beats the global mean on test RMSE and
 * explains with the item's most useful reviews: a quick small configuration in the default suite, the defaults in
 * the slow one (which also prints biased MF for comparison). Needs all-MiniLM-L6-v2 (fetched with Maven on first use).
 */
class PesiMusicalInstrumentsTest {

    static void runAndCompare(String label, PesiTrainer.Config config, boolean withBiasedMf) throws Exception {
        Dataset data = MusicalInstruments.dataset();
        Split split = Splitter.random(data, 0.8, 0.1, 1);
        ReviewCorpus corpus = ReviewTestData.corpus(split);
        PesiTrainer.Result r = PesiTrainer.train(split, corpus, config, System.out);
        Evaluator evaluator = new Evaluator();
        List<EvaluationResult> floors = withBiasedMf
                ? Floors.evaluate(split, 1, BiasedMfTrainer.Config.defaults(), Evaluator.DEFAULT_KS, evaluator, null)
                : List.of(evaluator.evaluate(dev.drex.app.model.GlobalMeanPredictor.fit(split), data, split, Evaluator.DEFAULT_KS, 1));
        EvaluationResult mean = floors.get(0);
        EvaluationResult result = evaluator.evaluate(r.model(), data, split, Evaluator.DEFAULT_KS, 1);
        System.out.printf("%s (best epoch %d of %d, %.1f s/epoch): RMSE %.4f MAE %.4f NDCG@10 paper %.4f full %.4f%n", label,
                r.outcome().bestEpoch(), r.outcome().history().size(), r.outcome().meanSecondsPerEpoch(), result.rmse(), result.mae(),
                result.paper().ndcg(10), result.full().ndcg(10));
        for (EvaluationResult f : floors) {
            System.out.printf("  %s: RMSE %.4f MAE %.4f NDCG@10 paper %.4f full %.4f%n", f.model(), f.rmse(), f.mae(), f.paper().ndcg(10),
                    f.full().ndcg(10));
        }
        assertTrue(result.rmse() < mean.rmse(), label + " test RMSE " + result.rmse() + " vs global mean " + mean.rmse());

        int k = split.test()[0];
        List<UsefulReview> useful = r.model().usefulReviews(data.user(k), data.item(k), 3, 120);
        assertFalse(useful.isEmpty(), "a test item has train reviews to show");
        for (UsefulReview u : useful) {
            assertEquals(Split.Part.TRAIN, split.part(u.interaction()), "explanations quote train reviews only");
            System.out.printf("  useful review of %s (weight %.3f, %d stars): %s%n", data.itemId(data.item(k)), u.weight(), u.rating(), u.snippet());
        }
    }

    @Test
    void quickConfigurationBeatsTheGlobalMean() throws Exception {
        // smaller sizes and twice the default lr, so that 2 epochs (~30 s) get near the best validation RMSE
        runAndCompare("PESI quick", PesiTrainer.Config.defaults().withSizes(16, 16, 64).withLr(2e-3).withEpochs(2, 2, 1), false);
    }

    @Tag("slow")
    @Test
    void defaultsBeatTheGlobalMean() throws Exception {
        runAndCompare("PESI defaults", PesiTrainer.Config.defaults(), true);
    }
}
