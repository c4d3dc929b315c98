package dev.drex.app.compare;

import dev.drex.app.model.BiasedMfTrainer;
import java.io.PrintStream;
import java.util.List;

/**
 * The biased-MF floor ({@link BiasedMfTrainer}): its documented defaults (batch 128, up to 100 epochs, patience 10,
 * min 10, init std 0.1) with the grid point's lr, lambda (penalty on the factors and biases) and d.
 */
public final class BiasedMfStudyModel implements StudyModel {
    private final List<StudyPoint> grid;
    private final BiasedMfTrainer.Config base;

    public BiasedMfStudyModel(List<StudyPoint> grid, int maxEpochs) {
        this.grid = List.copyOf(grid);
        BiasedMfTrainer.Config d = BiasedMfTrainer.Config.defaults();
        this.base = maxEpochs == 0 ? d : d.withEpochs(Math.min(d.maxEpochs(), maxEpochs), Math.min(d.minEpochs(), maxEpochs), d.patience());
    }

    @Override
    public String name() {
        return "biased-mf";
    }

    @Override
    public String displayName() {
        return "biased MF";
    }

    @Override
    public List<StudyPoint> grid() {
        return grid;
    }

    @Override
    public String fixedSettings() {
        return "batch " + base.batchSize() + ", epochs <= " + base.maxEpochs() + " (patience " + base.patience() + ", min " + base.minEpochs()
                + "), init std " + base.initStd();
    }

    @Override
    public TrainedCell train(StudyData data, StudyPoint point, long seed, PrintStream log) {
        BiasedMfTrainer.Config config = base.withLr(point.require("lr")).withLambda(point.require("lambda")).withDim((int) point.require("d"))
                .withSeed(seed);
        BiasedMfTrainer.Result r = BiasedMfTrainer.train(data.split(seed), config, log);
        List<BiasedMfTrainer.Epoch> h = r.history();
        return new TrainedCell(r.model(), TrainedCell.VALIDATION_RMSE, r.bestValidationRmse(), h.stream().mapToDouble(BiasedMfTrainer.Epoch::trainLoss).toArray(),
                h.stream().mapToDouble(BiasedMfTrainer.Epoch::validationRmse).toArray(), r.bestEpoch(), null);
    }
}
