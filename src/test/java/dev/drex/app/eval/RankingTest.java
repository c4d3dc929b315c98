package dev.drex.app.eval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RankingTest {

    @Test
    void higherScoreFirstTiesByItemAscending() {
        int[] items = {7, 3, 9, 1, 5};
        float[] scores = {4f, 4f, 5f, 4f, 2f};
        // 9 (5.0), then the 4.0 tie by item: 1, 3, 7, then 5 (2.0)
        int[] order = Ranking.order(scores, items);
        int[] ranked = new int[order.length];
        for (int p = 0; p < order.length; p++) ranked[p] = items[order[p]];
        assertArrayEquals(new int[] {9, 1, 3, 7, 5}, ranked);
        assertArrayEquals(new int[] {2, 3, 1}, Ranking.topK(scores, items, 0, 5, 3));
    }

    @Test
    void topKIsThePrefixOfTheFullSortAtAwkwardSizes() {
        Random random = new Random(5);
        for (int n : new int[] {1, 3, 15, 17, 33, 1000}) {
            for (int k : new int[] {1, 2, 5, 20, 2000}) {
                float[] scores = new float[n + 4];
                int[] items = new int[n + 4];
                for (int j = 0; j < scores.length; j++) {
                    scores[j] = random.nextInt(7);          // many ties
                    items[j] = random.nextInt(1_000_000);
                }
                // the window [2, n + 2) of the arrays
                float[] windowScores = java.util.Arrays.copyOfRange(scores, 2, n + 2);
                int[] windowItems = java.util.Arrays.copyOfRange(items, 2, n + 2);
                java.util.Set<Integer> distinct = new java.util.HashSet<>();
                for (int i : windowItems) distinct.add(i);
                if (distinct.size() != n) continue;        // items must be distinct; astronomically rare
                int[] full = Ranking.order(windowScores, windowItems);
                int[] top = Ranking.topK(scores, items, 2, n + 2, k);
                int[] expected = java.util.Arrays.copyOf(full, Math.min(k, n));
                for (int p = 0; p < expected.length; p++) expected[p] += 2;
                assertArrayEquals(expected, top, "n " + n + " k " + k);
            }
        }
    }

    @Test
    void nonFinitePredictionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ranking.order(new float[] {1f, Float.NaN}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Ranking.topK(new float[] {Float.POSITIVE_INFINITY}, new int[] {0}, 0, 1, 1));
    }
}
