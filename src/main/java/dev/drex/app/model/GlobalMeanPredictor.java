package dev.drex.app.model;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;

import java.util.Arrays;

/**
 * The first floor: every pair gets the mean train rating {@code mu = (1/|train|) sum_train r}. Ranked by it,
 * every list is in item-index order (ties by item), a model-free ordering.
 */
public final class GlobalMeanPredictor implements RatingPredictor {

    private final float mean;

    public GlobalMeanPredictor(float mean) {
        if (!Float.isFinite(mean)) throw new IllegalArgumentException("mean must be finite, got " + mean);
        this.mean = mean;
    }

    /** The mean rating of the interactions {@code indices} of {@code data} (summed in double). */
    public static GlobalMeanPredictor fit(Dataset data, int[] indices) {
        if (indices.length == 0) throw new IllegalArgumentException("no interaction to average");
        double sum = 0;
        for (int k : indices) sum += data.rating(k);
        return new GlobalMeanPredictor((float) (sum / indices.length));
    }

    /** The mean rating of the split's train part. */
    public static GlobalMeanPredictor fit(Split split) {
        return fit(split.dataset(), split.train());
    }

    public float mean() {
        return mean;
    }

    @Override
    public String name() {
        return "global mean";
    }

    @Override
    public float[] predict(int[] users, int[] items) {
        if (users.length != items.length) throw new IllegalArgumentException(users.length + " users for " + items.length + " items");
        float[] out = new float[users.length];
        Arrays.fill(out, mean);
        return out;
    }
}
