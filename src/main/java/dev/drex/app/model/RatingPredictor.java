package dev.drex.app.model;

/**
 * Anything that predicts ratings for (user, item) pairs given as dense indices of a
 * {@link dev.drex.app.data.Dataset}: DReX, DReX-MLP, the floors (global mean, biased MF) and the baselines.
 * Evaluation only talks to this interface.
 */
public interface RatingPredictor {

    /** A short name for tables ("DReX", "global mean", ...). */
    String name();

    /** Predicted ratings for the pairs {@code (users[b], items[b])}; may be outside 1..5 (not clamped). */
    float[] predict(int[] users, int[] items);

    /**
     * True when {@link #predict} returns star ratings, so MAE and RMSE mean something. A model that scores
     * preference (DMF's cosine in [0, 1]) returns false: its scores rank items and nothing else, and the
     * evaluation reports its MAE and RMSE as not applicable (NaN, printed "—").
     */
    default boolean predictsRatings() {
        return true;
    }
}
