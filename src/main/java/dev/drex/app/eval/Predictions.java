package dev.drex.app.eval;

import dev.drex.app.data.Dataset;
import dev.drex.app.model.RatingPredictor;

/** Calls a {@link RatingPredictor} in batches and checks what comes back (length, finite values). */
public final class Predictions {

    /** Pairs per {@link RatingPredictor#predict} call unless told otherwise. */
    public static final int DEFAULT_BATCH = 16_384;

    private Predictions() {
    }

    /** Predicted ratings of the interactions {@code indices} of {@code data}, in that order. */
    public static float[] ofInteractions(RatingPredictor model, Dataset data, int[] indices, int batch) {
        int[] users = new int[indices.length];
        int[] items = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            users[j] = data.user(indices[j]);
            items[j] = data.item(indices[j]);
        }
        return ofPairs(model, users, items, batch);
    }

    /** Predicted ratings of the pairs {@code (users[j], items[j])}, {@code batch} pairs per call. */
    public static float[] ofPairs(RatingPredictor model, int[] users, int[] items, int batch) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        if (users.length != items.length) throw new IllegalArgumentException(users.length + " users for " + items.length + " items");
        float[] out = new float[users.length];
        for (int from = 0; from < users.length; from += batch) {
            int to = Math.min(users.length, from + batch);
            int[] u = from == 0 && to == users.length ? users : java.util.Arrays.copyOfRange(users, from, to);
            int[] i = from == 0 && to == users.length ? items : java.util.Arrays.copyOfRange(items, from, to);
            float[] p = model.predict(u, i);
            check(model, p, u, i);
            System.arraycopy(p, 0, out, from, p.length);
        }
        return out;
    }

    /** Fails with the model's name and the pair when the output has the wrong length or a non-finite value. */
    static void check(RatingPredictor model, float[] predicted, int[] users, int[] items) {
        if (predicted == null || predicted.length != users.length) {
            throw new IllegalStateException(model.name() + " returned " + (predicted == null ? "null" : predicted.length + " predictions")
                    + " for " + users.length + " pairs");
        }
        for (int j = 0; j < predicted.length; j++) {
            if (!Float.isFinite(predicted[j])) {
                throw new IllegalStateException(model.name() + " predicted " + predicted[j] + " for user " + users[j] + ", item " + items[j]);
            }
        }
    }
}
