package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import dev.drex.app.model.RatingPredictor;
import java.util.ArrayList;
import java.util.List;

/**
 * Top-N recommendations for a user: every item the user has NOT rated anywhere in the data (train,
 * validation or test), ranked by predicted rating, ties by item index.
 */
public final class Recommender {

    private Recommender() {
    }

    /** One recommended item: dense index, id, predicted rating. */
    public record Item(int item, String itemId, float predicted) {}

    /** The {@code top} best unrated items of user {@code u} (fewer when the user has rated almost everything). */
    public static List<Item> recommend(RatingPredictor model, Dataset data, int u, int top) {
        if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        boolean[] rated = new boolean[data.numItems()];
        for (int k = 0; k < data.size(); k++) if (data.user(k) == u) rated[data.item(k)] = true;
        int n = 0;
        for (boolean r : rated) if (!r) n++;
        int[] users = new int[n], items = new int[n];
        for (int i = 0, j = 0; i < rated.length; i++) {
            if (rated[i]) continue;
            users[j] = u;
            items[j++] = i;
        }
        float[] predicted = n == 0 ? new float[0] : model.predict(users, items);
        List<Integer> order = new ArrayList<>(n);
        for (int j = 0; j < n; j++) order.add(j);
        order.sort((a, b) -> predicted[a] != predicted[b] ? Float.compare(predicted[b], predicted[a]) : Integer.compare(items[a], items[b]));
        List<Item> out = new ArrayList<>();
        for (int j = 0; j < Math.min(top, n); j++) {
            int at = order.get(j);
            out.add(new Item(items[at], data.itemId(items[at]), predicted[at]));
        }
        return out;
    }
}
