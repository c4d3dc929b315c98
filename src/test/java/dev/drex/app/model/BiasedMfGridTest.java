package dev.drex.app.model;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.MusicalInstruments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link BiasedMfTrainer.Config#defaults()} was chosen: mean best validation RMSE over seeds 1..3 on
 * Musical Instruments for lr x lambda x d; prints the grid. Asserts the defaults are within 0.002 of the
 * grid's best (they were picked from this printout). Slow (about 4 minutes on 2 cores).
 */
@Tag("slow")
class BiasedMfGridTest {

    @Test
    void defaultsAreNearTheBestOfTheGrid() {
        Dataset data = MusicalInstruments.dataset();
        double best = Double.POSITIVE_INFINITY;
        String bestName = "";
        BiasedMfTrainer.Config defaults = BiasedMfTrainer.Config.defaults();
        double atDefaults = Double.NaN;
        for (double lr : new double[] {1e-3, 1e-2}) {
            for (double lambda : new double[] {1e-2, 1e-1, 1, 3, 10}) {
                for (int dim : new int[] {8, 16, 64}) {
                    BiasedMfTrainer.Config c = defaults.withLr(lr).withLambda(lambda).withDim(dim);
                    double sum = 0;
                    int epochs = 0;
                    for (long seed = 1; seed <= 3; seed++) {
                        BiasedMfTrainer.Result r = BiasedMfTrainer.train(Splitter.random(data, 0.8, 0.1, seed), c.withSeed(seed), null);
                        sum += r.bestValidationRmse();
                        epochs += r.bestEpoch();
                    }
                    double mean = sum / 3;
                    String name = String.format(Locale.ROOT, "lr %.0e lambda %.0e d %2d", lr, lambda, dim);
                    System.out.printf(Locale.ROOT, "%s  validation RMSE %.4f  (mean best epoch %.1f)%n", name, mean, epochs / 3.0);
                    if (mean < best) {
                        best = mean;
                        bestName = name;
                    }
                    if (lr == defaults.lr() && lambda == defaults.lambda() && dim == defaults.dim()) atDefaults = mean;
                }
            }
        }
        System.out.printf(Locale.ROOT, "best: %s  %.4f; defaults %.4f%n", bestName, best, atDefaults);
        assertTrue(atDefaults <= best + 0.002, "defaults " + atDefaults + " vs best " + bestName + " " + best);
    }
}
