package dev.drex.app.compare;

import dev.drex.app.model.RatingPredictor;
import dev.drex.app.report.StudyReport;

/**
 * What an adapter hands back after training one (model, seed, grid point) cell.
 *
 * @param model           the trained model, best weights restored, in evaluation mode
 * @param criterion       the validation score the study selects by, lower is better ("validation RMSE"; DMF:
 *                        "validation BCE", its own stopping criterion, since it predicts no ratings)
 * @param validationScore that score at the best epoch
 * @param trainLoss       mean train loss per epoch (empty for a model without epochs)
 * @param validationCurve the criterion after each epoch, same length as {@code trainLoss}
 * @param bestEpoch       1-based epoch whose weights were kept (0 without epochs)
 * @param overlap         a keyword-overlap example (DReX only, seed 1 only), else null
 */
public record TrainedCell(RatingPredictor model, String criterion, double validationScore, double[] trainLoss, double[] validationCurve,
                          int bestEpoch, StudyReport.KeywordOverlap overlap) {

    /** The criterion name of every model that predicts ratings. */
    public static final String VALIDATION_RMSE = "validation RMSE";

    public TrainedCell {
        if (trainLoss.length != validationCurve.length) {
            throw new IllegalArgumentException(trainLoss.length + " train losses for " + validationCurve.length + " validation scores");
        }
        if (bestEpoch < 0 || bestEpoch > trainLoss.length) throw new IllegalArgumentException("best epoch " + bestEpoch + " of " + trainLoss.length);
    }
}
