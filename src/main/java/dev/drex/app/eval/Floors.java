package dev.drex.app.eval;

import dev.drex.app.data.Split;
import dev.drex.app.model.BiasedMfTrainer;
import dev.drex.app.model.GlobalMeanPredictor;

import java.io.PrintStream;
import java.util.List;

/**
 * The two floors every results table carries (spec, "Baselines"): the global mean and biased MF, fitted on a
 * split's train part (biased MF early-stopped on its validation part) and measured on its test part.
 */
public final class Floors {

    private Floors() {
    }

    /**
     * Fits and evaluates both floors on {@code split}; biased MF is trained with {@code config} and the given
     * seed. Returns [global mean, biased MF], both recorded under {@code seed}.
     */
    public static List<EvaluationResult> evaluate(Split split, long seed, BiasedMfTrainer.Config config, int[] ks,
                                                  Evaluator evaluator, PrintStream log) {
        GlobalMeanPredictor mean = GlobalMeanPredictor.fit(split);
        EvaluationResult meanResult = evaluator.evaluate(mean, split.dataset(), split, ks, seed);
        BiasedMfTrainer.Result mf = BiasedMfTrainer.train(split, config.withSeed(seed), log);
        if (log != null) {
            log.printf("seed %d: global mean %.4f; biased MF best epoch %d of %d, validation RMSE %.4f%n", seed, mean.mean(),
                    mf.bestEpoch(), mf.history().size(), mf.bestValidationRmse());
        }
        EvaluationResult mfResult = evaluator.evaluate(mf.model(), split.dataset(), split, ks, seed);
        return List.of(meanResult, mfResult);
    }
}
