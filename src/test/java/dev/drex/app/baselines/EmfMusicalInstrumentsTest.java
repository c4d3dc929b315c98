package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.MusicalInstruments;
import dev.drex.app.model.GlobalMeanPredictor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EMF with its defaults on Musical Instruments (2014, 5/5-core, Splitter.random seed 1) beats the global mean on
 * test RMSE, and explains what it can. About 5 s.
 */
class EmfMusicalInstrumentsTest {

    @Test
    void beatsTheGlobalMeanOnTestRmse() {
        Dataset data = MusicalInstruments.dataset();
        Split split = Splitter.random(data, 0.8, 0.1, 1);
        Evaluator evaluator = new Evaluator();
        EmfTrainer.Result emf = EmfTrainer.train(split, EmfTrainer.Config.defaults(), null);
        EvaluationResult mean = evaluator.evaluate(GlobalMeanPredictor.fit(split), data, split, Evaluator.DEFAULT_KS, 1);
        EvaluationResult result = evaluator.evaluate(emf.model(), data, split, Evaluator.DEFAULT_KS, 1);
        System.out.printf("EMF (best epoch %d, %d explainable pairs): RMSE %.4f MAE %.4f NDCG@10 paper %.4f full %.4f; "
                        + "global mean RMSE %.4f MAE %.4f NDCG@10 paper %.4f full %.4f%n",
                emf.bestEpoch(), emf.graph().size(), result.rmse(), result.mae(), result.paper().ndcg(10), result.full().ndcg(10),
                mean.rmse(), mean.mae(), mean.paper().ndcg(10), mean.full().ndcg(10));
        assertTrue(result.rmse() < mean.rmse(), "EMF test RMSE " + result.rmse() + " vs global mean " + mean.rmse());

        // an explanation for the first explainable pair of user 0, consistent with the graph
        ExplainabilityGraph g = emf.graph();
        assertTrue(g.start(1) > g.start(0), "user 0 has explainable items");
        int item = g.item(g.start(0));
        String text = g.explain(0, item);
        assertNotNull(text);
        assertEquals(g.neighboursWhoRated(0, item) + " of your " + g.neighbours(0).length + " most similar users rated this item", text);
    }
}
