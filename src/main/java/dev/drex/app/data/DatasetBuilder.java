package dev.drex.app.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects reviews into a {@link Dataset}, applying the spec's cleaning:
 * <ul>
 *   <li>duplicate (user, item) pairs: keep the latest by timestamp; at equal timestamps the one read
 *       later wins; each dropped review is a {@link IssueKind#DUPLICATE};</li>
 *   <li>time order: sort by timestamp, equal timestamps in reading order (stable).</li>
 * </ul>
 * Reading order is the order of {@link #add} calls: file after file, line after line.
 */
public final class DatasetBuilder {

    private final IssueLog log;
    private final Map<String, Integer> userIndex = new HashMap<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final List<String> userIds = new ArrayList<>();
    private final List<String> itemIds = new ArrayList<>();
    private final Map<Long, Integer> slotOfPair = new HashMap<>();
    private final List<Review> slots = new ArrayList<>();     // kept review of each pair
    private final List<Long> sequence = new ArrayList<>();    // reading position of the kept review
    private long added;

    public DatasetBuilder(IssueLog log) {
        this.log = log;
    }

    /** Reads every file in order (see {@link ReviewReader#read}) and builds the cleaned dataset. */
    public static Dataset load(List<Path> files, InputFormat format, IssueLog log) throws IOException {
        DatasetBuilder builder = new DatasetBuilder(log);
        for (Path file : files) ReviewReader.read(file, format, log, builder::add);
        return builder.build();
    }

    /** Adds the next review in reading order. */
    public void add(Review review) {
        int u = userIndex.computeIfAbsent(review.userId(), id -> {
            userIds.add(id);
            return userIds.size() - 1;
        });
        int i = itemIndex.computeIfAbsent(review.itemId(), id -> {
            itemIds.add(id);
            return itemIds.size() - 1;
        });
        long seq = added++;
        long key = ((long) u << 32) | i;
        Integer slot = slotOfPair.get(key);
        if (slot == null) {
            slotOfPair.put(key, slots.size());
            slots.add(review);
            sequence.add(seq);
            return;
        }
        Review kept = slots.get(slot);
        Review dropped = review;
        if (review.timestampMillis() >= kept.timestampMillis()) { // later line wins a tie
            dropped = kept;
            slots.set(slot, review);
            sequence.set(slot, seq);
        }
        log.report(IssueKind.DUPLICATE, dropped.sourceFile(), dropped.line(), "user " + review.userId() + ", item "
                + review.itemId() + " also at " + (dropped == kept ? review : kept).where() + ", which is kept");
    }

    /** Number of reviews added so far (before de-duplication). */
    public long added() {
        return added;
    }

    /** The cleaned, time-ordered dataset. */
    public Dataset build() {
        int n = slots.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        // Stable by construction: ties on time are broken by reading position.
        Arrays.sort(order, Comparator.<Integer>comparingLong(k -> slots.get(k).timestampMillis())
                .thenComparingLong(sequence::get));
        int[] users = new int[n];
        int[] items = new int[n];
        byte[] ratings = new byte[n];
        long[] times = new long[n];
        String[] titles = new String[n];
        String[] texts = new String[n];
        String[] sources = new String[n];
        for (int j = 0; j < n; j++) {
            Review r = slots.get(order[j]);
            users[j] = userIndex.get(r.userId());
            items[j] = itemIndex.get(r.itemId());
            ratings[j] = (byte) r.rating();
            times[j] = r.timestampMillis();
            titles[j] = r.title();
            texts[j] = r.text();
            sources[j] = r.where();
        }
        return new Dataset(userIds.toArray(String[]::new), itemIds.toArray(String[]::new),
                users, items, ratings, times, titles, texts, sources);
    }
}
