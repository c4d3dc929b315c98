package dev.drex.app.model;

import dev.drex.app.data.Dataset;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The index bookkeeping of one batch of targets (u_b, i_b): which history interactions the folds read,
 * each DISTINCT one listed once (its features are computed once and gathered: many targets of a batch
 * share history interactions), and, for DReX-MLP, the sparse rating rows.
 *
 * <pre>
 *   distinct (D)                      train interactions whose features x the batch needs
 *   userFold                          the packed layout of the user fold ({@link PackedGruFold.Layout}):
 *                                     rows sorted by history length, step by step the distinct-indices of
 *                                     the active rows' t-th history interaction (oldest first)
 *   userLengths (B)                   history lengths, each <= window
 *   (item* likewise)
 *   userRows: starts (B), cols, vals  R_u / 5 without the target's own rating (cols are item ids)
 *   itemRows: starts (B), cols, vals  R^T_i / 5 likewise (cols are user ids)
 * </pre>
 */
public final class BatchPlan {
    public final int[] users, items;
    public final int[] distinct;
    public final int userSteps, itemSteps;
    final PackedGruFold.Layout userFold, itemFold;
    public final int[] userLengths, itemLengths;
    public final SparseRows userRows, itemRows;

    /** Batch rows of a sparse matrix: segment b is entries [starts[b], starts[b+1]). */
    public record SparseRows(int[] starts, int[] cols, float[] vals) {}

    private BatchPlan(int[] users, int[] items, int[] distinct, PackedGruFold.Layout userFold, int[] userLengths,
                      PackedGruFold.Layout itemFold, int[] itemLengths, SparseRows userRows, SparseRows itemRows) {
        this.users = users;
        this.items = items;
        this.distinct = distinct;
        this.userFold = userFold;
        this.userSteps = userFold == null ? 0 : userFold.steps();
        this.userLengths = userLengths;
        this.itemFold = itemFold;
        this.itemSteps = itemFold == null ? 0 : itemFold.steps();
        this.itemLengths = itemLengths;
        this.userRows = userRows;
        this.itemRows = itemRows;
    }

    public int size() {
        return users.length;
    }

    /**
     * Plans a batch. {@code folds}: build the fold indices (false for the no-GRU ablation);
     * {@code rows}: build the sparse rating rows (DReX-MLP). A target that is itself a train interaction
     * is left out of its own histories and rows. {@code ratingVisible} (null: all) says which interactions'
     * ratings are observed as input: a hidden rating is absent from the rows too, as from x's rating slot.
     */
    public static BatchPlan build(TrainHistory history, int[] users, int[] items, int window, boolean folds, boolean rows,
                                  IntPredicate ratingVisible) {
        return build(history, users, items, window, folds, rows, true, ratingVisible);
    }

    /**
     * As above; {@code excludeTargets} false plans the users' and items' FULL train histories (the states
     * used for every pair that is not a train interaction), whatever the pairs.
     */
    static BatchPlan build(TrainHistory history, int[] users, int[] items, int window, boolean folds, boolean rows, boolean excludeTargets,
                           IntPredicate ratingVisible) {
        int b = users.length;
        if (items.length != b) throw new IllegalArgumentException(b + " users but " + items.length + " items");
        int[] exclude = new int[b];
        for (int j = 0; j < b; j++) exclude[j] = excludeTargets ? history.trainInteraction(users[j], items[j]) : -1;

        int[] distinct = new int[0];
        int[] uLen = new int[b], iLen = new int[b];
        PackedGruFold.Layout uFold = null, iFold = null;
        if (folds && window > 0) {
            int[][] uHist = new int[b][], iHist = new int[b][];
            int[] buf = new int[window];
            for (int j = 0; j < b; j++) {
                uLen[j] = history.lastWindow(history.ofUser(users[j]), exclude[j], window, buf);
                uHist[j] = Arrays.copyOf(buf, uLen[j]);
                iLen[j] = history.lastWindow(history.ofItem(items[j]), exclude[j], window, buf);
                iHist[j] = Arrays.copyOf(buf, iLen[j]);
            }
            // distinct history interactions, numbered in order of first appearance
            java.util.HashMap<Integer, Integer> slot = new java.util.HashMap<>();
            int[] list = new int[16];
            int count = 0;
            for (int[][] hists : new int[][][] {uHist, iHist}) {
                for (int[] h : hists) {
                    for (int k : h) {
                        if (!slot.containsKey(k)) {
                            if (count == list.length) list = Arrays.copyOf(list, count * 2);
                            slot.put(k, count);
                            list[count++] = k;
                        }
                    }
                }
            }
            distinct = Arrays.copyOf(list, count);
            uFold = PackedGruFold.layout(uHist, slot::get);
            iFold = PackedGruFold.layout(iHist, slot::get);
        }
        SparseRows uRows = null, iRows = null;
        if (rows) {
            Dataset data = history.data();
            uRows = sparseRows(history, users, exclude, true, data, ratingVisible);
            iRows = sparseRows(history, items, exclude, false, data, ratingVisible);
        }
        return new BatchPlan(users.clone(), items.clone(), distinct, uFold, uLen, iFold, iLen, uRows, iRows);
    }

    /** R_u / 5 (ofUser, cols = items) or R^T_i / 5 (cols = users), each without its excluded interaction and hidden ratings. */
    static SparseRows sparseRows(TrainHistory history, int[] owners, int[] exclude, boolean ofUser, Dataset data,
                                         IntPredicate ratingVisible) {
        int b = owners.length, nnz = 0;
        for (int j = 0; j < b; j++) nnz += (ofUser ? history.ofUser(owners[j]) : history.ofItem(owners[j])).length;
        int[] starts = new int[b], cols = new int[nnz];
        float[] vals = new float[nnz];
        int e = 0;
        for (int j = 0; j < b; j++) {
            starts[j] = e;
            for (int k : ofUser ? history.ofUser(owners[j]) : history.ofItem(owners[j])) {
                if (k == exclude[j] || (ratingVisible != null && !ratingVisible.test(k))) continue;
                cols[e] = ofUser ? data.item(k) : data.user(k);
                vals[e++] = data.rating(k) / 5f;
            }
        }
        return new SparseRows(starts, Arrays.copyOf(cols, e), Arrays.copyOf(vals, e));
    }
}
