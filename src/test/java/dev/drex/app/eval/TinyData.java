package dev.drex.app.eval;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Review;
import dev.drex.app.data.Split;
import dev.drex.app.model.RatingPredictor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A hand-made split for the protocol tests. Users A=0, C=1, B=2; items i0..i5 = 0..5 (first appearance).
 * <pre>
 *   user A: test i0 r3, i1 r5, i2 r4;  validation i3 r2;  train i4 r4
 *   user C: train i3 r4, i4 r3, i5 r5; test i0 r5
 *   user B: test i4 r1, i3 r2 (i4 before i3 in time: index order differs from time order); train i0 r4
 * </pre>
 */
final class TinyData {

    final Dataset data;
    final Split split;

    TinyData() {
        String[][] rows = {   // user, item, rating, part
                {"A", "i0", "3", "test"}, {"A", "i1", "5", "test"}, {"A", "i2", "4", "test"},
                {"C", "i3", "4", "train"}, {"C", "i4", "3", "train"},
                {"B", "i4", "1", "test"}, {"B", "i3", "2", "test"}, {"C", "i0", "5", "test"},
                {"B", "i0", "4", "train"}, {"A", "i3", "2", "validation"}, {"A", "i4", "4", "train"}, {"C", "i5", "5", "train"}};
        List<Review> reviews = new ArrayList<>();
        for (int t = 0; t < rows.length; t++) {
            reviews.add(new Review(rows[t][0], rows[t][1], Integer.parseInt(rows[t][2]), "", "", 1000L * (t + 1), "tiny", t + 1));
        }
        data = Dataset.of(reviews);
        Split.Part[] parts = new Split.Part[rows.length];
        for (int t = 0; t < rows.length; t++) parts[t] = Split.Part.ofFileName(rows[t][3]);
        split = new Split(data, parts, 0);
        assertEquals(List.of(0, 1, 2), List.of(data.userIndex("A"), data.userIndex("C"), data.userIndex("B")));
        for (int i = 0; i < 6; i++) assertEquals(i, data.itemIndex("i" + i));
    }

    static final int A = 0, C = 1, B = 2;

    /** Predicts from a table of (user, item) -> score, {@code fallback} elsewhere; records every pair asked. */
    static final class TablePredictor implements RatingPredictor {
        private final Map<Long, Float> table = new HashMap<>();
        private final float fallback;
        final List<long[]> asked = new ArrayList<>();
        int calls;

        TablePredictor(float fallback) {
            this.fallback = fallback;
        }

        TablePredictor put(int user, int item, float score) {
            table.put(((long) user << 32) | item, score);
            return this;
        }

        @Override
        public String name() {
            return "table";
        }

        @Override
        public float[] predict(int[] users, int[] items) {
            calls++;
            float[] out = new float[users.length];
            for (int j = 0; j < users.length; j++) {
                asked.add(new long[] {users[j], items[j]});
                out[j] = table.getOrDefault(((long) users[j] << 32) | items[j], fallback);
            }
            return out;
        }
    }
}
