package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.MusicalInstruments;
import dev.drex.app.model.GlobalMeanPredictor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** EMF on Musical Instruments (2014, 5/5-core, Splitter.random seed 1) with the default config beats the global mean on test RMSE. */
class EmfMusicalInstrumentsTest {

    @Test
    void beatsTheGlobalMeanOnTestRmse() {
        Dataset data = MusicalInstruments.dataset();
        Split split = Splitter.random(data, 0.8, 0.1, 1);
        Evaluator evaluator = new Evaluator();
        long t0 = System.nanoTime();
        EmfTrainer.Result emf = EmfTrainer.train(split, EmfTrainer.Config.defaults().withBeta(Double.parseDouble(System.getProperty("emf.beta", "1e-4"))).withBiased(Boolean.parseBoolean(System.getProperty("emf.biased", "true"))), System.out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        EvaluationResult mean = evaluator.evaluate(GlobalMeanPredictor.fit(split), data, split, Evaluator.DEFAULT_KS, 1);
        EvaluationResult result = evaluator.evaluate(emf.model(), data, split, Evaluator.DEFAULT_KS, 1);
        System.out.printf("EMF (%.1f s, best epoch %d): RMSE %.4f MAE %.4f NDCG@10 paper %.4f full %.4f; global mean RMSE %.4f MAE %.4f NDCG@10 paper %.4f full %.4f%n",
                seconds, emf.bestEpoch(), result.rmse(), result.mae(), result.paper().ndcg(10), result.full().ndcg(10),
                mean.rmse(), mean.mae(), mean.paper().ndcg(10), mean.full().ndcg(10));
        assertTrue(result.rmse() < mean.rmse(), "EMF test RMSE " + result.rmse() + " vs global mean " + mean.rmse());
    }
}
