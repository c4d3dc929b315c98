package dev.drex.engine.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GruCellTest {

    private static void set(GruCell gru, String name, float... v) {
        Tensor p = gru.parameterAt(name);
        assertEquals(p.size(), v.length, name);
        System.arraycopy(v, 0, p.data(), p.offset(), v.length);
    }

    /** Small non-zero biases so the check does not only see b = 0. */
    private static GruCell randomCell(int in, int hidden, long seed) {
        GruCell gru = new GruCell(in, hidden, Init.rng(seed));
        var rng = Init.rng(seed + 1);
        for (String b : List.of("b_z", "b_g", "b_c")) {
            float[] d = gru.parameterAt(b).data();
            for (int i = 0; i < d.length; i++) d[i] = (float) (0.4 * rng.nextDouble() - 0.2);
        }
        return gru;
    }

    private static List<Tensor> inputs(int steps, int batch, int in, long seed) {
        List<Tensor> xs = new ArrayList<>();
        for (int t = 0; t < steps; t++) xs.add(LayersTest.input("x" + t, seed + t, batch, in));
        return xs;
    }

    /*
     * in = 1, H = 2, two rows. Parameters:
     *   W_z = [0.1; 0.2], W_g = [-0.3; 0.4], W_c = [0.5; -0.6]
     *   R_z = [[1,0],[0,1]], R_g = [[0,1],[1,0]], R_c = [[0.5,0.5],[-0.5,0.5]]
     *   b_z = [0, 0.1], b_g = [0.2, 0], b_c = [0, -0.1]
     * Row 0: x = 2, h = [0.5, -1]
     *   z_pre = [0.2 + 0.5 + 0, 0.4 - 1 + 0.1] = [0.7, -0.5]      z = [0.668187772, 0.377540669]
     *   g_pre = [-0.6 - 1 + 0.2, 0.8 + 0.5 + 0] = [-1.4, 1.3]     g = [0.197816111, 0.785834983]
     *   g*h = [0.098908056, -0.785834983]; R_c(g*h) = [-0.343463464, -0.442371520]
     *   c_pre = [1.0 - 0.343463464, -1.2 - 0.442371520 - 0.1] = [0.656536536, -1.742371520]
     *   c = tanh = [0.576053876, -0.940501062]
     *   h' = (1-z) h + z c = [0.331813*0.5 + 0.668188*0.576054, 0.622459*(-1) + 0.377541*(-0.940501)]
     *      = [0.550818270, -0.977536731]
     * Row 1: x = -1, h = [0, 0]
     *   z_pre = [-0.1, -0.1], z = [0.475020813, 0.475020813]; g irrelevant (g*h = 0)
     *   c_pre = [-0.5, 0.6 - 0.1] = [-0.5, 0.5], c = [-0.462117157, 0.462117157]
     *   h' = z c = [-0.219515268, 0.219515268]
     */
    @Test
    void stepMatchesHandComputation() {
        GruCell gru = new GruCell(1, 2, Init.rng(0));
        set(gru, "W_z", 0.1f, 0.2f);
        set(gru, "W_g", -0.3f, 0.4f);
        set(gru, "W_c", 0.5f, -0.6f);
        set(gru, "R_z", 1, 0, 0, 1);
        set(gru, "R_g", 0, 1, 1, 0);
        set(gru, "R_c", 0.5f, 0.5f, -0.5f, 0.5f);
        set(gru, "b_z", 0f, 0.1f);
        set(gru, "b_g", 0.2f, 0f);
        set(gru, "b_c", 0f, -0.1f);
        Tensor x = Tensor.of(new float[] {2f, -1f}, 2, 1);
        Tensor h = Tensor.of(new float[] {0.5f, -1f, 0f, 0f}, 2, 2);
        float[] expected = {0.550818270f, -0.977536731f, -0.219515268f, 0.219515268f};
        assertArrayEquals(expected, gru.step(x, h).toArray(), 1e-6f);
        assertArrayEquals(expected, gru.referenceStep(x, h).toArray(), 1e-6f);
        assertArrayEquals(expected, gru.fold(h, List.of(x)).toArray(), 1e-6f);
    }

    @Test
    void parametersAreNamedAsTheSpecAndInitialisedPerMatrix() {
        GruCell gru = new GruCell(64, 16, Init.rng(3));
        assertEquals(List.of("W_z", "W_g", "W_c", "R_z", "R_g", "R_c", "b_z", "b_g", "b_c"),
                List.copyOf(gru.namedParameters().keySet()));
        assertEquals(3L * 16 * 64 + 3L * 16 * 16 + 3 * 16, gru.parameterCount());
        for (String w : List.of("W_z", "W_g", "W_c", "R_z", "R_g", "R_c")) {
            Tensor p = gru.parameterAt(w);
            double bound = Math.sqrt(6.0 / (p.dim(0) + p.dim(1))); // Xavier on (16, 64) or (16, 16), not on a fused (48, 64)
            double max = 0;
            for (float v : p.toArray()) max = Math.max(max, Math.abs(v));
            assertTrue(max <= bound && max > 0.9 * bound, w + " max |w| " + max + " vs bound " + bound);
        }
        for (String b : List.of("b_z", "b_g", "b_c")) assertArrayEquals(new float[16], gru.parameterAt(b).toArray());
    }

    @Test
    void fusedStepEqualsTheLiteralEquationsInValueAndGradient() {
        GruCell gru = randomCell(5, 4, 10);
        Tensor x = LayersTest.input("x", 11, 3, 5);
        Tensor h = LayersTest.input("h", 12, 3, 4);
        float[] seed = Init.uniform(Init.rng(13), 1f, 3, 4).toArray();
        Map<String, Tensor> all = LayersTest.with(gru.namedParameters(), x, h);

        gru.referenceStep(x, h).backward(seed);
        Map<String, float[]> refGrads = new java.util.LinkedHashMap<>();
        all.forEach((k, t) -> { refGrads.put(k, t.grad().clone()); t.clearGrad(); });
        float[] refOut = gru.referenceStep(x, h).toArray();

        Tensor out = gru.step(x, h);
        assertArrayEquals(refOut, out.toArray(), 1e-6f);
        out.backward(seed);
        all.forEach((k, t) -> assertArrayEquals(refGrads.get(k), t.grad(), 1e-5f, k));
    }

    /** Runs {@code f}, backpropagates {@code seed}, returns [output, grad of each tensor of wrt...]. */
    private static List<float[]> outputAndGradients(java.util.function.Supplier<Tensor> f, Map<String, Tensor> wrt, float[] seed) {
        wrt.values().forEach(Tensor::clearGrad);
        Tensor out = f.get();
        out.backward(seed);
        List<float[]> r = new ArrayList<>();
        r.add(out.toArray());
        wrt.values().forEach(t -> r.add(t.grad().clone()));
        return r;
    }

    @Test
    void fusedStepKernelEqualsComposedOpsInValueAndGradient() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 4}, {17, 8, 33}}; // batch, in, hidden
        for (int[] sh : shapes) {
            int batch = sh[0], in = sh[1], hidden = sh[2];
            GruCell gru = randomCell(in, hidden, 70 + hidden);
            Tensor h0 = LayersTest.input("h0", 71, batch, hidden);
            List<Tensor> xs = inputs(6, batch, in, 72);
            int[] lengths = new int[batch];
            for (int b = 0; b < batch; b++) lengths[b] = (b * 5) % 7; // 0..6, some full, some empty
            Map<String, Tensor> wrt = LayersTest.with(gru.namedParameters(), withInputs(h0, xs));
            float[] seed = Init.uniform(Init.rng(73), 1f, batch, hidden).toArray();
            for (int[] lens : new int[][] {null, lengths}) {
                List<float[]> fused = outputAndGradients(() -> gru.fusedKernel(true).fold(h0, xs, lens), wrt, seed);
                List<float[]> composed = outputAndGradients(() -> gru.fusedKernel(false).fold(h0, xs, lens), wrt, seed);
                String what = Arrays.toString(sh) + (lens == null ? " unmasked" : " masked");
                assertArrayEquals(composed.get(0), fused.get(0), 1e-6f, what + " output");
                List<String> names = new ArrayList<>(wrt.keySet());
                for (int k = 0; k < names.size(); k++) {
                    assertArrayEquals(composed.get(k + 1), fused.get(k + 1), 2e-5f, what + " d/d" + names.get(k));
                }
            }
            gru.fusedKernel(true);
        }
    }

    @Test
    void stepGradientCheck() {
        GruCell gru = randomCell(3, 4, 20);
        Tensor x = LayersTest.input("x", 21, 2, 3);
        Tensor h = LayersTest.input("h", 22, 2, 4);
        LayersTest.gradCheck("GruCell.step", () -> gru.step(x, h), LayersTest.with(gru.namedParameters(), x, h), 1e-2f, 1e-3);
    }

    @Test
    void foldGradientCheckThroughTimeAtLengths1And5And23() {
        for (int steps : new int[] {1, 5, 23}) {
            GruCell gru = randomCell(2, 3, 30 + steps);
            Tensor h0 = LayersTest.input("h0", 40 + steps, 2, 3);
            List<Tensor> xs = inputs(steps, 2, 2, 100L * steps);
            LayersTest.gradCheck("fold of " + steps, () -> gru.fold(h0, xs),
                    LayersTest.with(gru.namedParameters(), withInputs(h0, xs)), 1e-2f, 1e-3);
        }
    }

    private static Tensor[] withInputs(Tensor h0, List<Tensor> xs) {
        Tensor[] ts = new Tensor[xs.size() + 1];
        ts[0] = h0;
        for (int i = 0; i < xs.size(); i++) ts[i + 1] = xs.get(i);
        return ts;
    }

    @Test
    void foldEqualsRepeatedSteps() {
        GruCell gru = randomCell(4, 5, 50);
        Tensor h0 = LayersTest.input("h0", 51, 3, 5);
        List<Tensor> xs = inputs(7, 3, 4, 52);
        Tensor h = h0;
        for (Tensor x : xs) h = gru.step(x, h);
        assertArrayEquals(h.toArray(), gru.fold(h0, xs).toArray(), 1e-6f);
        assertSame(h0, gru.fold(h0, List.of()), "an empty history leaves h0");
    }

    @Test
    void maskedFoldStopsEachRowAtItsLength() {
        GruCell gru = randomCell(3, 4, 60);
        int[] lengths = {4, 0, 2};
        Tensor h0 = LayersTest.input("h0", 61, 3, 4);
        List<Tensor> xs = inputs(4, 3, 3, 62);
        Tensor packed = gru.fold(h0, xs, lengths);
        for (int b = 0; b < 3; b++) {
            Tensor hb = h0.rows(b, b + 1).detach();
            for (int t = 0; t < lengths[b]; t++) hb = gru.step(xs.get(t).rows(b, b + 1).detach(), hb);
            for (int j = 0; j < 4; j++) assertEquals(hb.get(0, j), packed.get(b, j), 1e-6f, "row " + b);
        }
        LayersTest.gradCheck("masked fold", () -> gru.fold(h0, xs, lengths),
                LayersTest.with(gru.namedParameters(), withInputs(h0, xs)), 1e-2f, 1e-3);
        var e = assertThrows(IllegalArgumentException.class, () -> gru.fold(h0, xs, new int[] {1, 5, 0}));
        assertTrue(e.getMessage().contains("lengths[1]"), e.getMessage());
    }

    @Test
    void badShapesAreNamed() {
        GruCell gru = new GruCell(3, 4, Init.rng(1));
        var e = assertThrows(IllegalArgumentException.class, () -> gru.step(Tensor.zeros(2, 5), Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("x has shape [2, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gru.fold(Tensor.zeros(2, 4), List.of(Tensor.zeros(2, 3), Tensor.zeros(3, 3))));
        assertTrue(e.getMessage().contains("xs[1]"), e.getMessage());
    }
}
