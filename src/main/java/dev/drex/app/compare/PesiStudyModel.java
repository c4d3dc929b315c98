package dev.drex.app.compare;

import dev.drex.app.baselines.PesiTrainer;
import dev.drex.app.data.Split;
import java.io.PrintStream;
import java.util.List;

/**
 * PESI ({@link PesiTrainer}): its documented defaults (100 filters of width 3, reviews of at most 128 word pieces,
 * contrastive / orthogonality / entropy weights 0.1 / 0.1 / 0.01 at temperature 0.2, batch 64, up to 30 epochs,
 * patience 3, min 3) with the grid point's lr, lambda (L2 on the ID embeddings and biases), d and dropout. Reads the
 * train reviews as word pieces ({@link StudyData#corpus}), like NARRE.
 */
public final class PesiStudyModel implements StudyModel {
    private final List<StudyPoint> grid;
    private final PesiTrainer.Config base;

    public PesiStudyModel(List<StudyPoint> grid, int maxEpochs) {
        this.grid = List.copyOf(grid);
        PesiTrainer.Config d = PesiTrainer.Config.defaults();
        this.base = maxEpochs == 0 ? d : d.withEpochs(Math.min(d.maxEpochs(), maxEpochs), Math.min(d.minEpochs(), maxEpochs), d.patience());
    }

    @Override
    public String name() {
        return "pesi";
    }

    @Override
    public String displayName() {
        return "PESI";
    }

    @Override
    public List<StudyPoint> grid() {
        return grid;
    }

    @Override
    public String fixedSettings() {
        return "filters " + base.filters() + " x width " + base.width() + ", reviews <= " + base.reviewLength() + " pieces, contrast "
                + base.contrast() + " (temperature " + base.temperature() + "), orthogonality " + base.orthogonality() + ", entropy "
                + base.entropy() + ", batch " + base.batchSize() + ", epochs <= " + base.maxEpochs() + " (patience " + base.patience()
                + ", min " + base.minEpochs() + ")";
    }

    @Override
    public TrainedCell train(StudyData data, StudyPoint point, long seed, PrintStream log) {
        PesiTrainer.Config config = base.withSizes(base.filters(), (int) point.require("d"), base.reviewLength())
                .withLr(point.require("lr")).withLambda((float) point.require("lambda")).withDropout((float) point.require("dropout"))
                .withSeed(seed);
        Split split = data.split(seed);
        PesiTrainer.Result r = PesiTrainer.train(split, data.corpus(split), config, log);
        return DeepConnStudyModel.cell(r.model(), r.outcome());
    }
}
