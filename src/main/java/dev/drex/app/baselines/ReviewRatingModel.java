package dev.drex.app.baselines;

import dev.drex.app.model.RatingPredictor;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Tensor;

/**
 * A rating model that reads the train reviews (DeepCoNN, NARRE, PESI): a recorded forward for training, the batch
 * objective the training loop minimises, and predictions from per-user and per-item latents cached over the full
 * train reviews.
 */
interface ReviewRatingModel extends RatingPredictor {

    /**
     * Predicted ratings (B), recorded for backward. {@code leaveOut[b]} is the train interaction of the pair
     * (u_b, i_b) itself (-1: none); it is removed from both the user's and the item's reviews, so a target's own
     * review never explains its rating.
     */
    Tensor forward(int[] users, int[] items, int[] leaveOut);

    /**
     * The scalar objective of one training batch, recorded for backward: by default the MSE of {@link #forward}
     * against {@code ratings} (B); a model with auxiliary terms (PESI's contrastive, orthogonality and entropy
     * terms, its L2 penalty) adds them here.
     */
    default Tensor trainingLoss(int[] users, int[] items, int[] leaveOut, Tensor ratings) {
        return F.mseLoss(forward(users, items, leaveOut), ratings);
    }

    /**
     * Recomputes, in evaluation mode and without a graph, the latents {@link #predict} reads (from every train
     * review; the pairs predicted are validation or test pairs whose reviews are not in train). Call after every
     * change of the weights.
     */
    void refreshCache();
}
