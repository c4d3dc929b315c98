package dev.drex.app.run;

import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.Floors;
import dev.drex.app.eval.ResultsTable;
import dev.drex.app.eval.SeedAggregate;
import dev.drex.app.model.BiasedMfTrainer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained run measured on its test part (MAE, RMSE, NDCG@k and F1@k of both ranking protocols, every
 * k of {@link Evaluator#DEFAULT_KS}) beside the two floors fitted on the same split: the global mean and
 * biased MF trained with the run's seed.
 *
 * @param results global mean, biased MF, the run's model (one result each)
 */
public record RunEvaluation(List<EvaluationResult> results) {

    /** Evaluates {@code run} and its floors. */
    public static RunEvaluation of(Run run, BiasedMfTrainer.Config mfConfig, PrintStream log) {
        long seed = run.config().seed();
        Evaluator evaluator = new Evaluator();
        List<EvaluationResult> all = new ArrayList<>(Floors.evaluate(run.split(), seed, mfConfig, Evaluator.DEFAULT_KS, evaluator, log));
        all.add(evaluator.evaluate(run.model(), run.data(), run.split(), Evaluator.DEFAULT_KS, seed));
        return new RunEvaluation(List.copyOf(all));
    }

    /** One aggregate per model (a single run each: the std is n/a). */
    public List<SeedAggregate> aggregates() {
        return SeedAggregate.group(results);
    }

    /** The table with the floor rows first. */
    public ResultsTable table(int[] ks) {
        List<SeedAggregate> a = aggregates();
        return new ResultsTable(a.get(0), a.get(1), a.subList(2, a.size()), ks, 4);
    }
}
