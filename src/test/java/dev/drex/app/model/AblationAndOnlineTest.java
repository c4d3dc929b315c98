package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Dataset;
import dev.drex.engine.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ablations remove exactly their part of the graph; the online update equals the fold. */
class AblationAndOnlineTest {
    private final TinyInstance tiny = new TinyInstance();

    /** Gradients of one training step over every train target. */
    private Map<String, Tensor> step(DrexConfig config) {
        DrexModel m = new DrexModel(config, DrexInputs.of(tiny.split, tiny.vectors));
        int[] train = tiny.split.train();
        int[] users = new int[train.length], items = new int[train.length];
        for (int j = 0; j < train.length; j++) {
            users[j] = tiny.data.user(train[j]);
            items[j] = tiny.data.item(train[j]);
        }
        DrexModel.Output out = m.forward(m.plan(users, items), true, null);
        dev.drex.engine.ops.F.add(dev.drex.engine.ops.F.sum(out.prediction()), out.penalty()).backward();
        return m.namedParameters();
    }

    private static boolean hasGradient(Tensor t) {
        float[] g = t.gradOrNull();
        if (g == null) return false;
        for (float v : g) if (v != 0f) return true;
        return false;
    }

    @Test
    void eachAblationCutsItsBranch() {
        DrexConfig base = DrexConfig.defaults().withD(4).withWindow(3);
        Map<String, Tensor> full = step(base);
        for (String p : new String[] {"encoder.W_t", "encoder.q", "encoder.W_r", "encoder.W_f", "userGru.W_z", "itemGru.R_c", "U", "V"}) {
            assertTrue(hasGradient(full.get(p)), p + " learns in the full model");
        }
        Map<String, Tensor> noReviews = step(base.withAblations(true, false, false));
        assertTrue(!hasGradient(noReviews.get("encoder.W_t")) && !hasGradient(noReviews.get("encoder.q")));
        assertTrue(hasGradient(noReviews.get("encoder.W_r")));
        Map<String, Tensor> noRatings = step(base.withAblations(false, true, false));
        assertTrue(!hasGradient(noRatings.get("encoder.W_r")) && !hasGradient(noRatings.get("encoder.b_r")));
        assertTrue(hasGradient(noRatings.get("encoder.q")));
        Map<String, Tensor> noGru = step(base.withAblations(false, false, true));
        for (String p : new String[] {"encoder.W_f", "userGru.W_z", "itemGru.W_z"}) assertTrue(!hasGradient(noGru.get(p)), p);
        assertTrue(hasGradient(noGru.get("U")) && hasGradient(noGru.get("head1.weight")));
    }

    @Test
    void theOnlineStepContinuesTheFold() {
        DrexModel m = new DrexModel(DrexConfig.defaults().withD(4), DrexInputs.of(tiny.split, tiny.vectors));
        Dataset d = tiny.data;
        int a = d.userIndex("A");
        int[] hist = m.history().ofUser(a);
        assertEquals(3, hist.length);
        float[] h = m.namedParameters().get("U").rows(a, a + 1).toArray();
        for (int k : hist) h = m.updateUserState(h, k);
        assertArrayEquals(m.userState(a), h, 1e-6f, "three online steps from U_A = the fold over A's history");
        // the same step from the review and rating given directly (a new interaction outside the dataset)
        float[] h0 = m.namedParameters().get("U").rows(a, a + 1).toArray();
        int k0 = hist[0];
        assertArrayEquals(m.updateUserState(h0, k0), m.updateUserState(h0, tiny.vectors.get(k0), d.rating(k0)), 1e-6f);
        // a prediction for a pair not in train equals the one from the states
        int z = d.itemIndex("y");
        int b = d.userIndex("B");
        float fromStates = m.predictFromStates(m.userState(b), m.itemState(z));
        // B y is the validation interaction: not in train, so predict() folds the full train histories
        assertEquals(m.predict(new int[] {b}, new int[] {z})[0], fromStates, 1e-5f);
    }
}
