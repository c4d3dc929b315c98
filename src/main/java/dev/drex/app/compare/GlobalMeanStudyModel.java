package dev.drex.app.compare;

import dev.drex.app.data.Split;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.model.GlobalMeanPredictor;
import java.io.PrintStream;
import java.util.List;

/** The global-mean floor ({@link GlobalMeanPredictor}): the mean train rating for every pair; nothing to tune, no epochs. */
public final class GlobalMeanStudyModel implements StudyModel {

    @Override
    public String name() {
        return "global-mean";
    }

    @Override
    public String displayName() {
        return "global mean";
    }

    @Override
    public List<StudyPoint> grid() {
        return List.of(StudyPoint.NONE);
    }

    @Override
    public String fixedSettings() {
        return "mean train rating";
    }

    @Override
    public TrainedCell train(StudyData data, StudyPoint point, long seed, PrintStream log) {
        Split split = data.split(seed);
        GlobalMeanPredictor model = GlobalMeanPredictor.fit(split);
        double rmse = new Evaluator().errors(model, split, Split.Part.VALIDATION).rmse();
        return new TrainedCell(model, TrainedCell.VALIDATION_RMSE, rmse, new double[0], new double[0], 0, null);
    }
}
