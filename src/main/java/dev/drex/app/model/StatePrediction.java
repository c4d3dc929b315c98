package dev.drex.app.model;

import dev.drex.engine.autograd.Grad;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Batched inference for {@link DrexModel#predict}. For a pair (u, i) that is not a train interaction, h_u
 * depends on u alone (the fold over u's last {@code window} train interactions) and h_i on i alone, so the
 * states are computed once per distinct user and item and the predictor head runs over the pairs. Train
 * pairs need their own interaction left out of both histories and go through ordinary planned batches.
 */
final class StatePrediction {
    /** Rows per head evaluation. */
    private static final int HEAD_CHUNK = 8192;

    private StatePrediction() {}

    static float[] predict(DrexModel model, int[] users, int[] items) {
        if (users.length != items.length) throw new IllegalArgumentException(users.length + " users but " + items.length + " items");
        int n = users.length;
        float[] out = new float[n];
        TrainHistory history = model.history();
        int[] trainPairs = new int[n], otherPairs = new int[n];
        int nt = 0, no = 0;
        for (int b = 0; b < n; b++) {
            if (history.trainInteraction(users[b], items[b]) >= 0) trainPairs[nt++] = b;
            else otherPairs[no++] = b;
        }
        try (var off = Grad.off()) {
            trainPairs(model, users, items, Arrays.copyOf(trainPairs, nt), out);
            otherPairs(model, users, items, Arrays.copyOf(otherPairs, no), out);
        }
        return out;
    }

    /** Planned batches with each pair's own interaction excluded. */
    private static void trainPairs(DrexModel model, int[] users, int[] items, int[] pairs, float[] out) {
        int chunk = model.predictionChunk();
        for (int from = 0; from < pairs.length; from += chunk) {
            int to = Math.min(pairs.length, from + chunk);
            int[] u = new int[to - from], i = new int[to - from];
            for (int j = from; j < to; j++) {
                u[j - from] = users[pairs[j]];
                i[j - from] = items[pairs[j]];
            }
            Tensor rhat = model.forward(model.plan(u, i), false, null).prediction();
            for (int j = from; j < to; j++) out[pairs[j]] = rhat.data()[rhat.offset() + j - from];
        }
    }

    /** States of the distinct users and items once, then the head over the pairs. */
    private static void otherPairs(DrexModel model, int[] users, int[] items, int[] pairs, float[] out) {
        if (pairs.length == 0) return;
        Map<Integer, Integer> userRow = new HashMap<>(), itemRow = new HashMap<>();
        int[] du = new int[pairs.length], di = new int[pairs.length];
        int nu = 0, ni = 0;
        for (int b : pairs) {
            if (userRow.putIfAbsent(users[b], nu) == null) du[nu++] = users[b];
            if (itemRow.putIfAbsent(items[b], ni) == null) di[ni++] = items[b];
        }
        int d = model.config().d();
        float[] hu = new float[nu * d], hi = new float[ni * d];
        int total = Math.max(nu, ni), chunk = model.predictionChunk();
        for (int from = 0; from < total; from += chunk) {
            int to = Math.min(total, from + chunk);
            // pair the j-th distinct user with the j-th distinct item (repeating the last when one list is shorter)
            int[] u = new int[to - from], i = new int[to - from];
            for (int j = from; j < to; j++) {
                u[j - from] = du[Math.min(j, nu - 1)];
                i[j - from] = di[Math.min(j, ni - 1)];
            }
            BatchPlan plan = BatchPlan.build(model.history(), u, i, model.config().window(), !model.config().noGru(),
                    model.config().variant() == DrexConfig.Variant.DREX_MLP, false, model.inputs()::ratingVisible);
            DrexModel.States s = model.states(plan, false, null);
            copyRows(s.hu(), from, Math.min(to, nu), hu, d);
            copyRows(s.hi(), from, Math.min(to, ni), hi, d);
        }
        Tensor userStates = Tensor.of(hu, nu, d), itemStates = Tensor.of(hi, ni, d);
        for (int from = 0; from < pairs.length; from += HEAD_CHUNK) {
            int to = Math.min(pairs.length, from + HEAD_CHUNK);
            int[] ur = new int[to - from], ir = new int[to - from];
            for (int j = from; j < to; j++) {
                ur[j - from] = userRow.get(users[pairs[j]]);
                ir[j - from] = itemRow.get(items[pairs[j]]);
            }
            Tensor rhat = model.head(F.gatherRows(userStates, ur), F.gatherRows(itemStates, ir), false);
            for (int j = from; j < to; j++) out[pairs[j]] = rhat.data()[rhat.offset() + j - from];
        }
    }

    /** Rows [0, to - from) of {@code states} into rows [from, to) of {@code dst} (when to > from). */
    private static void copyRows(Tensor states, int from, int to, float[] dst, int d) {
        if (to <= from) return;
        System.arraycopy(states.data(), states.offset(), dst, from * d, (to - from) * d);
    }
}
