package dev.drex.app.baselines;

import dev.drex.app.model.RatingPredictor;
import dev.drex.engine.nn.Module;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Explainable matrix factorization (Abdollahi and Nasraoui 2016): MF whose factors are pulled together on the
 * pairs of the {@link ExplainabilityGraph}.
 * <pre>
 *   rhat(u, i) = p_u . q_i                                   (original form, biased = false)
 *   rhat(u, i) = mu + b_u + b_i + p_u . q_i                  (biased = true; mu the train mean, fixed)
 *   J = sum_{(u,i) in R} [ (r_ui - rhat)^2 + beta/2 (||p_u||^2 + ||q_i||^2 [+ b_u^2 + b_i^2]) ]
 *       + lambda/2 sum_{(u,i): W_ui > 0} W_ui ||p_u - q_i||^2
 *   P (U,d), Q (I,d) ~ N(0, initStd^2); biases (U,1), (I,1) start at 0
 * </pre>
 * The explainability sum runs over every pair with {@code W_ui > 0}, rated or not (the paper's objective); a
 * mini-batch holds B rated pairs and a share of the W pairs, and {@link #batchLoss} divides both sums by B, so
 * that the batch losses of an epoch add up to J / B.
 */
public final class Emf extends Module implements RatingPredictor {

    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final boolean biased;
    private final float mu;
    private final Tensor userFactors;
    private final Tensor itemFactors;
    private final Tensor userBias;      // null unless biased
    private final Tensor itemBias;

    /** @param mu the fixed offset, used only when {@code biased} (pass the train mean) */
    public Emf(int numUsers, int numItems, int dim, boolean biased, float mu, float initStd, RandomGenerator rng) {
        if (numUsers < 1 || numItems < 1 || dim < 1) {
            throw new IllegalArgumentException("Emf(" + numUsers + " users, " + numItems + " items, d " + dim + "): sizes must be >= 1");
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.biased = biased;
        this.mu = biased ? mu : 0f;
        this.userFactors = parameter("userFactors", Init.normal(rng, 0f, initStd, numUsers, dim));
        this.itemFactors = parameter("itemFactors", Init.normal(rng, 0f, initStd, numItems, dim));
        this.userBias = biased ? parameter("userBias", Init.zeros(numUsers, 1)) : null;
        this.itemBias = biased ? parameter("itemBias", Init.zeros(numItems, 1)) : null;
    }

    /** {@code users, items int[B] -> rhat (B)}, recorded for backward. */
    public Tensor forward(int[] users, int[] items) {
        int b = users.length;
        Tensor p = F.gatherRows(userFactors, users);                         // (B,d)
        Tensor q = F.gatherRows(itemFactors, items);                         // (B,d)
        Tensor dot = F.sum(F.mul(p, q), 1, false);                           // (B)
        if (!biased) return dot;
        Tensor bu = F.gatherRows(userBias, users).reshape(b);                // (B)
        Tensor bi = F.gatherRows(itemBias, items).reshape(b);                // (B)
        return F.addScalar(F.add(F.add(dot, bu), bi), mu);
    }

    /** {@code sum_b (||p_{u_b}||^2 + ||q_{i_b}||^2 [+ b_{u_b}^2 + b_{i_b}^2])}, a scalar. */
    public Tensor squaredNorms(int[] users, int[] items) {
        Tensor s = F.add(F.sum(F.square(F.gatherRows(userFactors, users))), F.sum(F.square(F.gatherRows(itemFactors, items))));
        if (!biased) return s;
        return F.add(s, F.add(F.sum(F.square(F.gatherRows(userBias, users))), F.sum(F.square(F.gatherRows(itemBias, items)))));
    }

    /** The explainability term {@code sum_e w_e ||p_{u_e} - q_{i_e}||^2} of E graph pairs, a scalar. */
    public Tensor explainability(int[] users, int[] items, float[] weights) {
        Tensor diff = F.sub(F.gatherRows(userFactors, users), F.gatherRows(itemFactors, items));    // (E,d)
        Tensor sq = F.sum(F.square(diff), 1, false);                                                 // (E)
        return F.sum(F.mul(sq, Tensor.of(weights, weights.length)));
    }

    /**
     * One mini-batch's share of J, divided by the number B of rated pairs:
     * <pre>
     *   (1/B) [ sum_b (r_b - rhat_b)^2 + beta/2 sum_b (||p||^2 + ||q||^2 ...) + lambda/2 sum_e w_e ||p - q||^2 ]
     * </pre>
     * The graph part may be empty ({@code wUsers.length == 0}).
     */
    public Tensor batchLoss(int[] users, int[] items, float[] ratings, int[] wUsers, int[] wItems, float[] w, double beta, double lambda) {
        int b = users.length;
        Tensor errors = F.sum(F.square(F.sub(forward(users, items), Tensor.of(ratings, b))));
        Tensor loss = F.add(errors, F.scale(squaredNorms(users, items), (float) (beta / 2)));
        if (wUsers.length > 0 && lambda != 0) loss = F.add(loss, F.scale(explainability(wUsers, wItems, w), (float) (lambda / 2)));
        return F.scale(loss, 1f / b);
    }

    @Override
    public String name() {
        return "EMF";
    }

    /** {@code [mu + b_u + b_i +] p_u . q_i} per pair, from the current parameters (no graph). */
    @Override
    public float[] predict(int[] users, int[] items) {
        if (users.length != items.length) throw new IllegalArgumentException(users.length + " users for " + items.length + " items");
        float[] p = userFactors.data();
        float[] q = itemFactors.data();
        int po = userFactors.offset(), qo = itemFactors.offset();
        float[] out = new float[users.length];
        for (int j = 0; j < users.length; j++) {
            int u = users[j];
            int i = items[j];
            if (u < 0 || u >= numUsers || i < 0 || i >= numItems) {
                throw new IndexOutOfBoundsException("pair " + j + ": user " + u + " (of " + numUsers + "), item " + i + " (of " + numItems + ")");
            }
            float dot = 0;
            for (int c = 0; c < dim; c++) dot += p[po + u * dim + c] * q[qo + i * dim + c];
            out[j] = biased ? mu + userBias.data()[userBias.offset() + u] + itemBias.data()[itemBias.offset() + i] + dot : dot;
        }
        return out;
    }

    public int dim() {
        return dim;
    }

    public boolean biased() {
        return biased;
    }
}
