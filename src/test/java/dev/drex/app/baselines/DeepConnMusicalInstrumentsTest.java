package dev.drex.app.baselines;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.MusicalInstruments;
import dev.drex.app.model.GlobalMeanPredictor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DeepCoNN on Musical Instruments (2014, 5/5-core, Splitter.random seed 1) beats the global mean on test RMSE:
 * a quick small configuration in the default suite, the defaults in the slow one. Needs all-MiniLM-L6-v2
 * (fetched with Maven on first use).
 */
class DeepConnMusicalInstrumentsTest {

    static void runAndCompare(String label, DeepConnTrainer.Config config) throws Exception {
        Dataset data = MusicalInstruments.dataset();
        Split split = Splitter.random(data, 0.8, 0.1, 1);
        long t0 = System.nanoTime();
        ReviewCorpus corpus = ReviewTestData.corpus(split);
        System.out.printf("corpus: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        DeepConnTrainer.Result r = DeepConnTrainer.train(split, corpus, config, System.out);
        Evaluator evaluator = new Evaluator();
        EvaluationResult mean = evaluator.evaluate(GlobalMeanPredictor.fit(split), data, split, Evaluator.DEFAULT_KS, 1);
        EvaluationResult result = evaluator.evaluate(r.model(), data, split, Evaluator.DEFAULT_KS, 1);
        System.out.printf("%s (best epoch %d, %.1f s/epoch): RMSE %.4f MAE %.4f NDCG@10 paper %.4f full %.4f; "
                        + "global mean RMSE %.4f MAE %.4f NDCG@10 paper %.4f full %.4f%n",
                label, r.outcome().bestEpoch(), r.outcome().meanSecondsPerEpoch(), result.rmse(), result.mae(), result.paper().ndcg(10),
                result.full().ndcg(10), mean.rmse(), mean.mae(), mean.paper().ndcg(10), mean.full().ndcg(10));
        assertTrue(result.rmse() < mean.rmse(), label + " test RMSE " + result.rmse() + " vs global mean " + mean.rmse());
    }

    @Test
    void quickConfigurationBeatsTheGlobalMean() throws Exception {
        runAndCompare("DeepCoNN quick", DeepConnTrainer.Config.defaults().withSizes(16, 16, 4, 128).withEpochs(4, 4, 2));
    }

    @Tag("slow")
    @Test
    void defaultsBeatTheGlobalMean() throws Exception {
        runAndCompare("DeepCoNN defaults", DeepConnTrainer.Config.defaults());
    }
}
