package dev.drex.app.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cleaned interactions in time order, with user and item ids interned to dense indices.
 *
 * <p>Interaction {@code k} ({@code 0 <= k < size()}) is user {@link #user(int) user(k)} in
 * [0, {@link #numUsers()}) rating item {@link #item(int) item(k)} in [0, {@link #numItems()}) with
 * {@link #rating(int) rating(k)} in 1..5 at {@link #timestampMillis(int) timestampMillis(k)}. Interactions
 * are sorted by timestamp, equal timestamps in reading order (spec: stable sort); each (user, item) pair
 * occurs once. Every user and item index has at least one interaction. Immutable.
 */
public final class Dataset {

    private final String[] userIds;
    private final String[] itemIds;
    private final int[] users;
    private final int[] items;
    private final byte[] ratings;
    private final long[] timestamps;
    private final String[] titles;
    private final String[] texts;
    private final String[] sources;     // "file:line" of each interaction
    private final Map<String, Integer> userIndex = new HashMap<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final Map<Long, Integer> pairIndex = new HashMap<>();

    /** Arrays are taken as they are (not copied): only {@link DatasetBuilder} and {@link #select} call this. */
    Dataset(String[] userIds, String[] itemIds, int[] users, int[] items, byte[] ratings, long[] timestamps,
            String[] titles, String[] texts, String[] sources) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.users = users;
        this.items = items;
        this.ratings = ratings;
        this.timestamps = timestamps;
        this.titles = titles;
        this.texts = texts;
        this.sources = sources;
        for (int u = 0; u < userIds.length; u++) userIndex.put(userIds[u], u);
        for (int i = 0; i < itemIds.length; i++) itemIndex.put(itemIds[i], i);
        for (int k = 0; k < users.length; k++) {
            if (pairIndex.put(pairKey(users[k], items[k]), k) != null) {
                throw new IllegalStateException("duplicate pair " + userIds[users[k]] + " " + itemIds[items[k]]);
            }
        }
    }

    /** Number of interactions. */
    public int size() {
        return users.length;
    }

    public int numUsers() {
        return userIds.length;
    }

    public int numItems() {
        return itemIds.length;
    }

    public int user(int k) {
        return users[k];
    }

    public int item(int k) {
        return items[k];
    }

    /** Star rating 1..5. */
    public int rating(int k) {
        return ratings[k];
    }

    public long timestampMillis(int k) {
        return timestamps[k];
    }

    /** Review title ("" when absent). */
    public String title(int k) {
        return titles[k];
    }

    /** Review body ("" when absent). */
    public String text(int k) {
        return texts[k];
    }

    /** Title and body joined as the text model reads them ({@link Review#joinTitleAndText}). */
    public String fullText(int k) {
        return Review.joinTitleAndText(titles[k], texts[k]);
    }

    /** Where the interaction was read, "file:line". */
    public String source(int k) {
        return sources[k];
    }

    /** Original id of user index {@code u}. */
    public String userId(int u) {
        return userIds[u];
    }

    /** Original id of item index {@code i}. */
    public String itemId(int i) {
        return itemIds[i];
    }

    /** Index of a user id, or -1 when absent. */
    public int userIndex(String userId) {
        return userIndex.getOrDefault(userId, -1);
    }

    /** Index of an item id, or -1 when absent. */
    public int itemIndex(String itemId) {
        return itemIndex.getOrDefault(itemId, -1);
    }

    /** Interaction index of the pair (user index, item index), or -1 when the user never rated the item. */
    public int find(int user, int item) {
        return pairIndex.getOrDefault(pairKey(user, item), -1);
    }

    /** Number of interactions of each user: an array of length {@link #numUsers()}. */
    public int[] userCounts() {
        int[] counts = new int[numUsers()];
        for (int u : users) counts[u]++;
        return counts;
    }

    /** Number of interactions of each item: an array of length {@link #numItems()}. */
    public int[] itemCounts() {
        int[] counts = new int[numItems()];
        for (int i : items) counts[i]++;
        return counts;
    }

    /**
     * The interactions {@code keep} (increasing indices), in the same order, with users and items
     * re-indexed densely in order of first appearance among them.
     */
    public Dataset select(int[] keep) {
        int n = keep.length;
        int[] newUser = new int[numUsers()];
        int[] newItem = new int[numItems()];
        java.util.Arrays.fill(newUser, -1);
        java.util.Arrays.fill(newItem, -1);
        int userCount = 0;
        int itemCount = 0;
        int[] u2 = new int[n];
        int[] i2 = new int[n];
        byte[] r2 = new byte[n];
        long[] t2 = new long[n];
        String[] ti2 = new String[n];
        String[] te2 = new String[n];
        String[] s2 = new String[n];
        for (int j = 0; j < n; j++) {
            int k = keep[j];
            if (j > 0 && k <= keep[j - 1]) throw new IllegalArgumentException("indices must increase: " + keep[j - 1] + ", " + k);
            if (newUser[users[k]] < 0) newUser[users[k]] = userCount++;
            if (newItem[items[k]] < 0) newItem[items[k]] = itemCount++;
            u2[j] = newUser[users[k]];
            i2[j] = newItem[items[k]];
            r2[j] = ratings[k];
            t2[j] = timestamps[k];
            ti2[j] = titles[k];
            te2[j] = texts[k];
            s2[j] = sources[k];
        }
        String[] uIds = new String[userCount];
        String[] iIds = new String[itemCount];
        for (int u = 0; u < numUsers(); u++) if (newUser[u] >= 0) uIds[newUser[u]] = userIds[u];
        for (int i = 0; i < numItems(); i++) if (newItem[i] >= 0) iIds[newItem[i]] = itemIds[i];
        return new Dataset(uIds, iIds, u2, i2, r2, t2, ti2, te2, s2);
    }

    /** Builds a dataset from reviews in reading order, cleaned as {@link DatasetBuilder} does (duplicates go unreported). */
    public static Dataset of(List<Review> reviews) {
        DatasetBuilder builder = new DatasetBuilder(IssueLog.lenient());
        reviews.forEach(builder::add);
        return builder.build();
    }

    private static long pairKey(int user, int item) {
        return ((long) user << 32) | (item & 0xffffffffL);
    }
}
