package dev.drex.app.compare;

import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.report.StudyReport;

/**
 * One finished cell of a study, one (model, seed, grid point), as saved in {@code DIR/cells/}. Selection reads only the
 * validation fields; {@code test} is measured for every cell (it is cheap beside training, and a killed study then
 * never has to retrain a chosen seed-1 cell to test it) but is read only for the chosen configuration.
 *
 * @param model             the model's command-line name
 * @param seed              split seed = model seed
 * @param point             the grid point
 * @param fixedSettings     the model's fixed settings ({@link StudyModel#fixedSettings()}) and the inputs it read
 *                          ({@link StudySettings#inputsOf}) when the cell was trained
 * @param splitSha256       the split's hash
 * @param criterion         what {@code validationScore} is ("validation RMSE", DMF: "validation BCE"), lower is better
 * @param validationScore   the criterion at the best epoch (+infinity for a failed cell)
 * @param validationRmse    validation RMSE of the trained model (NaN for DMF, which predicts no ratings)
 * @param validationMae     validation MAE likewise
 * @param bestEpoch         the epoch whose weights were kept (1-based; 0 without epochs)
 * @param trainLoss         mean train loss per epoch
 * @param validationCurve   the criterion after each epoch
 * @param trainSeconds      wall time of training
 * @param cpuSeconds        CPU time the whole process used during training and evaluation (all threads, GC included):
 *                          on a shared machine it says what the cell would cost alone better than wall time does
 * @param evaluationSeconds wall time of the test evaluation
 * @param test              every test metric ({@link dev.drex.app.eval.Evaluator}); null for a failed cell
 * @param overlap           DReX's keyword-overlap example (seed 1), else null
 * @param failure           why training failed (diverged), or null
 */
public record CellResult(String model, long seed, StudyPoint point, String fixedSettings, String splitSha256, String criterion,
                         double validationScore, double validationRmse, double validationMae, int bestEpoch, double[] trainLoss,
                         double[] validationCurve, double trainSeconds, double cpuSeconds, double evaluationSeconds, EvaluationResult test,
                         StudyReport.KeywordOverlap overlap, String failure) {

    /** The file-name-safe key of a cell: {@code narre-seed2-lr0.002_d32_dropout0.5}. */
    public static String key(String model, long seed, StudyPoint point) {
        return model + "-seed" + seed + "-" + point.key();
    }

    /** This cell's {@link #key(String, long, StudyPoint)}. */
    public String key() {
        return key(model, seed, point);
    }

    /** Training and evaluation time. */
    public double seconds() {
        return trainSeconds + evaluationSeconds;
    }

    public boolean failed() {
        return failure != null;
    }
}
