package dev.drex.app.compare;

import dev.drex.app.baselines.NarreTrainer;
import dev.drex.app.data.Split;
import java.io.PrintStream;
import java.util.List;

/**
 * NARRE ({@link NarreTrainer}): its documented defaults (100 filters of width 3, attention 32, reviews of at most
 * 128 word pieces, batch 64, up to 30 epochs, patience 3, min 3) with the grid point's lr, d and dropout. No L2 term,
 * so no lambda. Reads the train reviews as word pieces ({@link StudyData#corpus}).
 *
 * <p>This is the pattern for a new model (PESI): build the trainer's config from {@code base} and the point, train on
 * {@code data.split(seed)}, return the model and its per-epoch curve.
 */
public final class NarreStudyModel implements StudyModel {
    private final List<StudyPoint> grid;
    private final NarreTrainer.Config base;

    public NarreStudyModel(List<StudyPoint> grid, int maxEpochs) {
        this.grid = List.copyOf(grid);
        NarreTrainer.Config d = NarreTrainer.Config.defaults();
        this.base = maxEpochs == 0 ? d : d.withEpochs(Math.min(d.maxEpochs(), maxEpochs), Math.min(d.minEpochs(), maxEpochs), d.patience());
    }

    @Override
    public String name() {
        return "narre";
    }

    @Override
    public String displayName() {
        return "NARRE";
    }

    @Override
    public List<StudyPoint> grid() {
        return grid;
    }

    @Override
    public String fixedSettings() {
        return "filters " + base.filters() + " x width " + base.width() + ", attention " + base.attention() + ", reviews <= " + base.reviewLength()
                + " pieces, batch " + base.batchSize() + ", epochs <= " + base.maxEpochs() + " (patience " + base.patience() + ", min "
                + base.minEpochs() + ")";
    }

    @Override
    public TrainedCell train(StudyData data, StudyPoint point, long seed, PrintStream log) {
        NarreTrainer.Config config = base.withSizes(base.filters(), base.attention(), (int) point.require("d"), base.reviewLength())
                .withLr(point.require("lr")).withDropout((float) point.require("dropout")).withSeed(seed);
        Split split = data.split(seed);
        NarreTrainer.Result r = NarreTrainer.train(split, data.corpus(split), config, log);
        return DeepConnStudyModel.cell(r.model(), r.outcome());
    }
}
