package dev.drex.app.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The k-core filter of the spec: keep users with at least {@code minUser} interactions and items with
 * at least {@code minItem}, repeated until nothing changes (a fix point), since removing a user lowers
 * its items' counts and vice versa.
 *
 * <p>One pass counts every user and item over the interactions still kept, then removes, all at once,
 * each interaction whose user or item falls below its threshold. Passes repeat until one removes
 * nothing; that last pass is counted. So pass 1 alone is the "filter once on the original counts", and a
 * dataset already satisfying the thresholds takes 1 pass.
 */
public final class KCoreFilter {

    /** Counts after one pass. */
    public record Pass(int pass, int interactions, int users, int items) {
    }

    /** The filtered dataset and what each pass left. */
    public record Result(Dataset dataset, int minUser, int minItem, List<Pass> passes) {
        public int passCount() {
            return passes.size();
        }
    }

    private KCoreFilter() {
    }

    /** Filters {@code data} to its (minUser, minItem)-core. Thresholds 0 and 1 keep everything; negative ones are an error. */
    public static Result apply(Dataset data, int minUser, int minItem) {
        if (minUser < 0 || minItem < 0) throw new IllegalArgumentException("negative threshold: " + minUser + "/" + minItem);
        int n = data.size();
        boolean[] kept = new boolean[n];
        java.util.Arrays.fill(kept, true);
        int keptCount = n;
        List<Pass> passes = new ArrayList<>();
        while (true) {
            int[] userCount = new int[data.numUsers()];
            int[] itemCount = new int[data.numItems()];
            for (int k = 0; k < n; k++) {
                if (kept[k]) {
                    userCount[data.user(k)]++;
                    itemCount[data.item(k)]++;
                }
            }
            int removed = 0;
            for (int k = 0; k < n; k++) {
                if (kept[k] && (userCount[data.user(k)] < minUser || itemCount[data.item(k)] < minItem)) {
                    kept[k] = false;
                    removed++;
                }
            }
            keptCount -= removed;
            passes.add(new Pass(passes.size() + 1, keptCount, countKept(kept, data, true), countKept(kept, data, false)));
            if (removed == 0) break;
        }
        int[] keep = new int[keptCount];
        int j = 0;
        for (int k = 0; k < n; k++) if (kept[k]) keep[j++] = k;
        return new Result(data.select(keep), minUser, minItem, List.copyOf(passes));
    }

    /** Number of distinct users (or items) among kept interactions. */
    private static int countKept(boolean[] kept, Dataset data, boolean users) {
        boolean[] seen = new boolean[users ? data.numUsers() : data.numItems()];
        int count = 0;
        for (int k = 0; k < kept.length; k++) {
            if (!kept[k]) continue;
            int id = users ? data.user(k) : data.item(k);
            if (!seen[id]) {
                seen[id] = true;
                count++;
            }
        }
        return count;
    }
}
