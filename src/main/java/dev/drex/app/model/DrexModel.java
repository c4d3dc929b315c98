package dev.drex.app.model;

import dev.drex.app.model.DrexConfig.Variant;
import dev.drex.app.model.Timing.Phase;
import dev.drex.engine.autograd.Grad;
import dev.drex.engine.nn.GruCell;
import dev.drex.engine.nn.Linear;
import dev.drex.engine.nn.Module;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * DReX and DReX-MLP (spec DREX.md, "Global representations" and "Prediction and loss").
 *
 * <pre>
 *   initial vectors   DReX:     U_u, V_i (d) learned, N(0, 0.1^2)
 *                     DReX-MLP: U_u = MLP_u(R_u / 5), V_i = MLP_i(R^T_i / 5)   ({@link RatingRowTower})
 *   folds             h_u = GRU_user fold over x of u's history from U_u;  h_i = GRU_item fold from V_i
 *                     (history: {@link TrainHistory}; x: {@link InteractionEncoder})
 *   prediction        rhat = w2 . relu(W1 [h_u ; h_i] + b1) + b2          (2d -> d -> 1)
 *   penalty           mean_b (||U_u||^2 + ||V_i||^2)                      (on the towers' outputs for DReX-MLP)
 * </pre>
 * Parameters (dotted names): {@code U V} or {@code userTower.* itemTower.*}, {@code encoder.*},
 * {@code userGru.*}, {@code itemGru.*}, {@code head1.*}, {@code head2.*}.
 * Ablations (config): noReviews / noRatings zero a slot of x; noGru uses the initial vectors directly.
 */
public final class DrexModel extends Module implements RatingPredictor {
    private final DrexConfig config;
    private final DrexInputs inputs;
    private final TrainHistory history;
    private final Tensor userVectors, itemVectors;         // DReX
    private final RatingRowTower userTower, itemTower;      // DReX-MLP
    private final InteractionEncoder encoder;
    private final GruCell userGru, itemGru;
    private final Linear head1, head2;
    private RandomGenerator dropoutRng;
    /**
     * True (the default): the user and item folds run side by side ({@link ParallelFolds}); false: one after the
     * other in one graph. Same numbers either way; tests switch it to compare the two.
     */
    static volatile boolean parallelFolds = true;

    /** A freshly initialised model; every weight is drawn from {@code Init.rng(config.seed())}. */
    public DrexModel(DrexConfig config, DrexInputs inputs) {
        this.config = config;
        this.inputs = inputs;
        if (!config.noReviews() && !config.noGru() && inputs.reviews() == null) {
            throw new IllegalArgumentException("DReX with reviews needs review vectors (or the noReviews ablation)");
        }
        RandomGenerator rng = Init.rng(config.seed());
        int d = config.d(), nu = inputs.data().numUsers(), ni = inputs.data().numItems();
        if (config.variant() == Variant.DREX) {
            userVectors = parameter("U", Init.normal(rng, 0f, 0.1f, nu, d));
            itemVectors = parameter("V", Init.normal(rng, 0f, 0.1f, ni, d));
            userTower = itemTower = null;
        } else {
            userVectors = itemVectors = null;
            userTower = module("userTower", new RatingRowTower(ni, d, rng));
            itemTower = module("itemTower", new RatingRowTower(nu, d, rng));
        }
        int dim = inputs.reviews() == null ? 1 : inputs.reviews().dim();
        encoder = module("encoder", new InteractionEncoder(d, dim, !config.noReviews(), !config.noRatings(), rng));
        userGru = module("userGru", new GruCell(d, d, rng));
        itemGru = module("itemGru", new GruCell(d, d, rng));
        head1 = module("head1", new Linear(2 * d, d, true, rng));
        head2 = module("head2", new Linear(d, 1, true, rng));
        boolean[] usable = new boolean[inputs.data().size()];
        for (int k : inputs.split().train()) usable[k] = encoder.usable(k, inputs);
        history = new TrainHistory(inputs.split(), usable);
        dropoutRng = Init.rng(config.seed() ^ 0x5DEECE66DL);
    }

    public DrexConfig config() {
        return config;
    }

    public DrexInputs inputs() {
        return inputs;
    }

    public TrainHistory history() {
        return history;
    }

    public InteractionEncoder encoder() {
        return encoder;
    }

    /** Re-seeds the dropout masks (the trainer derives one seed per epoch, so a resumed run draws the same). */
    public void setDropoutSeed(long seed) {
        dropoutRng = Init.rng(seed);
    }

    /** What one forward pass over a batch yields. */
    public record Output(Tensor prediction, Tensor penalty) {}

    /** Plans a batch of targets (u_b, i_b) for {@link #forward}. */
    public BatchPlan plan(int[] users, int[] items) {
        return BatchPlan.build(history, users, items, config.window(), !config.noGru(), config.variant() == Variant.DREX_MLP, inputs::ratingVisible);
    }

    /**
     * rhat (B, 1) and the penalty mean_b(||U_u||^2 + ||V_i||^2) (a scalar) for a planned batch.
     * {@code training} turns dropout on; {@code timing} (may be null) collects the time per phase.
     */
    public Output forward(BatchPlan plan, boolean training, Timing timing) {
        States s = states(plan, training, timing);
        long t0 = System.nanoTime();
        Tensor rhat = head(s.hu(), s.hi(), training);
        Tensor penalty = F.scale(F.add(F.sum(F.square(s.h0u())), F.sum(F.square(s.h0i()))), 1f / plan.size());
        if (timing != null) timing.add(Phase.HEAD, System.nanoTime() - t0);
        return new Output(rhat, penalty);
    }

    /** The initial vectors and the folded states of a batch, each (B, d). */
    record States(Tensor h0u, Tensor h0i, Tensor hu, Tensor hi) {}

    States states(BatchPlan plan, boolean training, Timing timing) {
        long t0 = System.nanoTime();
        Tensor h0u, h0i;
        if (config.variant() == Variant.DREX) {
            h0u = F.gatherRows(userVectors, plan.users);
            h0i = F.gatherRows(itemVectors, plan.items);
        } else {
            h0u = userTower.forward(plan.userRows, config.dropoutHidden(), dropoutRng, training);
            h0i = itemTower.forward(plan.itemRows, config.dropoutHidden(), dropoutRng, training);
        }
        if (timing != null) timing.add(Phase.HEAD, System.nanoTime() - t0);
        Tensor hu = h0u, hi = h0i;
        if (!config.noGru() && plan.distinct.length > 0) {
            Tensor x = encoder.forward(plan.distinct, inputs, timing);           // (D, d)
            if (config.dropoutX() > 0) x = F.dropout(x, config.dropoutX(), dropoutRng, training);
            long t2 = System.nanoTime();
            if (parallelFolds && plan.userSteps > 0 && plan.itemSteps > 0) {
                Tensor[] h = ParallelFolds.apply(userGru, h0u, plan.userFold, itemGru, h0i, plan.itemFold, x);
                hu = h[0];
                hi = h[1];
            } else {
                hu = PackedGruFold.fold(userGru, h0u, x, plan.userFold);
                hi = PackedGruFold.fold(itemGru, h0i, x, plan.itemFold);
            }
            if (timing != null) timing.add(Phase.FOLDS, System.nanoTime() - t2);
        }
        return new States(h0u, h0i, hu, hi);
    }

    /** rhat = w2 . relu(W1 [h_u ; h_i] + b1) + b2: hu, hi (B, d) -> (B, 1). */
    Tensor head(Tensor hu, Tensor hi, boolean training) {
        Tensor hidden = F.relu(head1.forward(F.concat(1, hu, hi)));             // (B, d)
        if (config.dropoutHidden() > 0) hidden = F.dropout(hidden, config.dropoutHidden(), dropoutRng, training);
        return head2.forward(hidden);                                            // (B, 1)
    }

    // ---------------------------------------------------------------- prediction

    @Override
    public String name() {
        String base = config.variant() == Variant.DREX ? "DReX" : "DReX-MLP";
        if (config.noReviews()) base += " -reviews";
        if (config.noRatings()) base += " -ratings";
        if (config.noGru()) base += " -gru";
        return base;
    }

    /**
     * Predictions for (users[b], items[b]) without dropout; no graph is recorded. A pair that is a train
     * interaction is predicted with itself left out of its histories (as in training); every other pair
     * from the full train histories of its user and item, whose states are computed once per distinct
     * user and item ({@link StatePrediction}), so ranking all items for all users stays cheap.
     */
    @Override
    public float[] predict(int[] users, int[] items) {
        return StatePrediction.predict(this, users, items);
    }

    /** Batch size of {@link #predict}'s planned batches. */
    int predictionChunk() {
        return Math.max(config.batchSize(), 512);
    }

    // ---------------------------------------------------------------- online use (spec: "Online use")

    /** h_u (d) for predicting u's next interaction: the fold over u's last {@code window} train interactions. */
    public float[] userState(int u) {
        return state(u, true);
    }

    /** h_i (d) likewise for an item. */
    public float[] itemState(int i) {
        return state(i, false);
    }

    private float[] state(int owner, boolean ofUser) {
        // a target pair that is no train interaction: an item (user) that owner never rated in train
        try (var off = Grad.off()) {
            int[] list = ofUser ? history.ofUser(owner) : history.ofItem(owner);
            int[] buf = new int[Math.max(1, config.window())];
            int n = config.noGru() ? 0 : history.lastWindow(list, -1, config.window(), buf);
            Tensor h0 = initialVector(owner, ofUser);
            if (n == 0) return h0.toArray();
            int[] ks = java.util.Arrays.copyOf(buf, n);
            Tensor x = encoder.forward(ks, inputs, null);
            List<Tensor> xs = new ArrayList<>(n);
            for (int t = 0; t < n; t++) xs.add(x.rows(t, t + 1));
            return (ofUser ? userGru : itemGru).fold(h0, xs).toArray();
        }
    }

    private Tensor initialVector(int owner, boolean ofUser) {
        if (config.variant() == Variant.DREX) return F.gatherRows(ofUser ? userVectors : itemVectors, new int[] {owner});
        // R_u / 5 (or R^T_i / 5) over the owner's whole train row, hidden ratings left out, as in a batch plan
        var rows = BatchPlan.sparseRows(history, new int[] {owner}, new int[] {-1}, ofUser, inputs.data(), inputs::ratingVisible);
        return (ofUser ? userTower : itemTower).forward(rows, 0f, dropoutRng, false);
    }

    /**
     * The online update h_u' = GRU_user step(h_u, x_new) for a new interaction k of u (its review and
     * rating are read from the inputs as for any interaction), with no retraining.
     */
    public float[] updateUserState(float[] hu, int k) {
        return step(userGru, hu, k);
    }

    /**
     * The online update for a new interaction given directly: its review's lemma vectors (null if none) and
     * its rating (0 if none).
     */
    public float[] updateUserState(float[] hu, dev.drex.app.features.ReviewVectors.LemmaMatrix review, int rating) {
        try (var off = Grad.off()) {
            return userGru.step(encoder.encode(review, rating), Tensor.of(hu.clone(), 1, config.d())).toArray();
        }
    }

    /** The item-side online update for a new interaction given directly. */
    public float[] updateItemState(float[] hi, dev.drex.app.features.ReviewVectors.LemmaMatrix review, int rating) {
        try (var off = Grad.off()) {
            return itemGru.step(encoder.encode(review, rating), Tensor.of(hi.clone(), 1, config.d())).toArray();
        }
    }

    /** The item-side online update h_i' = GRU_item step(h_i, x_new). */
    public float[] updateItemState(float[] hi, int k) {
        return step(itemGru, hi, k);
    }

    private float[] step(GruCell gru, float[] h, int k) {
        try (var off = Grad.off()) {
            Tensor x = encoder.forward(new int[] {k}, inputs, null);
            return gru.step(x, Tensor.of(h.clone(), 1, config.d())).toArray();
        }
    }

    /** rhat from given states h_u, h_i (d each). */
    public float predictFromStates(float[] hu, float[] hi) {
        try (var off = Grad.off()) {
            Tensor cat = Tensor.of(concat(hu, hi), 1, 2 * config.d());
            return head2.forward(F.relu(head1.forward(cat))).item();
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
