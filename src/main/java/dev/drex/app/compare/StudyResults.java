package dev.drex.app.compare;

import dev.drex.app.eval.SeedAggregate;
import java.util.List;

/**
 * Everything a finished study found, as written to {@code DIR/results.json}: per model the tuning cells (seed 1, grid
 * order), the configuration chosen on their validation scores, its cells on seeds 1..n and the test metrics
 * aggregated over those seeds (mean and sample std, {@link SeedAggregate}).
 *
 * @param dataset      the dataset's name ({@link StudySettings#datasetName()})
 * @param interactions interactions after the k-core filter
 * @param users        users after the filter
 * @param items        items after the filter
 * @param settings     the study's settings
 * @param grid         "small" or "default"
 * @param seeds        seeds 1..n
 * @param models       one outcome per model, in table order
 */
public record StudyResults(String dataset, int interactions, int users, int items, StudySettings settings, String grid, int seeds,
                           List<ModelOutcome> models) {

    public StudyResults {
        models = List.copyOf(models);
    }

    /**
     * One model's part of the study.
     *
     * @param model         command-line name
     * @param displayName   table row name
     * @param fixedSettings what stayed fixed across its grid
     * @param criterion     the validation score it was selected by (lower is better)
     * @param chosen        the chosen grid point (null when every tuning cell failed)
     * @param tuning        the seed-1 cell of every grid point, grid order
     * @param chosenCells   the chosen point's cells, seeds 1..n (failed ones included)
     * @param test          the test metrics of the chosen point's successful cells (null when there is none)
     * @param seconds       wall time of all the model's cells (training and evaluation), each counted once
     * @param cpuSeconds    CPU time of the same cells ({@link CellResult#cpuSeconds()})
     */
    public record ModelOutcome(String model, String displayName, String fixedSettings, String criterion, StudyPoint chosen, List<CellResult> tuning,
                               List<CellResult> chosenCells, SeedAggregate test, double seconds, double cpuSeconds) {
        public ModelOutcome {
            tuning = List.copyOf(tuning);
            chosenCells = List.copyOf(chosenCells);
        }
    }
}
