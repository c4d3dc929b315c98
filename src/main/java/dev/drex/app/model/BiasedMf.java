package dev.drex.app.model;

import dev.drex.engine.ops.F;
import dev.drex.engine.nn.Module;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The second floor: biased matrix factorization (Koren, Bell and Volinsky 2009, eq. 3).
 * <pre>
 *   rhat(u, i) = mu + b_u + b_i + p_u . q_i
 *   P (U,d), Q (I,d): factors ~ N(0, initStd^2); bu (U,1), bi (I,1): biases, 0; mu: the train mean, fixed
 * </pre>
 * Trained by {@link BiasedMfTrainer}. {@link #forward} builds the autodiff graph; {@link #predict} computes the
 * same numbers straight from the parameter arrays (no graph, no allocation per pair).
 */
public final class BiasedMf extends Module implements RatingPredictor {

    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final float mu;
    private final Tensor userFactors;
    private final Tensor itemFactors;
    private final Tensor userBias;
    private final Tensor itemBias;

    public BiasedMf(int numUsers, int numItems, int dim, float mu, float initStd, RandomGenerator rng) {
        if (numUsers < 1 || numItems < 1 || dim < 1) {
            throw new IllegalArgumentException("BiasedMf(" + numUsers + " users, " + numItems + " items, d " + dim + "): sizes must be >= 1");
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.mu = mu;
        this.userFactors = parameter("userFactors", Init.normal(rng, 0f, initStd, numUsers, dim));
        this.itemFactors = parameter("itemFactors", Init.normal(rng, 0f, initStd, numItems, dim));
        this.userBias = parameter("userBias", Init.zeros(numUsers, 1));
        this.itemBias = parameter("itemBias", Init.zeros(numItems, 1));
    }

    /** {@code users, items int[B] -> rhat (B)}, recorded for backward. */
    public Tensor forward(int[] users, int[] items) {
        int b = users.length;
        Tensor p = F.gatherRows(userFactors, users);                         // (B,d)
        Tensor q = F.gatherRows(itemFactors, items);                         // (B,d)
        Tensor dot = F.sum(F.mul(p, q), 1, false);                           // (B)
        Tensor bu = F.gatherRows(userBias, users).reshape(b);                // (B)
        Tensor bi = F.gatherRows(itemBias, items).reshape(b);                // (B)
        return F.addScalar(F.add(F.add(dot, bu), bi), mu);                  // (B)
    }

    /**
     * The L2 penalty of a batch, a scalar:
     * {@code (1/B) sum_b (||p_{u_b}||^2 + ||q_{i_b}||^2 + b_{u_b}^2 + b_{i_b}^2)} (spec's per-batch form).
     */
    public Tensor penalty(int[] users, int[] items) {
        Tensor squares = F.add(F.add(F.sum(F.square(F.gatherRows(userFactors, users))), F.sum(F.square(F.gatherRows(itemFactors, items)))),
                F.add(F.sum(F.square(F.gatherRows(userBias, users))), F.sum(F.square(F.gatherRows(itemBias, items)))));
        return F.scale(squares, 1f / users.length);
    }

    @Override
    public String name() {
        return "biased MF";
    }

    /** {@code mu + b_u + b_i + p_u . q_i} per pair, from the current parameters (no graph). */
    @Override
    public float[] predict(int[] users, int[] items) {
        if (users.length != items.length) throw new IllegalArgumentException(users.length + " users for " + items.length + " items");
        float[] p = userFactors.data();
        float[] q = itemFactors.data();
        float[] bu = userBias.data();
        float[] bi = itemBias.data();
        int po = userFactors.offset(), qo = itemFactors.offset(), buo = userBias.offset(), bio = itemBias.offset();
        float[] out = new float[users.length];
        for (int j = 0; j < users.length; j++) {
            int u = users[j];
            int i = items[j];
            if (u < 0 || u >= numUsers || i < 0 || i >= numItems) {
                throw new IndexOutOfBoundsException("pair " + j + ": user " + u + " (of " + numUsers + "), item " + i + " (of " + numItems + ")");
            }
            float dot = 0;
            int pu = po + u * dim;
            int qi = qo + i * dim;
            for (int c = 0; c < dim; c++) dot += p[pu + c] * q[qi + c];
            out[j] = mu + bu[buo + u] + bi[bio + i] + dot;
        }
        return out;
    }

    public int dim() {
        return dim;
    }

    /** The fixed global offset (the train mean). */
    public float mu() {
        return mu;
    }
}
