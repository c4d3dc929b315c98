package dev.drex.engine.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.testing.GradCheck;
import dev.drex.engine.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LayersTest {

    static Tensor input(String name, long seed, int... shape) {
        return Init.uniform(Init.rng(seed), 1f, shape).requiresGrad(true).name(name);
    }

    static Map<String, Tensor> with(Map<String, Tensor> params, Tensor... inputs) {
        Map<String, Tensor> all = new LinkedHashMap<>(params);
        for (Tensor t : inputs) all.put(t.name(), t);
        return all;
    }

    /**
     * Gradient check of {@code f()} (a closure over the tensors) w.r.t. every tensor of {@code wrt}, with the
     * shared harness: 4-point stencil of step h, |a - n| <= tol + tol * max(|a|, |n|).
     */
    static void gradCheck(String label, Supplier<Tensor> f, Map<String, Tensor> wrt, float h, double tol) {
        GradCheck.of(label).step(h).tolerances(tol, tol).run(ignored -> f.get(), wrt.values().toArray(new Tensor[0]));
    }

    @Test
    void linearComputesXWTransposePlusBiasAndIsXavierInitialised() {
        Linear lin = new Linear(3, 2, true, Init.rng(1));
        assertEquals(List.of("weight", "bias"), List.copyOf(lin.namedParameters().keySet()));
        assertArrayEquals(new float[2], lin.bias().toArray());
        double bound = Math.sqrt(6.0 / 5);
        for (float w : lin.weight().toArray()) assertTrue(Math.abs(w) <= bound);
        // hand example: W = [[1,2,3],[0,-1,1]], b = [0.5, -0.5], x = [1, 1, 2] -> [1+2+6+0.5, 0-1+2-0.5] = [9.5, 0.5]
        System.arraycopy(new float[] {1, 2, 3, 0, -1, 1}, 0, lin.weight().data(), 0, 6);
        System.arraycopy(new float[] {0.5f, -0.5f}, 0, lin.bias().data(), 0, 2);
        assertArrayEquals(new float[] {9.5f, 0.5f}, lin.forward(Tensor.of(new float[] {1, 1, 2}, 1, 3)).toArray(), 1e-6f);
        assertEquals(1, new Linear(3, 2, false, Init.rng(1)).namedParameters().size());
        var e = assertThrows(IllegalArgumentException.class, () -> lin.forward(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("[2, 4]"), e.getMessage());
    }

    @Test
    void linearGradientCheck() {
        Linear lin = new Linear(4, 5, true, Init.rng(2));
        Tensor x = input("x", 3, 3, 4);
        gradCheck("Linear", () -> lin.forward(x), with(lin.namedParameters(), x), 1e-2f, 1e-3);
    }

    @Test
    void mlpGradientCheckAndNames() {
        Mlp mlp = new Mlp(Init.rng(4), 4, 6, 5, 3);
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "2.weight", "2.bias"),
                List.copyOf(mlp.namedParameters().keySet()));
        // non-zero biases so the ReLU kinks are not all at the same place
        for (Linear l : mlp.layers()) {
            float[] b = l.bias().data();
            for (int i = 0; i < b.length; i++) b[i] = 0.1f * (i % 3) - 0.05f;
        }
        Tensor x = input("x", 5, 3, 4);
        // a small step so no pre-activation crosses a ReLU kink within 2h
        gradCheck("Mlp", () -> mlp.forward(x), with(mlp.namedParameters(), x), 1e-3f, 1e-3);
    }

    @Test
    void mlpDropoutOnlyWhileTraining() {
        Mlp mlp = new Mlp(Init.rng(6), 0.5f, 8, 32, 4);
        Tensor x = input("x", 7, 16, 8);
        Tensor evalOut;
        mlp.eval();
        evalOut = mlp.forward(x);
        assertArrayEquals(evalOut.toArray(), mlp.forward(x).toArray(), "eval is deterministic");
        mlp.train(true);
        assertFalse(java.util.Arrays.equals(evalOut.toArray(), mlp.forward(x).toArray()), "training applies dropout");
    }

    @Test
    void embeddingGathersRowsAndRejectsBadIds() {
        Embedding emb = new Embedding(5, 3, 0.1f, Init.rng(8));
        Tensor rows = emb.forward(new int[] {4, 0, 4});
        assertArrayEquals(new int[] {3, 3}, rows.shape());
        for (int c = 0; c < 3; c++) {
            assertEquals(emb.weight().get(4, c), rows.get(0, c));
            assertEquals(emb.weight().get(0, c), rows.get(1, c));
        }
        rows.backward(new float[] {1, 1, 1, 0, 0, 0, 2, 2, 2});
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3}, emb.weight().grad(), "row 4 used twice");
        var e = assertThrows(IndexOutOfBoundsException.class, () -> emb.forward(new int[] {1, 5}));
        assertTrue(e.getMessage().contains("id 5"), e.getMessage());
    }

    @Test
    void layerNormStartsAsPureNormalisation() {
        LayerNorm ln = new LayerNorm(4, 1e-5f);
        Tensor y = ln.forward(Tensor.of(new float[] {1, 2, 3, 4}, 1, 4));
        // mean 2.5, biased variance 1.25 -> (x - 2.5) / sqrt(1.25 + 1e-5)
        double s = Math.sqrt(1.25 + 1e-5);
        assertArrayEquals(new float[] {(float) (-1.5 / s), (float) (-0.5 / s), (float) (0.5 / s), (float) (1.5 / s)}, y.toArray(), 1e-5f);
        assertEquals(List.of("gamma", "beta"), List.copyOf(ln.namedParameters().keySet()));
        Tensor x = input("x", 9, 3, 4);
        gradCheck("LayerNorm", () -> ln.forward(x), with(ln.namedParameters(), x), 1e-2f, 1e-3);
    }
}
