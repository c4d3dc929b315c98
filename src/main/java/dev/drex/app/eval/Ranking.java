package dev.drex.app.eval;

/**
 * Orders candidate items by predicted rating, highest first, ties by item index ascending (spec: "ties by
 * item id"; the dense item index of the {@link dev.drex.app.data.Dataset}). Predictions must be finite.
 */
public final class Ranking {

    private Ranking() {
    }

    /** True when candidate a ranks before candidate b: higher score, or the same score and a smaller item. */
    static boolean before(float scoreA, int itemA, float scoreB, int itemB) {
        return scoreA > scoreB || (scoreA == scoreB && itemA < itemB);
    }

    /**
     * The positions {@code 0..n-1} of {@code scores}/{@code items} in rank order (a full sort; for the short
     * lists of the paper protocol). Items must be distinct.
     */
    public static int[] order(float[] scores, int[] items) {
        if (scores.length != items.length) throw new IllegalArgumentException(scores.length + " scores for " + items.length + " items");
        checkFinite(scores, 0, scores.length);
        Integer[] boxed = new Integer[scores.length];
        for (int i = 0; i < boxed.length; i++) boxed[i] = i;
        java.util.Arrays.sort(boxed, (a, b) -> {
            if (scores[a] != scores[b]) return scores[a] > scores[b] ? -1 : 1;
            return Integer.compare(items[a], items[b]);
        });
        int[] out = new int[boxed.length];
        for (int i = 0; i < out.length; i++) out[i] = boxed[i];
        return out;
    }

    /**
     * The best {@code min(k, to - from)} positions of {@code scores[from, to)} / {@code items[from, to)} in rank
     * order (absolute positions). Insertion into a sorted buffer of k: O(n k) at worst, about O(n) in practice.
     */
    public static int[] topK(float[] scores, int[] items, int from, int to, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        checkFinite(scores, from, to);
        int[] best = new int[Math.min(k, to - from)];
        int size = 0;
        for (int j = from; j < to; j++) {
            if (size == best.length) {
                int last = best[size - 1];
                if (!before(scores[j], items[j], scores[last], items[last])) continue;
                size--;                                   // the last one falls out
            }
            int pos = size;
            while (pos > 0 && before(scores[j], items[j], scores[best[pos - 1]], items[best[pos - 1]])) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = j;
            size++;
        }
        return best;
    }

    private static void checkFinite(float[] scores, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(scores[i])) throw new IllegalArgumentException("prediction " + i + " is not finite: " + scores[i]);
        }
    }
}
