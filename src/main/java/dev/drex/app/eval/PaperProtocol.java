package dev.drex.app.eval;

import dev.drex.app.data.Dataset;

/**
 * The paper's ranking protocol (spec, "Evaluation"): each test user with at least 2 test items ranks THOSE
 * items by predicted rating, ties by item index ascending.
 * <ul>
 *   <li>NDCG@k: gain {@code 2^r - 1} of the true rating r; the ideal order is the same items sorted by r.
 *       Averaged over every evaluated user (the gain is >= 1 for r >= 1, so the ideal DCG is never 0).</li>
 *   <li>F1@k: relevant = r >= 4; {@code P = hits/k} even when the user has fewer than k test items (so for
 *       k >= the list length every order gives the same F1: that is why F1@k for large k does not separate
 *       models); {@code R = hits/|relevant|}; F1 = 0 when there is no hit. Averaged over the evaluated users
 *       with at least one relevant item; users without one count for NDCG only.</li>
 * </ul>
 * A metric is NaN when no user qualifies (no user with 2 test items, or none of them with a relevant item).
 */
public final class PaperProtocol {

    /** A user needs at least this many test items to be ranked. */
    public static final int MIN_TEST_ITEMS = 2;

    /** Ratings at or above this are relevant for F1. */
    public static final int RELEVANT_RATING = 4;

    private PaperProtocol() {
    }

    /**
     * @param data      the dataset
     * @param test      the interactions to rank (indices into data): the test part, or the validation part when a
     *                  trainer selects models by validation NDCG
     * @param predicted the model's prediction for each of them, same order
     * @param ks        the cut-offs, increasing, each >= 1
     */
    public static RankingResult evaluate(Dataset data, int[] test, float[] predicted, int[] ks) {
        Evaluator.checkKs(ks);
        if (test.length != predicted.length) throw new IllegalArgumentException(predicted.length + " predictions for " + test.length + " test interactions");
        // group the test interactions by user (CSR: start[u] .. start[u+1] in byUser)
        int[] start = new int[data.numUsers() + 1];
        for (int k : test) start[data.user(k) + 1]++;
        for (int u = 0; u < data.numUsers(); u++) start[u + 1] += start[u];
        int[] byUser = new int[test.length];
        int[] fill = start.clone();
        for (int j = 0; j < test.length; j++) byUser[fill[data.user(test[j])]++] = j;

        double[] ndcgSum = new double[ks.length];
        double[] f1Sum = new double[ks.length];
        int ndcgUsers = 0;
        int f1Users = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            int n = start[u + 1] - start[u];
            if (n < MIN_TEST_ITEMS) continue;
            float[] scores = new float[n];
            int[] items = new int[n];
            int[] ratings = new int[n];
            for (int m = 0; m < n; m++) {
                int j = byUser[start[u] + m];
                scores[m] = predicted[j];
                items[m] = data.item(test[j]);
                ratings[m] = data.rating(test[j]);
            }
            int[] order = Ranking.order(scores, items);
            double[] rankedGains = new double[n];
            boolean[] rankedRelevant = new boolean[n];
            int relevant = 0;
            for (int p = 0; p < n; p++) {
                int r = ratings[order[p]];
                rankedGains[p] = gain(r);
                rankedRelevant[p] = r >= RELEVANT_RATING;
                if (rankedRelevant[p]) relevant++;
            }
            double[] idealGains = rankedGains.clone();
            java.util.Arrays.sort(idealGains);
            reverse(idealGains);
            ndcgUsers++;
            if (relevant > 0) f1Users++;
            for (int j = 0; j < ks.length; j++) {
                ndcgSum[j] += RankingMetrics.ndcgAtK(rankedGains, idealGains, ks[j]);
                if (relevant > 0) f1Sum[j] += RankingMetrics.f1AtK(rankedRelevant, relevant, ks[j]);
            }
        }
        double[] ndcg = new double[ks.length];
        double[] f1 = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            ndcg[j] = ndcgUsers == 0 ? Double.NaN : ndcgSum[j] / ndcgUsers;
            f1[j] = f1Users == 0 ? Double.NaN : f1Sum[j] / f1Users;
        }
        return new RankingResult("paper", ks, ndcg, f1, ndcgUsers, f1Users);
    }

    /** The graded gain {@code 2^r - 1}. */
    public static double gain(int rating) {
        return Math.pow(2, rating) - 1;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
