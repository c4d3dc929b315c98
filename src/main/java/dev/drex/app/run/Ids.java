package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Resolves user and item ids given on the command line; an unknown id is an error that names the closest
 * known ids (case-insensitive edit distance) and the most active ones, so a typo is easy to fix.
 */
public final class Ids {
    /** How many suggestions an error gives. */
    static final int SUGGESTIONS = 5;

    private Ids() {
    }

    /** The dense user index of {@code id}. */
    public static int user(Dataset data, String id) {
        int u = data.userIndex(id);
        if (u >= 0) return u;
        throw new IllegalArgumentException("unknown user '" + id + "' (the run's data has " + data.numUsers() + " users, after the k-core filter). "
                + hint(id, data.numUsers(), data::userId, data.userCounts()) + "; `./drex profile --model RUN --list-users 20` lists users");
    }

    /** The dense item index of {@code id}. */
    public static int item(Dataset data, String id) {
        int i = data.itemIndex(id);
        if (i >= 0) return i;
        throw new IllegalArgumentException("unknown item '" + id + "' (the run's data has " + data.numItems() + " items, after the k-core filter). "
                + hint(id, data.numItems(), data::itemId, data.itemCounts()) + "; `./drex profile --model RUN --list-items 20` lists items");
    }

    /** The {@code n} ids with the most interactions, most first (ties by id): "ID (count)". */
    public static List<String> mostActive(int n, IntFunction<String> idOf, int[] counts) {
        List<Integer> all = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) all.add(j);
        all.sort(Comparator.comparingInt((Integer j) -> -counts[j]).thenComparing(idOf::apply));
        return all.subList(0, Math.min(n, all.size())).stream().map(j -> idOf.apply(j) + " (" + counts[j] + ")").toList();
    }

    private static String hint(String id, int count, IntFunction<String> idOf, int[] counts) {
        String q = id.toLowerCase(Locale.ROOT);
        List<Integer> all = new ArrayList<>();
        int[] dist = new int[count];
        for (int j = 0; j < count; j++) {
            all.add(j);
            dist[j] = editDistance(q, idOf.apply(j).toLowerCase(Locale.ROOT));
        }
        all.sort(Comparator.comparingInt((Integer j) -> dist[j]).thenComparing(idOf::apply));
        List<String> near = all.subList(0, Math.min(SUGGESTIONS, all.size())).stream().map(idOf::apply).toList();
        return "Closest ids: " + String.join(", ", near) + "; most active: " + String.join(", ", mostActive(3, idOf, counts));
    }

    /** Levenshtein distance (insert, delete, substitute, each 1). */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
