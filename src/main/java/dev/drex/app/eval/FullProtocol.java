package dev.drex.app.eval;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.model.RatingPredictor;

import java.util.ArrayList;
import java.util.List;

/**
 * The full ranking protocol (spec, "Evaluation", beyond the paper): each test user ranks EVERY item it has
 * not rated in train or validation (its test items are among the candidates, and so is every item it never
 * rated), by predicted rating, ties by item index ascending.
 * <ul>
 *   <li>relevant = the user's test items with r >= 4; binary gain (1 relevant, 0 not); users without a
 *       relevant test item are skipped for both metrics, so {@code ndcgUsers == f1Users}.</li>
 *   <li>NDCG@k = DCG@k / IDCG@k with {@code IDCG@k = sum_{p <= min(k, |relevant|)} 1/log2(p+1)}.</li>
 *   <li>F1@k: {@code P = hits/k} (also when fewer than k candidates), {@code R = hits/|relevant|}.</li>
 * </ul>
 * Both metrics are NaN when no test user has a relevant item.
 * Cost: one prediction per (user, candidate); the pairs of several users go to the model in one
 * {@link RatingPredictor#predict} call of about {@code batchPairs} pairs (a user is never cut in two).
 */
public final class FullProtocol {

    private FullProtocol() {
    }

    public static RankingResult evaluate(RatingPredictor model, Split split, int[] ks, int batchPairs) {
        Evaluator.checkKs(ks);
        if (batchPairs < 1) throw new IllegalArgumentException("batchPairs must be >= 1, got " + batchPairs);
        Dataset data = split.dataset();
        int numItems = data.numItems();
        UserLists seen = UserLists.of(data, split, Split.Part.TRAIN, Split.Part.VALIDATION);
        UserLists test = UserLists.of(data, split, Split.Part.TEST);
        int maxK = ks[ks.length - 1];

        boolean[] excluded = new boolean[numItems];
        boolean[] relevant = new boolean[numItems];
        double[] ndcgSum = new double[ks.length];
        double[] f1Sum = new double[ks.length];
        int users = 0;

        List<Integer> chunk = new ArrayList<>();
        int chunkPairs = 0;
        for (int u = 0; u <= data.numUsers(); u++) {
            int candidates = u < data.numUsers() && test.relevantCount(u, data) > 0 ? numItems - seen.count(u) : 0;
            boolean flush = u == data.numUsers() || (!chunk.isEmpty() && chunkPairs + candidates > batchPairs);
            if (flush && !chunk.isEmpty()) {
                // score every candidate of every user in the chunk in one call
                int[] pairUsers = new int[chunkPairs];
                int[] pairItems = new int[chunkPairs];
                int[] from = new int[chunk.size() + 1];
                int p = 0;
                for (int c = 0; c < chunk.size(); c++) {
                    int v = chunk.get(c);
                    from[c] = p;
                    seen.mark(v, data, excluded, true);
                    for (int i = 0; i < numItems; i++) {
                        if (!excluded[i]) {
                            pairUsers[p] = v;
                            pairItems[p++] = i;
                        }
                    }
                    seen.mark(v, data, excluded, false);
                }
                from[chunk.size()] = p;
                float[] scores = Predictions.ofPairs(model, pairUsers, pairItems, Math.max(batchPairs, chunkPairs));
                for (int c = 0; c < chunk.size(); c++) {
                    int v = chunk.get(c);
                    int relevantCount = test.markRelevant(v, data, relevant, true);
                    int[] top = Ranking.topK(scores, pairItems, from[c], from[c + 1], maxK);
                    boolean[] rankedRelevant = new boolean[top.length];
                    for (int r = 0; r < top.length; r++) rankedRelevant[r] = relevant[pairItems[top[r]]];
                    for (int j = 0; j < ks.length; j++) {
                        ndcgSum[j] += RankingMetrics.binaryNdcgAtK(rankedRelevant, relevantCount, ks[j]);
                        f1Sum[j] += RankingMetrics.f1AtK(rankedRelevant, relevantCount, ks[j]);
                    }
                    test.markRelevant(v, data, relevant, false);
                    users++;
                }
                chunk.clear();
                chunkPairs = 0;
            }
            if (candidates > 0) {
                chunk.add(u);
                chunkPairs += candidates;
            }
        }
        double[] ndcg = new double[ks.length];
        double[] f1 = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            ndcg[j] = users == 0 ? Double.NaN : ndcgSum[j] / users;
            f1[j] = users == 0 ? Double.NaN : f1Sum[j] / users;
        }
        return new RankingResult("full", ks, ndcg, f1, users, users);
    }

    /** The interactions of some parts of a split grouped by user (CSR: {@code start[u] .. start[u+1]}). */
    private record UserLists(int[] start, int[] interactions) {

        static UserLists of(Dataset data, Split split, Split.Part... parts) {
            int[] start = new int[data.numUsers() + 1];
            List<Integer> chosen = new ArrayList<>();
            for (int k = 0; k < data.size(); k++) {
                for (Split.Part part : parts) {
                    if (split.part(k) == part) {
                        chosen.add(k);
                        start[data.user(k) + 1]++;
                    }
                }
            }
            for (int u = 0; u < data.numUsers(); u++) start[u + 1] += start[u];
            int[] fill = start.clone();
            int[] interactions = new int[chosen.size()];
            for (int k : chosen) interactions[fill[data.user(k)]++] = k;
            return new UserLists(start, interactions);
        }

        int count(int u) {
            return start[u + 1] - start[u];
        }

        /** Sets {@code flags[item]} to {@code value} for every item of u's interactions (reusing one buffer). */
        void mark(int u, Dataset data, boolean[] flags, boolean value) {
            for (int m = start[u]; m < start[u + 1]; m++) flags[data.item(interactions[m])] = value;
        }

        /** Sets {@code flags[item] = value} for u's items rated >= 4; returns how many. */
        int markRelevant(int u, Dataset data, boolean[] flags, boolean value) {
            int n = 0;
            for (int m = start[u]; m < start[u + 1]; m++) {
                if (data.rating(interactions[m]) >= PaperProtocol.RELEVANT_RATING) {
                    flags[data.item(interactions[m])] = value;
                    n++;
                }
            }
            return n;
        }

        int relevantCount(int u, Dataset data) {
            int n = 0;
            for (int m = start[u]; m < start[u + 1]; m++) if (data.rating(interactions[m]) >= PaperProtocol.RELEVANT_RATING) n++;
            return n;
        }
    }
}
