package dev.drex.app.eval;

import dev.drex.app.data.Dataset;
import dev.drex.app.model.RatingPredictor;

/**
 * Rating errors on a set of interactions (spec, "Evaluation": MAE and RMSE on test; the trainers use the
 * same on validation). Predictions are used as they are, not clamped to 1..5; sums in double.
 * <pre>  MAE = (1/n) sum |r - rhat|      RMSE = sqrt((1/n) sum (r - rhat)^2)</pre>
 *
 * @param mae   mean absolute error
 * @param rmse  root mean squared error
 * @param count number of interactions n (>= 1)
 */
public record ErrorMetrics(double mae, double rmse, int count) {

    /** Errors of {@code predicted[j]} against the rating of interaction {@code indices[j]}. */
    public static ErrorMetrics of(Dataset data, int[] indices, float[] predicted) {
        if (indices.length != predicted.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + indices.length + " interactions");
        }
        if (indices.length == 0) throw new IllegalArgumentException("no interactions to measure errors on");
        double absolute = 0;
        double squared = 0;
        for (int j = 0; j < indices.length; j++) {
            double e = data.rating(indices[j]) - (double) predicted[j];
            absolute += Math.abs(e);
            squared += e * e;
        }
        return new ErrorMetrics(absolute / indices.length, Math.sqrt(squared / indices.length), indices.length);
    }

    /** Predicts the interactions {@code indices} with {@code model} (in batches) and measures the errors. */
    public static ErrorMetrics of(RatingPredictor model, Dataset data, int[] indices) {
        return of(data, indices, Predictions.ofInteractions(model, data, indices, Predictions.DEFAULT_BATCH));
    }
}
