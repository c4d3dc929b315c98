package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;

/**
 * The train rating matrix R (|U| x |I|) of a split, stored twice in compressed form: by user (row u = the items
 * u rated in train and their ratings) and by item (column i = the users who rated i in train). Only TRAIN
 * interactions are in it: validation and test ratings are never model inputs (spec, "Data"). Immutable.
 * <pre>
 *   row u:    items    rowItems[rowStart[u] .. rowStart[u+1]),  ratings rowRatings[...]   (items ascending)
 *   column i: users    colUsers[colStart[i] .. colStart[i+1]),  ratings colRatings[...]   (users ascending)
 * </pre>
 */
public final class TrainMatrix {

    private final int numUsers;
    private final int numItems;
    private final int[] rowStart;
    private final int[] rowItems;
    private final float[] rowRatings;
    private final int[] colStart;
    private final int[] colUsers;
    private final float[] colRatings;

    private TrainMatrix(int numUsers, int numItems, int[] users, int[] items, float[] ratings) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        int n = users.length;
        rowStart = new int[numUsers + 1];
        colStart = new int[numItems + 1];
        for (int j = 0; j < n; j++) {
            rowStart[users[j] + 1]++;
            colStart[items[j] + 1]++;
        }
        for (int u = 0; u < numUsers; u++) rowStart[u + 1] += rowStart[u];
        for (int i = 0; i < numItems; i++) colStart[i + 1] += colStart[i];
        rowItems = new int[n];
        rowRatings = new float[n];
        colUsers = new int[n];
        colRatings = new float[n];
        // counting sort: by item within a row (iterate items ascending), by user within a column
        int[] byItem = order(items, numItems);
        int[] rowFill = rowStart.clone();
        for (int j : byItem) {
            int at = rowFill[users[j]]++;
            rowItems[at] = items[j];
            rowRatings[at] = ratings[j];
        }
        int[] byUser = order(users, numUsers);
        int[] colFill = colStart.clone();
        for (int j : byUser) {
            int at = colFill[items[j]]++;
            colUsers[at] = users[j];
            colRatings[at] = ratings[j];
        }
    }

    /** The train part of {@code split}. */
    public static TrainMatrix of(Split split) {
        Dataset data = split.dataset();
        int[] train = split.train();
        int[] users = new int[train.length];
        int[] items = new int[train.length];
        float[] ratings = new float[train.length];
        for (int j = 0; j < train.length; j++) {
            users[j] = data.user(train[j]);
            items[j] = data.item(train[j]);
            ratings[j] = data.rating(train[j]);
        }
        return new TrainMatrix(data.numUsers(), data.numItems(), users, items, ratings);
    }

    /** A matrix from explicit triples (tests); pairs must be distinct. */
    public static TrainMatrix of(int numUsers, int numItems, int[] users, int[] items, float[] ratings) {
        if (users.length != items.length || users.length != ratings.length) throw new IllegalArgumentException("triples of unequal length");
        for (int j = 0; j < users.length; j++) {
            if (users[j] < 0 || users[j] >= numUsers || items[j] < 0 || items[j] >= numItems) {
                throw new IndexOutOfBoundsException("triple " + j + ": user " + users[j] + " of " + numUsers + ", item " + items[j] + " of " + numItems);
            }
        }
        return new TrainMatrix(numUsers, numItems, users.clone(), items.clone(), ratings.clone());
    }

    /** Indices 0..n-1 stably sorted by key (counting sort). */
    private static int[] order(int[] keys, int range) {
        int[] start = new int[range + 1];
        for (int k : keys) start[k + 1]++;
        for (int r = 0; r < range; r++) start[r + 1] += start[r];
        int[] out = new int[keys.length];
        for (int j = 0; j < keys.length; j++) out[start[keys[j]]++] = j;
        return out;
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    /** Number of train ratings. */
    public int size() {
        return rowItems.length;
    }

    public int rowStart(int u) {
        return rowStart[u];
    }

    public int rowEnd(int u) {
        return rowStart[u + 1];
    }

    public int rowItem(int at) {
        return rowItems[at];
    }

    public float rowRating(int at) {
        return rowRatings[at];
    }

    public int colStart(int i) {
        return colStart[i];
    }

    public int colEnd(int i) {
        return colStart[i + 1];
    }

    public int colUser(int at) {
        return colUsers[at];
    }

    public float colRating(int at) {
        return colRatings[at];
    }

    /** The largest train rating (DMF's normaliser max(R)). */
    public float maxRating() {
        float m = 0;
        for (float r : rowRatings) m = Math.max(m, r);
        return m;
    }

    /** True when u rated i in train (binary search in row u). */
    public boolean contains(int u, int i) {
        return java.util.Arrays.binarySearch(rowItems, rowStart[u], rowStart[u + 1], i) >= 0;
    }
}
