package dev.drex.app.baselines;

import dev.drex.app.model.RatingPredictor;
import dev.drex.engine.nn.Linear;
import dev.drex.engine.nn.Module;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Deep matrix factorization (Xue et al. 2017, "Deep Matrix Factorization Models for Recommender Systems",
 * section 3): two towers over the train rating matrix Y (|U| x |I|, 0 where unrated) and their cosine.
 * <pre>
 *   user tower: a_u = relu(Y_u W1 + c1)   (Y_u the row of u, (|I|); W1 (|I|,h): the sum of the rated columns' rows times r)
 *               p_u = relu(W2 a_u + c2)   (h -> d)
 *   item tower: the same over the column Y_{:,i} (|U|) with its own weights: q_i
 *   yhat(u, i) = max(mu, cos(p_u, q_i)),  cos = p.q / (sqrt(||p||^2 + eps) sqrt(||q||^2 + eps)),  eps = 1e-12
 *   loss = mean over observed and sampled pairs of -(t log yhat + (1 - t) log(1 - yhat)),
 *          t = r / max(R) for an observed pair, 0 for a sampled negative (the paper's normalized cross-entropy)
 * </pre>
 * Every layer ends in ReLU as in the paper (eq. 4), so p, q >= 0 and the cosine lies in [0, 1]; mu = 1e-6 keeps
 * the log finite at 0, and {@link F#bceLoss}'s clamp at 1 - 1e-7 keeps log(1 - yhat) finite at 1.
 * The input vectors are sparse: the first layer gathers the rated rows of W1 (no dense |I| vector is built).
 *
 * <p>DMF scores preference, not stars: {@link #predict} returns yhat in [mu, 1] ({@link #predictsRatings()} false).
 * A train pair (u, i) given with {@code leaveOut} true is computed without its own rating in Y_u and in Y_{:,i}
 * (no target leak, as the DReX spec does for DReX-MLP); other pairs read the full train matrix.
 * Weight matrices Xavier-uniform, biases 0 (spec, "Initialization").
 */
public final class Dmf extends Module implements RatingPredictor {

    /** Inside the norms, so a tower output of all zeros gives cosine 0, not NaN. */
    static final float NORM_EPS = 1e-12f;

    private final TrainMatrix matrix;
    private final float mu;
    private final Tensor userInput;     // (|I|, h)
    private final Tensor userInputBias; // (h)
    private final Linear userTop;       // h -> d
    private final Tensor itemInput;     // (|U|, h)
    private final Tensor itemInputBias;
    private final Linear itemTop;

    public Dmf(TrainMatrix matrix, int hidden, int dim, float mu, RandomGenerator rng) {
        if (hidden < 1 || dim < 1) throw new IllegalArgumentException("Dmf(hidden " + hidden + ", d " + dim + "): sizes must be >= 1");
        if (!(mu > 0 && mu < 1)) throw new IllegalArgumentException("Dmf: mu must be in (0, 1), got " + mu);
        this.matrix = matrix;
        this.mu = mu;
        // Xavier-uniform's bound sqrt(6 / (fan_in + fan_out)) is symmetric: (|I|, h) has the bound of an |I| -> h layer
        this.userInput = parameter("userInput", Init.xavierUniform(rng, matrix.numItems(), hidden));
        this.userInputBias = parameter("userInputBias", Init.zeros(hidden));
        this.userTop = module("userTop", new Linear(hidden, dim, true, rng));
        this.itemInput = parameter("itemInput", Init.xavierUniform(rng, matrix.numUsers(), hidden));
        this.itemInputBias = parameter("itemInputBias", Init.zeros(hidden));
        this.itemTop = module("itemTop", new Linear(hidden, dim, true, rng));
    }

    /**
     * {@code yhat (B)} of the pairs, recorded for backward. {@code leaveOut[b]} (may be null: none) removes the
     * pair's own train rating from both input vectors.
     */
    public Tensor forward(int[] users, int[] items, boolean[] leaveOut) {
        if (users.length != items.length || (leaveOut != null && leaveOut.length != users.length)) {
            throw new IllegalArgumentException("Dmf.forward: " + users.length + " users, " + items.length + " items"
                    + (leaveOut == null ? "" : ", " + leaveOut.length + " leave-out flags"));
        }
        Tensor p = userTower(users, items, leaveOut);                          // (B,d)
        Tensor q = itemTower(items, users, leaveOut);                          // (B,d)
        Tensor dot = F.sum(F.mul(p, q), 1, false);                             // (B)
        Tensor np = F.sqrt(F.addScalar(F.sum(F.square(p), 1, false), NORM_EPS));
        Tensor nq = F.sqrt(F.addScalar(F.sum(F.square(q), 1, false), NORM_EPS));
        Tensor cos = F.div(dot, F.mul(np, nq));                                // (B)
        return F.addScalar(F.relu(F.addScalar(cos, -mu)), mu);                 // max(cos, mu)
    }

    /** The normalized cross-entropy of a batch: {@code mean_b -(t_b log yhat_b + (1 - t_b) log(1 - yhat_b))}. */
    public Tensor loss(int[] users, int[] items, boolean[] leaveOut, float[] targets) {
        return F.bceLoss(forward(users, items, leaveOut), Tensor.of(targets, targets.length));
    }

    /** p (B,d) of users; with leaveOut[b], without the rating of (users[b], items[b]). */
    Tensor userTower(int[] users, int[] items, boolean[] leaveOut) {
        SparseRows x = new SparseRows(users.length);
        for (int b = 0; b < users.length; b++) {
            int u = users[b];
            int skip = leaveOut != null && leaveOut[b] ? items[b] : -1;
            x.beginRow();
            for (int a = matrix.rowStart(u); a < matrix.rowEnd(u); a++) {
                if (matrix.rowItem(a) != skip) x.add(matrix.rowItem(a), matrix.rowRating(a));
            }
        }
        return F.relu(userTop.forward(F.relu(x.times(userInput, userInputBias))));
    }

    /** q (B,d) of items; with leaveOut[b], without the rating of (users[b], items[b]). */
    Tensor itemTower(int[] items, int[] users, boolean[] leaveOut) {
        SparseRows x = new SparseRows(items.length);
        for (int b = 0; b < items.length; b++) {
            int i = items[b];
            int skip = leaveOut != null && leaveOut[b] ? users[b] : -1;
            x.beginRow();
            for (int a = matrix.colStart(i); a < matrix.colEnd(i); a++) {
                if (matrix.colUser(a) != skip) x.add(matrix.colUser(a), matrix.colRating(a));
            }
        }
        return F.relu(itemTop.forward(F.relu(x.times(itemInput, itemInputBias))));
    }

    /**
     * A batch of sparse input vectors and their product with a weight table:
     * <pre>  row b = sum_e value_e table[index_e] + bias   (B, h)</pre>
     * built from existing ops: gather the rows, scale each by value_e n_b, mean per row-segment (n_b entries).
     * An empty vector gets one entry (index 0, value 0), so its row is the bias alone and no segment is empty.
     */
    private static final class SparseRows {
        private int[] index = new int[64];
        private float[] value = new float[64];
        private final int[] starts;
        private int size;
        private int rows;

        SparseRows(int batch) {
            starts = new int[batch];
        }

        void beginRow() {
            closeRow();
            starts[rows++] = size;
        }

        void add(int at, float v) {
            if (size == index.length) {
                index = Arrays.copyOf(index, 2 * size);
                value = Arrays.copyOf(value, 2 * size);
            }
            index[size] = at;
            value[size++] = v;
        }

        private void closeRow() {
            if (rows > 0 && size == starts[rows - 1]) add(0, 0f);
        }

        Tensor times(Tensor table, Tensor bias) {
            closeRow();
            float[] scaled = new float[size];
            for (int r = 0; r < rows; r++) {
                int from = starts[r], to = r + 1 < rows ? starts[r + 1] : size;
                for (int e = from; e < to; e++) scaled[e] = value[e] * (to - from);     // mean of n scaled = sum
            }
            Tensor gathered = F.gatherRows(table, Arrays.copyOf(index, size));          // (N,h)
            Tensor weighted = F.mul(gathered, Tensor.of(scaled, size, 1));              // (N,h) * (N,1)
            return F.add(F.segmentMean(weighted, starts), bias);                        // (B,h)
        }
    }

    @Override
    public String name() {
        return "DMF";
    }

    /** DMF's score is a preference in [mu, 1], not a star rating: rank with it, do not take its RMSE. */
    @Override
    public boolean predictsRatings() {
        return false;
    }

    /** {@code max(mu, cos(p_u, q_i))} per pair from the full train matrix (no graph); each distinct user and item is embedded once. */
    @Override
    public float[] predict(int[] users, int[] items) {
        if (users.length != items.length) throw new IllegalArgumentException(users.length + " users for " + items.length + " items");
        for (int j = 0; j < users.length; j++) {
            if (users[j] < 0 || users[j] >= matrix.numUsers() || items[j] < 0 || items[j] >= matrix.numItems()) {
                throw new IndexOutOfBoundsException("pair " + j + ": user " + users[j] + " (of " + matrix.numUsers() + "), item "
                        + items[j] + " (of " + matrix.numItems() + ")");
            }
        }
        int[] distinctUsers = Arrays.stream(users).distinct().toArray();
        int[] distinctItems = Arrays.stream(items).distinct().toArray();
        float[][] p;
        float[][] q;
        try (var off = dev.drex.engine.autograd.Grad.off()) {
            p = unitRows(userTower(distinctUsers, null, null));
            q = unitRows(itemTower(distinctItems, null, null));
        }
        int[] userRow = new int[matrix.numUsers()];
        int[] itemRow = new int[matrix.numItems()];
        for (int r = 0; r < distinctUsers.length; r++) userRow[distinctUsers[r]] = r;
        for (int r = 0; r < distinctItems.length; r++) itemRow[distinctItems[r]] = r;
        float[] out = new float[users.length];
        for (int j = 0; j < users.length; j++) {
            float[] pu = p[userRow[users[j]]];
            float[] qi = q[itemRow[items[j]]];
            float dot = 0;
            for (int c = 0; c < pu.length; c++) dot += pu[c] * qi[c];
            out[j] = Math.max(mu, dot);
        }
        return out;
    }

    /** Each row of x (n,d) divided by sqrt(||row||^2 + eps). */
    private static float[][] unitRows(Tensor x) {
        int n = x.dim(0), d = x.dim(1);
        float[] data = x.data();
        float[][] out = new float[n][d];
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int c = 0; c < d; c++) s += (double) data[x.offset() + r * d + c] * data[x.offset() + r * d + c];
            float inv = (float) (1 / Math.sqrt(s + NORM_EPS));
            for (int c = 0; c < d; c++) out[r][c] = data[x.offset() + r * d + c] * inv;
        }
        return out;
    }

    public TrainMatrix matrix() {
        return matrix;
    }

    public float mu() {
        return mu;
    }
}
