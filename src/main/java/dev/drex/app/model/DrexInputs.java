package dev.drex.app.model;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.features.ReviewVectors;

/**
 * What a DReX model reads: the interactions, the split (only TRAIN interactions are ever inputs), the
 * review vectors (null when reviews are not used), and optionally a per-interaction flag hiding the
 * rating from the features (the rating modality is then missing; the rating still is the training label).
 *
 * @param ratingHidden null (every rating visible) or one flag per interaction of {@code data}
 */
public record DrexInputs(Dataset data, Split split, ReviewVectors reviews, boolean[] ratingHidden) {
    public DrexInputs {
        if (split.dataset() != data) throw new IllegalArgumentException("the split belongs to another dataset");
        if (ratingHidden != null && ratingHidden.length != data.size()) {
            throw new IllegalArgumentException("ratingHidden has " + ratingHidden.length + " flags for " + data.size() + " interactions");
        }
    }

    /** All reviews and ratings visible. */
    public static DrexInputs of(Split split, ReviewVectors reviews) {
        return new DrexInputs(split.dataset(), split, reviews, null);
    }

    /** True when interaction k's rating may be a feature. */
    public boolean ratingVisible(int k) {
        return ratingHidden == null || !ratingHidden[k];
    }
}
