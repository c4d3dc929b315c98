package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.model.DrexConfig.Variant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Histories and sparse rows: no target inside its own inputs, only train interactions, each distinct one once. */
class BatchPlanTest {
    private final TinyInstance tiny = new TinyInstance();
    private final Dataset d = tiny.data;

    private int k(String u, String i) {
        return d.find(d.userIndex(u), d.itemIndex(i));
    }

    private DrexModel model(DrexConfig config) {
        return new DrexModel(config, DrexInputs.of(tiny.split, tiny.vectors));
    }

    @Test
    void historiesAreTheLastWindowOfTrainInteractionsOldestFirstWithoutTheTarget() {
        TrainHistory h = model(DrexConfig.defaults().withD(4)).history();
        int a = d.userIndex("A");
        assertArrayEquals(new int[] {k("A", "x"), k("A", "y"), k("A", "z")}, h.ofUser(a), "time order");
        int[] out = new int[5];
        int n = h.lastWindow(h.ofUser(a), k("A", "y"), 5, out);
        assertArrayEquals(new int[] {k("A", "x"), k("A", "z")}, Arrays.copyOf(out, n), "target left out");
        n = h.lastWindow(h.ofUser(a), -1, 2, out);
        assertArrayEquals(new int[] {k("A", "y"), k("A", "z")}, Arrays.copyOf(out, n), "the last 2, oldest first");
        int validation = tiny.split.validation()[0];
        assertEquals(Split.Part.VALIDATION, tiny.split.part(validation));
        assertFalse(Arrays.stream(h.ofItem(d.item(validation))).anyMatch(x -> x == validation), "validation is never history");
    }

    @Test
    void aBatchReadsEachDistinctHistoryInteractionOnceAndNeverItsTargets() {
        DrexModel m = model(DrexConfig.defaults().withD(4).withVariant(Variant.DREX_MLP));
        int[] train = tiny.split.train();
        int[] users = new int[train.length], items = new int[train.length];
        for (int j = 0; j < train.length; j++) {
            users[j] = d.user(train[j]);
            items[j] = d.item(train[j]);
        }
        BatchPlan plan = m.plan(users, items);
        assertEquals(plan.distinct.length, Arrays.stream(plan.distinct).distinct().count(), "distinct");
        for (int k : plan.distinct) assertEquals(Split.Part.TRAIN, tiny.split.part(k));
        for (int j = 0; j < train.length; j++) {
            // the target's own rating is not in R_u (its item column) nor in R^T_i (its user column)
            BatchPlan.SparseRows ur = plan.userRows, ir = plan.itemRows;
            int uEnd = j + 1 < train.length ? ur.starts()[j + 1] : ur.cols().length;
            for (int e = ur.starts()[j]; e < uEnd; e++) assertTrue(ur.cols()[e] != items[j], "target item in R_u of row " + j);
            int iEnd = j + 1 < train.length ? ir.starts()[j + 1] : ir.cols().length;
            for (int e = ir.starts()[j]; e < iEnd; e++) assertTrue(ir.cols()[e] != users[j], "target user in R^T_i of row " + j);
            assertEquals(d.userCounts()[users[j]] - 1 - (users[j] == d.user(tiny.split.validation()[0]) ? 1 : 0), uEnd - ur.starts()[j],
                    "R_u holds the user's other train ratings");
        }
        // the distinct features are fewer than the history references: reuse happened
        int references = Arrays.stream(plan.userLengths).sum() + Arrays.stream(plan.itemLengths).sum();
        assertTrue(plan.distinct.length < references, plan.distinct.length + " distinct of " + references);
    }

    @Test
    void interactionsWithNeitherModalityAreSkippedAndCounted() {
        boolean[] hidden = new boolean[d.size()];
        int bz = k("B", "z"); // has no review
        hidden[bz] = true;
        DrexModel m = new DrexModel(DrexConfig.defaults().withD(4), new DrexInputs(d, tiny.split, tiny.vectors, hidden));
        assertEquals(1, m.history().skippedInteractions());
        assertFalse(m.history().usable(bz));
        BatchPlan plan = m.plan(new int[] {d.userIndex("A")}, new int[] {d.itemIndex("z")});
        assertFalse(Arrays.stream(plan.distinct).anyMatch(x -> x == bz), "B z never enters a fold");
    }

    @Test
    void aHiddenRatingIsAbsentFromTheDrexMlpRowsToo() {
        DrexConfig mlp = DrexConfig.defaults().withD(4).withVariant(Variant.DREX_MLP);
        int ay = k("A", "y");
        int[] users = {d.userIndex("A"), d.userIndex("B")}, items = {d.itemIndex("z"), d.itemIndex("y")};
        BatchPlan open = model(mlp).plan(users, items);
        BatchPlan hidden = new DrexModel(mlp, new DrexInputs(d, tiny.split, tiny.vectors, tiny.hiddenRating())).plan(users, items);
        // row 0 is R_A (target A z left out): with "A y" visible it holds x and y, hidden only x
        assertTrue(Arrays.stream(open.userRows.cols()).anyMatch(c -> c == d.item(ay)), "A y visible: in R_A");
        int rowEnd = hidden.userRows.starts()[1];
        for (int e = 0; e < rowEnd; e++) assertTrue(hidden.userRows.cols()[e] != d.item(ay), "hidden A y in R_A");
        assertEquals(open.userRows.starts()[1] - 1, rowEnd, "exactly one entry fewer");
        // row 1 is R^T_y (target B y left out): it held only A, now nothing
        int yEnd = hidden.itemRows.cols().length;
        assertEquals(0, yEnd - hidden.itemRows.starts()[1], "R^T_y without the hidden rating is empty");
        assertEquals(1, open.itemRows.cols().length - open.itemRows.starts()[1], "R^T_y held A's rating");
    }
}
