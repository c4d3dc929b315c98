package dev.drex.app.model;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Review;
import dev.drex.app.data.Split;
import dev.drex.app.features.RandomLemmaVectors;
import dev.drex.app.features.ReviewVectors;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import java.util.ArrayList;
import java.util.List;

/**
 * 2 users, 3 items, 5 train interactions with short reviews and 1 validation interaction, random lemma
 * vectors of width 5. Interaction "B z" has no review, and the rating of "A y" can be hidden, so the
 * missing-modality paths are exercised.
 */
final class TinyInstance {
    static final String[][] ROWS = {
            // user, item, rating, text
            {"A", "x", "5", "great guitar strings, bright tone"},
            {"B", "x", "4", "good strings but pricey"},
            {"A", "y", "2", "the cable broke quickly, poor cable"},
            {"B", "z", "3", ""},
            {"A", "z", "4", "solid stand, sturdy legs"},
            {"B", "y", "1", "noisy cable"},
    };

    final Dataset data;
    final Split split;
    final ReviewVectors vectors;

    TinyInstance() {
        List<Review> reviews = new ArrayList<>();
        for (int j = 0; j < ROWS.length; j++) {
            String[] r = ROWS[j];
            reviews.add(new Review(r[0], r[1], Integer.parseInt(r[2]), "", r[3], 1000L * (j + 1), "tiny", j + 1));
        }
        data = Dataset.of(reviews);
        Split.Part[] parts = new Split.Part[data.size()];
        for (int k = 0; k < parts.length; k++) parts[k] = k == parts.length - 1 ? Split.Part.VALIDATION : Split.Part.TRAIN;
        split = new Split(data, parts, 0);
        vectors = new RandomLemmaVectors(data, new TextPreprocessor(PreprocessConfig.DEFAULTS), 5, 11);
    }

    /** Hides the rating of "A y". */
    boolean[] hiddenRating() {
        boolean[] h = new boolean[data.size()];
        h[data.find(data.userIndex("A"), data.itemIndex("y"))] = true;
        return h;
    }
}
