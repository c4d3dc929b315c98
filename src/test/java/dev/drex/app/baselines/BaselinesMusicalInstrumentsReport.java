package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.Floors;
import dev.drex.app.eval.MusicalInstruments;
import dev.drex.app.eval.ResultsTable;
import dev.drex.app.eval.SeedAggregate;
import dev.drex.app.model.BiasedMfTrainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The numbers behind the baselines' defaults and the report, on Musical Instruments (2014, 5/5-core, random
 * 80/10/10, seeds 1..3). Slow (several minutes on 2 cores): prints, and asserts only what must hold.
 */
@Tag("slow")
class BaselinesMusicalInstrumentsReport {

    /** EMF: mean best validation RMSE over seeds 1..3 for beta x lambda (biased form) and the original unbiased form. */
    @Test
    void emfValidationGrid() {
        Dataset data = MusicalInstruments.dataset();
        EmfTrainer.Config defaults = EmfTrainer.Config.defaults();
        for (boolean biased : new boolean[] {true, false}) {
            for (double beta : biased ? new double[] {1e-4, 1e-1, 1, 2, 5} : new double[] {1e-4, 1}) {
                for (double lambda : new double[] {1e-3, 1e-1, 1}) {
                    EmfTrainer.Config c = defaults.withBiased(biased).withBeta(beta).withLambda(lambda);
                    double sum = 0;
                    int epochs = 0;
                    for (long seed = 1; seed <= 3; seed++) {
                        EmfTrainer.Result r = EmfTrainer.train(Splitter.random(data, 0.8, 0.1, seed), c.withSeed(seed), null);
                        sum += r.bestValidationRmse();
                        epochs += r.bestEpoch();
                    }
                    System.out.printf(Locale.ROOT, "EMF grid %s beta %.0e lambda %.0e: validation RMSE %.4f (mean best epoch %.1f)%n",
                            biased ? "biased  " : "unbiased", beta, lambda, sum / 3, epochs / 3.0);
                }
            }
        }
    }

    /** Floors, EMF and DMF (both stopping criteria) on seeds 1..3, printed as the results table. */
    @Test
    void table() {
        Dataset data = MusicalInstruments.dataset();
        Evaluator evaluator = new Evaluator();
        List<EvaluationResult> runs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            Split split = Splitter.random(data, 0.8, 0.1, seed);
            runs.addAll(Floors.evaluate(split, seed, BiasedMfTrainer.Config.defaults(), Evaluator.DEFAULT_KS, evaluator, null));
            EmfTrainer.Result emf = EmfTrainer.train(split, EmfTrainer.Config.defaults().withSeed(seed), null);
            runs.add(evaluator.evaluate(emf.model(), data, split, Evaluator.DEFAULT_KS, seed));
            EmfTrainer.Result plain = EmfTrainer.train(split, EmfTrainer.Config.defaults().withBiased(false).withSeed(seed), null);
            runs.add(evaluator.evaluate(plain.model(), data, split, Evaluator.DEFAULT_KS, seed).withModel("EMF (p.q, original)"));
            for (DmfTrainer.Stop stop : DmfTrainer.Stop.values()) {
                DmfTrainer.Result dmf = DmfTrainer.train(split, DmfTrainer.Config.defaults().withStop(stop).withSeed(seed), null);
                System.out.printf("seed %d DMF stop %s: best epoch %d of %d%n", seed, stop, dmf.bestEpoch(), dmf.history().size());
                runs.add(evaluator.evaluate(dmf.model(), data, split, Evaluator.DEFAULT_KS, seed).withModel("DMF (stop " + stop + ")"));
            }
        }
        List<SeedAggregate> rows = SeedAggregate.group(runs);
        ResultsTable table = new ResultsTable(rows.get(0), rows.get(1), rows.subList(2, rows.size()), new int[] {10}, 4);
        System.out.println(table.markdown());
        assertTrue(rows.size() == 6);
    }
}
