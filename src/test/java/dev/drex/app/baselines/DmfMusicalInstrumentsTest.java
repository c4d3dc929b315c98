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

class DmfMusicalInstrumentsTest {

    @Test
    void beatsTheGlobalMeanOnFullProtocolNdcg() {
        Dataset data = MusicalInstruments.dataset();
        Split split = Splitter.random(data, 0.8, 0.1, 1);
        Evaluator evaluator = new Evaluator();
        long t0 = System.nanoTime();
        DmfTrainer.Config config = DmfTrainer.Config.defaults()
                .withSizes(Integer.getInteger("dmf.hidden", 256), 64)
                .withLr(Double.parseDouble(System.getProperty("dmf.lr", "1e-4")))
                .withStop(DmfTrainer.Stop.valueOf(System.getProperty("dmf.stop", "BCE")));
        DmfTrainer.Result dmf = DmfTrainer.train(split, config, System.out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        EvaluationResult mean = evaluator.evaluate(GlobalMeanPredictor.fit(split), data, split, Evaluator.DEFAULT_KS, 1);
        EvaluationResult result = evaluator.evaluate(dmf.model(), data, split, Evaluator.DEFAULT_KS, 1);
        System.out.printf("DMF (%.1f s, best epoch %d): RMSE %.4f NDCG@10 paper %.4f full %.4f; global mean NDCG@10 paper %.4f full %.4f%n",
                seconds, dmf.bestEpoch(), result.rmse(), result.paper().ndcg(10), result.full().ndcg(10),
                mean.paper().ndcg(10), mean.full().ndcg(10));
        assertTrue(Double.isNaN(result.rmse()));
        assertTrue(result.full().ndcg(10) > mean.full().ndcg(10));
    }
}
