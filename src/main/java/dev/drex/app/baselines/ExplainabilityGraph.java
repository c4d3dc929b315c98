package dev.drex.app.baselines;

import java.util.Arrays;

/**
 * EMF's explainability graph (Abdollahi and Nasraoui 2016, "Explainable Matrix Factorization for Collaborative
 * Filtering", section 2): item i is explainable to user u when enough of u's nearest neighbours rated it.
 * <pre>
 *   sim(u, v) = R_u . R_v / (||R_u|| ||R_v||)            cosine of the TRAIN rating rows
 *   N_k(u)    = the k users v != u of largest sim(u, v) > 0 (ties by smaller index; fewer when fewer are similar)
 *   W_ui      = |N_k(u) ∩ U_i| / k   if that is > theta, else 0      (U_i: the users who rated i in train)
 * </pre>
 * The denominator is k even when u has fewer than k similar users (the paper's |N_k(u) ∩ U_i| / k).
 * Stored sparsely: for each user the items with {@code W_ui > 0} ascending, and the count of neighbours who
 * rated each. Cost: one pass over co-rating pairs for the similarities, O(sum_u sum_{v in N_k(u)} |R_v|) for W.
 */
public final class ExplainabilityGraph {

    private final int k;
    private final double theta;
    private final int[][] neighbours;   // neighbours[u]: N_k(u), most similar first
    private final int[] start;          // CSR over users of the explainable pairs
    private final int[] items;
    private final int[] counts;         // |N_k(u) ∩ U_i|

    private ExplainabilityGraph(int k, double theta, int[][] neighbours, int[] start, int[] items, int[] counts) {
        this.k = k;
        this.theta = theta;
        this.neighbours = neighbours;
        this.start = start;
        this.items = items;
        this.counts = counts;
    }

    /** Builds the graph of {@code m} with {@code k} neighbours and threshold {@code theta} in [0, 1). */
    public static ExplainabilityGraph build(TrainMatrix m, int k, double theta) {
        if (k < 1) throw new IllegalArgumentException("EMF needs k >= 1 neighbours, got " + k);
        if (!(theta >= 0 && theta < 1)) throw new IllegalArgumentException("EMF threshold theta must be in [0, 1), got " + theta);
        int numUsers = m.numUsers();
        double[] norm = new double[numUsers];
        for (int u = 0; u < numUsers; u++) {
            double s = 0;
            for (int a = m.rowStart(u); a < m.rowEnd(u); a++) s += (double) m.rowRating(a) * m.rowRating(a);
            norm[u] = Math.sqrt(s);
        }
        int[][] neighbours = new int[numUsers][];
        double[] dot = new double[numUsers];
        int[] touched = new int[numUsers];
        int[] stamp = new int[numUsers];            // stamp[v] == u + 1: v already touched for u
        double[] sim = new double[numUsers];
        for (int u = 0; u < numUsers; u++) {
            // dot(u, v) for every v sharing an item with u
            int nTouched = 0;
            for (int a = m.rowStart(u); a < m.rowEnd(u); a++) {
                int i = m.rowItem(a);
                float r = m.rowRating(a);
                for (int b = m.colStart(i); b < m.colEnd(i); b++) {
                    int v = m.colUser(b);
                    if (v == u) continue;
                    if (stamp[v] != u + 1) {
                        stamp[v] = u + 1;
                        touched[nTouched++] = v;
                    }
                    dot[v] += (double) r * m.colRating(b);
                }
            }
            Integer[] candidates = new Integer[nTouched];
            for (int t = 0; t < nTouched; t++) {
                int v = touched[t];
                candidates[t] = v;
                sim[v] = dot[v] / (norm[u] * norm[v]);
                dot[v] = 0;
            }
            // only positively similar users are neighbours
            Arrays.sort(candidates, (x, y) -> sim[x] != sim[y] ? Double.compare(sim[y], sim[x]) : Integer.compare(x, y));
            int positive = 0;
            while (positive < nTouched && sim[candidates[positive]] > 0) positive++;
            int n = Math.min(k, positive);
            neighbours[u] = new int[n];
            for (int t = 0; t < n; t++) neighbours[u][t] = candidates[t];
        }
        // W: count the neighbours' items
        int[] start = new int[numUsers + 1];
        int[] count = new int[m.numItems()];
        int[] seen = new int[m.numItems()];
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        java.util.List<int[]> rowCounts = new java.util.ArrayList<>();
        for (int u = 0; u < numUsers; u++) {
            int nSeen = 0;
            for (int v : neighbours[u]) {
                for (int a = m.rowStart(v); a < m.rowEnd(v); a++) {
                    int i = m.rowItem(a);
                    if (count[i]++ == 0) seen[nSeen++] = i;
                }
            }
            Arrays.sort(seen, 0, nSeen);
            int kept = 0;
            int[] rowItems = new int[nSeen];
            int[] rowCount = new int[nSeen];
            for (int t = 0; t < nSeen; t++) {
                int i = seen[t];
                if ((double) count[i] / k > theta) {
                    rowItems[kept] = i;
                    rowCount[kept++] = count[i];
                }
                count[i] = 0;
            }
            rows.add(Arrays.copyOf(rowItems, kept));
            rowCounts.add(Arrays.copyOf(rowCount, kept));
            start[u + 1] = start[u] + kept;
        }
        int[] items = new int[start[numUsers]];
        int[] counts = new int[start[numUsers]];
        for (int u = 0; u < numUsers; u++) {
            System.arraycopy(rows.get(u), 0, items, start[u], rows.get(u).length);
            System.arraycopy(rowCounts.get(u), 0, counts, start[u], rowCounts.get(u).length);
        }
        return new ExplainabilityGraph(k, theta, neighbours, start, items, counts);
    }

    /** Number of pairs with {@code W_ui > 0}. */
    public int size() {
        return items.length;
    }

    /** The pairs with {@code W_ui > 0} of user u are {@code start(u) .. start(u+1)}. */
    public int start(int u) {
        return start[u];
    }

    public int user(int pair) {
        int lo = 0, hi = start.length - 2;
        while (lo < hi) {                               // the last u with start[u] <= pair
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= pair) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    public int item(int pair) {
        return items[pair];
    }

    /** {@code W} of the pair. */
    public float weight(int pair) {
        return (float) counts[pair] / k;
    }

    /** {@code W_ui}, 0 when i is not explainable to u. */
    public float weight(int u, int i) {
        int at = Arrays.binarySearch(items, start[u], start[u + 1], i);
        return at < 0 ? 0f : weight(at);
    }

    /** How many of u's nearest neighbours rated i in train ({@code |N_k(u) ∩ U_i|}), 0 when not explainable. */
    public int neighboursWhoRated(int u, int i) {
        int at = Arrays.binarySearch(items, start[u], start[u + 1], i);
        return at < 0 ? 0 : counts[at];
    }

    /** N_k(u), most similar first (may be shorter than k). */
    public int[] neighbours(int u) {
        return neighbours[u].clone();
    }

    public int k() {
        return k;
    }

    public double theta() {
        return theta;
    }

    /**
     * The EMF explanation of recommending i to u: {@code "N of your M most similar users rated this item"} when
     * {@code W_ui > 0}, else {@code null} (the item is not explainable to u). M is |N_k(u)|.
     */
    public String explain(int u, int i) {
        int n = neighboursWhoRated(u, i);
        if (n == 0) return null;
        return n + " of your " + neighbours[u].length + " most similar users rated this item";
    }
}
