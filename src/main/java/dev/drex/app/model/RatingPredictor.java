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
}
