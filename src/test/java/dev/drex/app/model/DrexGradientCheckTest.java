package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.model.DrexConfig.Variant;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole-model gradient checks on {@link TinyInstance} (d = 4, lemma vectors of width 5): the analytic
 * gradient of every parameter, through attention, fusion, both batched GRU folds (with masked steps) and
 * the predictor (and the DReX-MLP towers), against fourth-order finite differences. The batch is every
 * train interaction, so each target is left out of its own histories (and DReX-MLP rows).
 */
class DrexGradientCheckTest {

    private static void check(DrexConfig config, String name) {
        TinyInstance tiny = new TinyInstance();
        assertNull(tiny.vectors.get(tiny.data.find(tiny.data.userIndex("B"), tiny.data.itemIndex("z"))), "B z has no review");
        DrexModel model = new DrexModel(config, new DrexInputs(tiny.data, tiny.split, tiny.vectors, tiny.hiddenRating()));
        int[] train = tiny.split.train();
        int[] users = new int[train.length], items = new int[train.length];
        for (int j = 0; j < train.length; j++) {
            users[j] = tiny.data.user(train[j]);
            items[j] = tiny.data.item(train[j]);
        }
        BatchPlan plan = model.plan(users, items);
        assertTrue(plan.userSteps >= 2 && plan.itemSteps >= 1, "the folds take more than one step");
        Map<String, Tensor> params = model.namedParameters();
        // biases start at 0, which puts the ReLU of an empty DReX-MLP row (relu(0 + b_1)) exactly on its kink:
        // check at a generic point instead, with every bias drawn from N(0, 0.1^2)
        var rng = Init.rng(21);
        params.forEach((path, t) -> {
            if (path.endsWith("bias") || path.contains(".b_")) {
                for (int j = 0; j < t.size(); j++) t.data()[t.offset() + j] = (float) (0.1 * rng.nextGaussian());
            }
        });
        Tensor[] inputs = params.values().toArray(new Tensor[0]);
        // step 1e-3 instead of the default 1e-2: the ReLUs of the predictor (and towers) have kinks, and with a
        // 4-wide hidden layer some pre-activation lies within 4 * 1e-2 of zero; at 1e-3 none does for this seed
        GradCheck.Result r = GradCheck.of(name).step(1e-3f).run(in -> {
            DrexModel.Output out = model.forward(plan, true, null);
            return F.concat(0, out.prediction().reshape(-1), out.penalty().reshape(1));
        }, inputs);
        int expected = 0;
        for (Tensor t : inputs) expected += t.size();
        assertEquals(expected, r.elements(), "every parameter element was checked");
    }

    @Test
    void drex() {
        check(DrexConfig.defaults().withD(4).withWindow(3), "DReX whole model");
    }

    @Test
    void drexMlp() {
        check(DrexConfig.defaults().withD(4).withWindow(3).withVariant(Variant.DREX_MLP), "DReX-MLP whole model");
    }

    @Test
    void weightedRowSumWithAnEmptySegment() {
        Tensor table = Tensor.parameter("table", Init.normal(Init.rng(3), 0f, 1f, 4, 3));
        int[] cols = {2, 0, 2, 3};
        float[] w = {0.8f, -0.4f, 0.2f, 1f};
        int[] starts = {0, 2, 2}; // segments [0,2), [2,2) empty, [2,4)
        GradCheck.check("weightedRowSum", in -> WeightedRowSum.apply(in[0], cols, w, starts), table);
        Tensor y = WeightedRowSum.apply(table, cols, w, starts);
        for (int c = 0; c < 3; c++) assertEquals(0f, y.get(1, c), "an empty segment sums to zero");
        assertEquals(0.8f * table.get(2, 1) - 0.4f * table.get(0, 1), y.get(0, 1), 1e-6f);
    }
}
