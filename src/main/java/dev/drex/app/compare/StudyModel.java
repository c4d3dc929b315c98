package dev.drex.app.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * A model as {@code drex compare} sees it: a name, a grid and a way to train one configuration on one seed. Every
 * model of the study (DReX, the baselines, the floors) is one small adapter class implementing this; the study
 * evaluates what {@link #train} returns on the test part itself, so an adapter only trains.
 *
 * <p>Adding a model, e.g. PESI, whose trainer is {@code PesiTrainer.train(Split, PesiTrainer.Config, PrintStream)}:
 * <ol>
 *   <li>write {@code PesiStudyModel implements StudyModel} as {@link NarreStudyModel} is written: keep
 *       {@code PesiTrainer.Config.defaults()} (epochs capped by {@code maxEpochs}) as the base; in {@link #train} set the
 *       point's lr / lambda / d / dropout and the seed on it, call
 *       {@code PesiTrainer.train(data.split(seed), config, log)}, and return
 *       {@code new TrainedCell(result.model(), TrainedCell.VALIDATION_RMSE, bestValidationRmse, trainLossPerEpoch,
 *       validationRmsePerEpoch, bestEpoch, null)};</li>
 *   <li>give it a grid: a {@code case "pesi"} in {@link StudyGrids#of} (centre = its documented defaults);</li>
 *   <li>register it: add "pesi" to {@link StudyModels#NAMES} (its place there is its row in the tables) and a
 *       {@code case "pesi"} to {@link StudyModels#create(String, StudyGrids.Size, int)}; if it reads DReX's review
 *       vectors or word pieces, say so in {@link StudyModels#needsVectors} / {@link StudyModels#needsWordPieces} (then
 *       {@code data.reviews()} / {@code data.corpus(split)} give them);</li>
 *   <li>add its cost to {@link CellCosts} and its grid line to {@code CompareCommand.GRID_HELP} ({@code StudyGridsTest}
 *       fails until the help matches the grids).</li>
 * </ol>
 */
public interface StudyModel {

    /** The command-line name ({@code drex}, {@code narre}, ...), also used in cell file names. */
    String name();

    /** The row name in tables ({@code DReX}, {@code NARRE}, ...). */
    String displayName();

    /** The grid points, centre first, in a fixed order (cells are numbered in this order). */
    List<StudyPoint> grid();

    /**
     * Everything that stays fixed across the grid, on one line (the base config with its seed and the grid's
     * parameters left as they are). Recorded in every cell: a cell computed under other fixed settings is refused.
     */
    String fixedSettings();

    /**
     * Trains configuration {@code point} on {@code data.split(seed)} with model seed {@code seed} (split seed = model
     * seed), early-stopped on the validation part, best weights restored. The test part must not be read.
     *
     * @param log progress lines (null: silent)
     * @throws IllegalStateException when training diverges (non-finite loss or validation score): the study records
     *                               the cell as failed instead of stopping
     */
    TrainedCell train(StudyData data, StudyPoint point, long seed, PrintStream log) throws IOException;
}
