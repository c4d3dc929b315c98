package dev.drex.app.eval;

/**
 * NDCG@k and F1@k of one user's ranked list (spec, "Evaluation"). Pure functions on arrays; the protocols
 * ({@link PaperProtocol}, {@link FullProtocol}) build the lists and average over users.
 *
 * <p>Positions are 1-based in the formulas and 0-based in the arrays.
 * <pre>
 *   DCG@k  = sum_{p=1}^{min(k, n)} gain(p) / log2(p + 1)
 *   NDCG@k = DCG@k / IDCG@k        IDCG@k: the DCG@k of the same gains sorted in decreasing order
 *   P@k    = hits@k / k            (k, not min(k, n): a list shorter than k still divides by k)
 *   R@k    = hits@k / |relevant|
 *   F1@k   = 2 P R / (P + R), and 0 when P + R = 0
 * </pre>
 * Edge conventions: NDCG@k is 0 when IDCG@k is 0 (no positive gain in the list; neither protocol produces
 * such a user: graded gains {@code 2^r - 1 >= 1} for {@code r >= 1}, and the full protocol skips users without
 * a relevant item). F1@k needs {@code |relevant| >= 1}; callers skip users without a relevant item.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** {@code 1 / log2(p + 1)} for 0-based position {@code i} (p = i + 1): the discount of rank p. */
    public static double discount(int i) {
        return 1.0 / (Math.log(i + 2) / Math.log(2));
    }

    /** DCG@k of gains in rank order: {@code sum_{i < min(k, n)} gains[i] / log2(i + 2)}. */
    public static double dcgAtK(double[] rankedGains, int k) {
        checkK(k);
        double dcg = 0;
        int n = Math.min(k, rankedGains.length);
        for (int i = 0; i < n; i++) dcg += rankedGains[i] * discount(i);
        return dcg;
    }

    /**
     * NDCG@k: {@link #dcgAtK} of {@code rankedGains} over that of {@code idealGains}, which must be the same
     * gains in decreasing order (checked); 0 when the ideal DCG is 0.
     */
    public static double ndcgAtK(double[] rankedGains, double[] idealGains, int k) {
        for (int i = 1; i < idealGains.length; i++) {
            if (idealGains[i] > idealGains[i - 1]) throw new IllegalArgumentException("idealGains must be in decreasing order");
        }
        double ideal = dcgAtK(idealGains, k);
        return ideal == 0 ? 0 : dcgAtK(rankedGains, k) / ideal;
    }

    /**
     * NDCG@k with binary gains: the list's relevance flags in rank order (only the first k are read; the list
     * may be a top-k prefix of a longer ranking) and the total number of relevant items, which fixes the ideal
     * order: {@code IDCG@k = sum_{i < min(k, relevantCount)} 1 / log2(i + 2)}. 0 when {@code relevantCount} is 0.
     */
    public static double binaryNdcgAtK(boolean[] rankedRelevant, int relevantCount, int k) {
        checkK(k);
        double dcg = 0;
        int n = Math.min(k, rankedRelevant.length);
        for (int i = 0; i < n; i++) if (rankedRelevant[i]) dcg += discount(i);
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevantCount); i++) ideal += discount(i);
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** Number of {@code true} among the first {@code min(k, n)} flags. */
    public static int hitsAtK(boolean[] rankedRelevant, int k) {
        checkK(k);
        int hits = 0;
        int n = Math.min(k, rankedRelevant.length);
        for (int i = 0; i < n; i++) if (rankedRelevant[i]) hits++;
        return hits;
    }

    /**
     * F1@k of one user: {@code P = hits/k}, {@code R = hits/relevantCount}, {@code F1 = 2PR/(P+R)}, 0 when
     * there is no hit. {@code relevantCount} (all relevant items of the user, ranked or not) must be >= 1.
     */
    public static double f1AtK(boolean[] rankedRelevant, int relevantCount, int k) {
        if (relevantCount < 1) throw new IllegalArgumentException("F1@k needs at least one relevant item, got " + relevantCount);
        int hits = hitsAtK(rankedRelevant, k);
        if (hits > relevantCount) throw new IllegalArgumentException(hits + " hits but only " + relevantCount + " relevant items");
        double precision = (double) hits / k;
        double recall = (double) hits / relevantCount;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static void checkK(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
}
