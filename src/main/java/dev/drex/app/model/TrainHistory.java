package dev.drex.app.model;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;

/**
 * The train interactions of every user and item in time order, and the spec's history rule
 * ("Global representations: GRU folds"): the history of u when predicting (u, i) is u's TRAIN
 * interactions except (u, i) itself, the last {@code window} of them by time, oldest first; likewise for i.
 * Interactions with neither modality (no usable review and no visible rating) are skipped and counted.
 */
public final class TrainHistory {
    private final Dataset data;
    private final boolean[] isTrain;
    private final boolean[] usable;
    private final int[][] byUser;
    private final int[][] byItem;
    private final int skipped;

    /**
     * @param usable per interaction: true when it has at least one modality (only train entries are read)
     */
    public TrainHistory(Split split, boolean[] usable) {
        this.data = split.dataset();
        int n = data.size();
        if (usable.length != n) throw new IllegalArgumentException(usable.length + " usable flags for " + n + " interactions");
        this.usable = usable.clone();
        this.isTrain = new boolean[n];
        for (int k : split.train()) isTrain[k] = true;
        int[] userCount = new int[data.numUsers()], itemCount = new int[data.numItems()];
        int skip = 0;
        for (int k = 0; k < n; k++) {
            if (!isTrain[k]) continue;
            userCount[data.user(k)]++;
            itemCount[data.item(k)]++;
            if (!usable[k]) skip++;
        }
        this.skipped = skip;
        byUser = new int[data.numUsers()][];
        byItem = new int[data.numItems()][];
        for (int u = 0; u < byUser.length; u++) byUser[u] = new int[userCount[u]];
        for (int i = 0; i < byItem.length; i++) byItem[i] = new int[itemCount[i]];
        int[] uFill = new int[byUser.length], iFill = new int[byItem.length];
        for (int k = 0; k < n; k++) { // the dataset is in time order, so each list is too
            if (!isTrain[k]) continue;
            byUser[data.user(k)][uFill[data.user(k)]++] = k;
            byItem[data.item(k)][iFill[data.item(k)]++] = k;
        }
    }

    public Dataset data() {
        return data;
    }

    /** Train interactions of user u, in time order (all of them, usable or not). */
    public int[] ofUser(int u) {
        return byUser[u];
    }

    /** Train interactions of item i, in time order. */
    public int[] ofItem(int i) {
        return byItem[i];
    }

    public boolean isTrain(int k) {
        return isTrain[k];
    }

    /** True when interaction k has at least one modality. */
    public boolean usable(int k) {
        return usable[k];
    }

    /** Train interactions skipped in every history because they have neither modality. */
    public int skippedInteractions() {
        return skipped;
    }

    /** The train interaction of the pair (u, i), or -1 when the pair is not a train interaction. */
    public int trainInteraction(int u, int i) {
        int k = data.find(u, i);
        return k >= 0 && isTrain[k] ? k : -1;
    }

    /**
     * Writes into {@code out[0 .. n)} the history of a target, oldest first: the last {@code window} usable
     * entries of {@code list} other than {@code exclude}. Returns n.
     */
    public int lastWindow(int[] list, int exclude, int window, int[] out) {
        int n = 0;
        for (int j = list.length - 1; j >= 0 && n < window; j--) {
            int k = list[j];
            if (k != exclude && usable[k]) out[n++] = k;
        }
        for (int a = 0, b = n - 1; a < b; a++, b--) { // newest first -> oldest first
            int t = out[a];
            out[a] = out[b];
            out[b] = t;
        }
        return n;
    }
}
