package dev.drex.app.compare;

import dev.drex.app.baselines.DmfTrainer;
import java.io.PrintStream;
import java.util.List;

/**
 * DMF ({@link DmfTrainer}): its documented defaults (hidden 256, 4 negatives, mu 1e-6, batch 256, up to 100 epochs,
 * patience 10, min 10, stopping on validation cross-entropy) with the grid point's lr and d (the towers' output
 * width). DMF scores preference, not stars, so it is selected by its own criterion, validation BCE, and its MAE and
 * RMSE are not reported.
 */
public final class DmfStudyModel implements StudyModel {
    private final List<StudyPoint> grid;
    private final DmfTrainer.Config base;

    public DmfStudyModel(List<StudyPoint> grid, int maxEpochs) {
        this.grid = List.copyOf(grid);
        DmfTrainer.Config d = DmfTrainer.Config.defaults();
        this.base = maxEpochs == 0 ? d : d.withEpochs(Math.min(d.maxEpochs(), maxEpochs), Math.min(d.minEpochs(), maxEpochs), d.patience());
    }

    @Override
    public String name() {
        return "dmf";
    }

    @Override
    public String displayName() {
        return "DMF";
    }

    @Override
    public List<StudyPoint> grid() {
        return grid;
    }

    @Override
    public String fixedSettings() {
        return "hidden " + base.hidden() + ", negatives " + base.negatives() + ", mu " + base.mu() + ", batch " + base.batchSize() + ", epochs <= "
                + base.maxEpochs() + " (patience " + base.patience() + ", min " + base.minEpochs() + "), stop on " + base.stop();
    }

    @Override
    public TrainedCell train(StudyData data, StudyPoint point, long seed, PrintStream log) {
        DmfTrainer.Config config = base.withLr(point.require("lr")).withSizes(base.hidden(), (int) point.require("d")).withSeed(seed);
        DmfTrainer.Result r = DmfTrainer.train(data.split(seed), config, log);
        List<DmfTrainer.Epoch> h = r.history();
        boolean bce = config.stop() == DmfTrainer.Stop.BCE;
        if (!Double.isFinite(r.bestScore())) throw new IllegalStateException("DMF: best validation score " + r.bestScore());
        // the study's scores are lower-is-better: paper NDCG@10 enters negated
        double[] curve = h.stream().mapToDouble(e -> bce ? e.validationBce() : -e.validationPaperNdcg10()).toArray();
        return new TrainedCell(r.model(), bce ? "validation BCE" : "-validation paper NDCG@10", bce ? r.bestScore() : -r.bestScore(),
                h.stream().mapToDouble(DmfTrainer.Epoch::trainLoss).toArray(), curve, r.bestEpoch(), null);
    }
}
