package dev.drex.app.compare;

import dev.drex.app.baselines.DeepConnTrainer;
import dev.drex.app.baselines.ReviewModelTraining;
import dev.drex.app.data.Split;
import java.io.PrintStream;
import java.util.List;

/**
 * DeepCoNN ({@link DeepConnTrainer}): its documented defaults (100 filters of width 3, FM rank 8, documents of at
 * most 500 word pieces, batch 64, up to 30 epochs, patience 3, min 3) with the grid point's lr, d and dropout. It has
 * no L2 term, so no lambda. Reads the train reviews as word pieces ({@link StudyData#corpus}).
 */
public final class DeepConnStudyModel implements StudyModel {
    private final List<StudyPoint> grid;
    private final DeepConnTrainer.Config base;

    public DeepConnStudyModel(List<StudyPoint> grid, int maxEpochs) {
        this.grid = List.copyOf(grid);
        DeepConnTrainer.Config d = DeepConnTrainer.Config.defaults();
        this.base = maxEpochs == 0 ? d : d.withEpochs(Math.min(d.maxEpochs(), maxEpochs), Math.min(d.minEpochs(), maxEpochs), d.patience());
    }

    @Override
    public String name() {
        return "deepconn";
    }

    @Override
    public String displayName() {
        return "DeepCoNN";
    }

    @Override
    public List<StudyPoint> grid() {
        return grid;
    }

    @Override
    public String fixedSettings() {
        return "filters " + base.filters() + " x width " + base.width() + ", FM rank " + base.factors() + ", documents <= " + base.docLength()
                + " pieces, batch " + base.batchSize() + ", epochs <= " + base.maxEpochs() + " (patience " + base.patience() + ", min "
                + base.minEpochs() + ")";
    }

    @Override
    public TrainedCell train(StudyData data, StudyPoint point, long seed, PrintStream log) {
        DeepConnTrainer.Config config = base.withSizes(base.filters(), (int) point.require("d"), base.factors(), base.docLength())
                .withLr(point.require("lr")).withDropout((float) point.require("dropout")).withSeed(seed);
        Split split = data.split(seed);
        DeepConnTrainer.Result r = DeepConnTrainer.train(split, data.corpus(split), config, log);
        return cell(r.model(), r.outcome());
    }

    /** The cell of a model trained by {@link ReviewModelTraining} (DeepCoNN, NARRE). */
    static TrainedCell cell(dev.drex.app.model.RatingPredictor model, ReviewModelTraining.Outcome o) {
        List<ReviewModelTraining.Epoch> h = o.history();
        return new TrainedCell(model, TrainedCell.VALIDATION_RMSE, o.bestValidationRmse(), h.stream().mapToDouble(ReviewModelTraining.Epoch::trainLoss).toArray(),
                h.stream().mapToDouble(ReviewModelTraining.Epoch::validationRmse).toArray(), o.bestEpoch(), null);
    }
}
