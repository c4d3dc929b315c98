package dev.drex.app.baselines;

import dev.drex.app.model.RatingPredictor;
import dev.drex.engine.tensor.Tensor;

/**
 * A rating model that reads the train reviews (DeepCoNN, NARRE): a recorded forward for training, and predictions
 * from per-user and per-item latents cached over the full train reviews.
 */
interface ReviewRatingModel extends RatingPredictor {

    /**
     * Predicted ratings (B), recorded for backward. {@code leaveOut[b]} is the train interaction of the pair
     * (u_b, i_b) itself (-1: none); it is removed from both the user's and the item's reviews, so a target's own
     * review never explains its rating.
     */
    Tensor forward(int[] users, int[] items, int[] leaveOut);

    /**
     * Recomputes, in evaluation mode and without a graph, the latents {@link #predict} reads (from every train
     * review; the pairs predicted are validation or test pairs whose reviews are not in train). Call after every
     * change of the weights.
     */
    void refreshCache();
}
