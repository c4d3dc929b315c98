package dev.drex.app.compare;

import dev.drex.app.data.Split;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.run.GridPoint;
import dev.drex.app.run.RunTrainer;
import dev.drex.app.train.EpochRecord;
import dev.drex.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * DReX or DReX-MLP ({@link RunTrainer}, the code path of {@code drex train}): the spec's defaults
 * ({@link DrexConfig#defaults()}: window 20, batch 128, up to 100 epochs, patience 10, no stop before epoch 10,
 * early stopping on validation RMSE, best weights restored) with the grid point's lr, lambda, d and dropout (on x and
 * on the MLP hidden layer). Each cell trains in its own run directory under {@code DIR/runs}, so a cell killed
 * half-way continues from its checkpoint and the finished model can be explained later ({@code drex explain}).
 */
public final class DrexStudyModel implements StudyModel {
    private final DrexConfig.Variant variant;
    private final List<StudyPoint> grid;
    private final DrexConfig base;

    /** @param maxEpochs cap on epochs (0: the spec's 100) */
    public DrexStudyModel(DrexConfig.Variant variant, List<StudyPoint> grid, int maxEpochs) {
        this.variant = variant;
        this.grid = List.copyOf(grid);
        DrexConfig d = DrexConfig.defaults().withVariant(variant);
        this.base = maxEpochs == 0 ? d : d.withEpochs(Math.min(d.epochs(), maxEpochs)).withMinEpochs(Math.min(d.minEpochs(), maxEpochs));
    }

    @Override
    public String name() {
        return variant.cliName();
    }

    @Override
    public String displayName() {
        return variant == DrexConfig.Variant.DREX ? "DReX" : "DReX-MLP";
    }

    @Override
    public List<StudyPoint> grid() {
        return grid;
    }

    @Override
    public String fixedSettings() {
        return "window " + base.window() + ", batch " + base.batchSize() + ", epochs <= " + base.epochs() + " (patience " + base.patience()
                + ", min " + base.minEpochs() + "), weight decay " + base.weightDecay() + ", clip " + base.clipNorm() + ", criterion "
                + base.criterion();
    }

    /** The config of {@code point} with model seed {@code seed}. */
    public DrexConfig config(StudyPoint point, long seed) {
        return new GridPoint(variant.cliName(), point.require("lr"), point.require("lambda"), (int) point.require("d"),
                (float) point.require("dropout")).apply(base, seed);
    }

    @Override
    public TrainedCell train(StudyData data, StudyPoint point, long seed, PrintStream log) throws IOException {
        DrexConfig config = config(point, seed);
        Split split = data.split(seed);
        boolean usesReviews = RunTrainer.usesReviews(config);
        java.nio.file.Path runDir = data.runDir(name() + "-seed" + seed + "-" + point.key());
        RunTrainer.Trained t = RunTrainer.train(split, usesReviews ? data.reviews() : null, config, data.manifest(split, usesReviews), runDir,
                true, false, log);
        AtomicFiles.deleteRecursively(runDir.resolve("checkpoint"));
        List<EpochRecord> history = t.result().history();
        double[] loss = history.stream().mapToDouble(EpochRecord::trainLoss).toArray();
        double[] rmse = history.stream().mapToDouble(EpochRecord::validationRmse).toArray();
        int best = t.result().bestEpoch();
        if (!Double.isFinite(rmse[best - 1])) throw new IllegalStateException(displayName() + ": validation RMSE " + rmse[best - 1]);
        var overlap = seed == 1 && usesReviews ? KeywordOverlaps.of(t.model(), displayName()) : null;
        return new TrainedCell(t.model(), TrainedCell.VALIDATION_RMSE, rmse[best - 1], loss, rmse, best, overlap);
    }
}
