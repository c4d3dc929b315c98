package dev.drex.app.compare;

import dev.drex.app.baselines.EmfTrainer;
import java.io.PrintStream;
import java.util.List;

/**
 * EMF ({@link EmfTrainer}): its documented defaults (biased, explainability coefficient 1e-3, 20 neighbours, theta 0,
 * batch 128, up to 100 epochs, patience 10, min 10) with the grid point's lr, lambda and d. The study's lambda is
 * EMF's L2 coefficient beta (the penalty, as lambda is for DReX), not its explainability coefficient.
 */
public final class EmfStudyModel implements StudyModel {
    private final List<StudyPoint> grid;
    private final EmfTrainer.Config base;

    public EmfStudyModel(List<StudyPoint> grid, int maxEpochs) {
        this.grid = List.copyOf(grid);
        EmfTrainer.Config d = EmfTrainer.Config.defaults();
        this.base = maxEpochs == 0 ? d : d.withEpochs(Math.min(d.maxEpochs(), maxEpochs), Math.min(d.minEpochs(), maxEpochs), d.patience());
    }

    @Override
    public String name() {
        return "emf";
    }

    @Override
    public String displayName() {
        return "EMF";
    }

    @Override
    public List<StudyPoint> grid() {
        return grid;
    }

    @Override
    public String fixedSettings() {
        return "explainability " + base.lambda() + ", k " + base.neighbours() + ", theta " + base.theta() + (base.biased() ? ", biased" : ", unbiased")
                + ", batch " + base.batchSize() + ", epochs <= " + base.maxEpochs() + " (patience " + base.patience() + ", min " + base.minEpochs()
                + "), init std " + base.initStd();
    }

    @Override
    public TrainedCell train(StudyData data, StudyPoint point, long seed, PrintStream log) {
        EmfTrainer.Config config = base.withLr(point.require("lr")).withBeta(point.require("lambda")).withDim((int) point.require("d")).withSeed(seed);
        EmfTrainer.Result r = EmfTrainer.train(data.split(seed), config, log);
        List<EmfTrainer.Epoch> h = r.history();
        return new TrainedCell(r.model(), TrainedCell.VALIDATION_RMSE, r.bestValidationRmse(), h.stream().mapToDouble(EmfTrainer.Epoch::trainLoss).toArray(),
                h.stream().mapToDouble(EmfTrainer.Epoch::validationRmse).toArray(), r.bestEpoch(), null);
    }
}
