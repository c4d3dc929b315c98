package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drex.engine.nn.GruCell;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packed fold against the engine's masked GruCell.fold: same states, same gradients. */
class PackedGruFoldTest {

    @Test
    void equalsTheMaskedFoldOfTheEngine() {
        var rng = Init.rng(4);
        int in = 6, hs = 5, d = 9; // d distinct interactions
        int[][] histories = {{3, 1, 4}, {}, {1, 5, 2, 6, 8}, {0}, {7, 7}, {2, 3, 4, 5, 6}};
        int b = histories.length;
        GruCell gru = new GruCell(in, hs, rng);
        Tensor x = Tensor.parameter("x", Init.normal(rng, 0f, 1f, d, in));
        Tensor h0 = Tensor.parameter("h0", Init.normal(rng, 0f, 0.5f, b, hs));

        PackedGruFold.Layout layout = PackedGruFold.layout(histories, k -> k);
        assertArrayEquals(new int[] {5, 4, 3, 2, 2}, layout.counts(), "active rows per step, longest first");
        Tensor packed = PackedGruFold.fold(gru, h0, x, layout);

        int steps = 5;
        int[] lengths = new int[b];
        List<Tensor> xs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            int[] rows = new int[b];
            for (int j = 0; j < b; j++) rows[j] = t < histories[j].length ? histories[j][t] : 0;
            xs.add(F.gatherRows(x, rows));
        }
        for (int j = 0; j < b; j++) lengths[j] = histories[j].length;
        Tensor masked = gru.fold(h0, xs, lengths);
        assertArrayEquals(masked.toArray(), packed.toArray(), 1e-6f);
        assertArrayEquals(h0.rows(1, 2).toArray(), packed.rows(1, 2).toArray(), 0f, "an empty history leaves h0");

        float[] seed = new float[b * hs];
        for (int i = 0; i < seed.length; i++) seed[i] = (float) rng.nextGaussian();
        packed.backward(seed);
        float[] gx = x.grad().clone(), gh = h0.grad().clone(), gw = gru.parameterAt("R_c").grad().clone();
        x.clearGrad();
        h0.clearGrad();
        gru.zeroGrad();
        masked.backward(seed);
        assertArrayEquals(x.grad(), gx, 1e-5f);
        assertArrayEquals(h0.grad(), gh, 1e-5f);
        assertArrayEquals(gru.parameterAt("R_c").grad(), gw, 1e-5f);
        assertEquals(5, layout.steps());
    }
}
