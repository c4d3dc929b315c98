package dev.drex.engine.optim;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamTest {

    static Map<String, Tensor> oneParam(String name, float... values) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put(name, Tensor.parameter(name, Tensor.vector(values)));
        return m;
    }

    static void setGrad(Tensor p, float... g) {
        System.arraycopy(g, 0, p.grad(), 0, g.length);
    }

    /*
     * Hand computation, lr 0.1, beta1 0.9, beta2 0.999, eps 1e-8, w = [1, -2].
     * Step 1, g = [0.5, 0.1]:
     *   m = 0.1 g = [0.05, 0.01];  v = 0.001 g^2 = [2.5e-4, 1e-5]
     *   bc1 = 0.1, bc2 = 0.001 -> mHat = [0.5, 0.1], vHat = [0.25, 0.01], sqrt(vHat) = [0.5, 0.1]
     *   update = mHat / (sqrt(vHat) + 1e-8) = [0.99999998, 0.9999999]  -> w = [0.9, -2.1] (to 1e-8)
     * Step 2, g = [-0.2, 0.3]:
     *   m = 0.9 [0.05, 0.01] + 0.1 [-0.2, 0.3] = [0.025, 0.039]
     *   v = 0.999 [2.5e-4, 1e-5] + 0.001 [0.04, 0.09] = [2.8975e-4, 9.999e-5]
     *   bc1 = 1 - 0.81 = 0.19, bc2 = 1 - 0.998001 = 0.001999
     *   mHat = [0.131578947, 0.205263158], vHat = [0.144947474, 0.050020010]
     *   sqrt(vHat) = [0.380719679, 0.223651537]
     *   update = [0.345605839, 0.917781078] -> w = [0.9 - 0.0345605839, -2.1 - 0.0917781078]
     *                                          = [0.865439416, -2.191778108]
     */
    @Test
    void firstTwoStepsMatchHandComputationWithBiasCorrection() {
        Map<String, Tensor> ps = oneParam("w", 1f, -2f);
        Tensor w = ps.get("w");
        Adam adam = new Adam(ps, 0.1);
        setGrad(w, 0.5f, 0.1f);
        adam.step();
        assertArrayEquals(new float[] {0.9f, -2.1f}, w.toArray(), 1e-6f);
        adam.zeroGrad();
        assertArrayEquals(new float[] {0f, 0f}, w.grad());
        setGrad(w, -0.2f, 0.3f);
        adam.step();
        assertArrayEquals(new float[] {0.865439416f, -2.191778108f}, w.toArray(), 1e-6f);
        assertEquals(2, adam.stepCount());
        assertArrayEquals(new float[] {0.025f, 0.039f}, adam.state().get("m.w"), 1e-7f);
        assertArrayEquals(new float[] {2.8975e-4f, 9.999e-5f}, adam.state().get("v.w"), 1e-9f);
    }

    /*
     * Without bias correction, step 1 with g = [0.5, 0.1]:
     *   m = [0.05, 0.01], v = [2.5e-4, 1e-5], sqrt(v) = [0.0158113883, 0.00316227766]
     *   update = m / (sqrt(v) + 1e-8) = [3.16227566, 3.16226766] -> w = [0.683772434, -2.316226766]
     */
    @Test
    void withoutBiasCorrectionTheFirstStepIsLargerBySqrtOfBc2OverBc1() {
        Map<String, Tensor> ps = oneParam("w", 1f, -2f);
        Adam adam = new Adam(ps, Adam.Config.defaults(0.1).withBiasCorrection(false));
        setGrad(ps.get("w"), 0.5f, 0.1f);
        adam.step();
        assertArrayEquals(new float[] {0.683772434f, -2.316226766f}, ps.get("w").toArray(), 2e-6f);
    }

    /*
     * Decoupled weight decay 0.5, lr 0.1: w is first multiplied by 1 - 0.1 * 0.5 = 0.95, then the Adam
     * step of the first test (about -0.1 * sign(g)) is subtracted:
     *   g = [0, 0]:      w = [0.95, -1.9]      (m = v = 0: the Adam term is 0 / (0 + eps) = 0)
     *   g = [0.5, 0.1]:  w = [0.95 - 0.1, -1.9 - 0.1] = [0.85, -2.0]
     * An L2 penalty folded into g would instead shrink through the normalised moment (no exact 0.95).
     */
    @Test
    void weightDecayIsDecoupledFromTheMoments() {
        Map<String, Tensor> ps = oneParam("w", 1f, -2f);
        Adam adam = new Adam(ps, Adam.Config.defaults(0.1).withWeightDecay(0.5));
        setGrad(ps.get("w"), 0f, 0f);
        adam.step();
        assertArrayEquals(new float[] {0.95f, -1.9f}, ps.get("w").toArray(), 1e-7f);

        Map<String, Tensor> qs = oneParam("w", 1f, -2f);
        Adam adam2 = new Adam(qs, Adam.Config.defaults(0.1).withWeightDecay(0.5));
        setGrad(qs.get("w"), 0.5f, 0.1f);
        adam2.step();
        assertArrayEquals(new float[] {0.85f, -2.0f}, qs.get("w").toArray(), 1e-6f);
    }

    @Test
    void parametersWithoutGradientBufferAreSkipped() {
        Map<String, Tensor> ps = new LinkedHashMap<>();
        ps.put("a", Tensor.parameter("a", Tensor.vector(1f)));
        ps.put("b", Tensor.parameter("b", Tensor.vector(5f)));
        Adam adam = new Adam(ps, Adam.Config.defaults(0.1).withWeightDecay(0.1));
        setGrad(ps.get("a"), 1f);
        adam.step();
        assertEquals(5f, ps.get("b").get(0), "b had no gradient: not even decayed");
        assertNotEquals(1f, ps.get("a").get(0));
    }

    @Test
    void stateRoundTripResumesExactly() {
        Map<String, Tensor> ps = oneParam("w", 1f, -2f, 3f);
        Adam a = new Adam(ps, 0.01);
        float[][] grads = {{0.3f, -0.1f, 2f}, {0.2f, 0.5f, -1f}, {-0.4f, 0.0f, 0.7f}, {1f, 1f, 1f}};
        for (int s = 0; s < 2; s++) {
            setGrad(ps.get("w"), grads[s]);
            a.step();
        }
        Map<String, float[]> saved = a.state();
        float[] savedW = ps.get("w").toArray();
        for (int s = 2; s < 4; s++) {
            setGrad(ps.get("w"), grads[s]);
            a.step();
        }
        float[] expected = ps.get("w").toArray();

        Map<String, Tensor> qs = oneParam("w", savedW);
        Adam b = new Adam(qs, 0.01);
        b.loadState(saved, 2);
        for (int s = 2; s < 4; s++) {
            setGrad(qs.get("w"), grads[s]);
            b.step();
        }
        assertArrayEquals(expected, qs.get("w").toArray(), 0f, "bias correction needs the restored step count");
        assertEquals(4, b.stepCount());
    }

    @Test
    void loadStateNamesTheBadBuffer() {
        Map<String, Tensor> ps = oneParam("enc.w", 1f, 2f);
        Adam a = new Adam(ps, 0.1);
        Map<String, float[]> st = a.state();
        st.put("v.enc.w", new float[3]);
        var e = assertThrows(IllegalArgumentException.class, () -> a.loadState(st, 1));
        assertTrue(e.getMessage().contains("v.enc.w"), e.getMessage());
        st.remove("v.enc.w");
        e = assertThrows(IllegalArgumentException.class, () -> a.loadState(st, 1));
        assertTrue(e.getMessage().contains("v.enc.w") && e.getMessage().contains("missing"), e.getMessage());
        st.put("v.enc.w", new float[2]);
        st.put("m.other", new float[2]);
        e = assertThrows(IllegalArgumentException.class, () -> a.loadState(st, 1));
        assertTrue(e.getMessage().contains("m.other"), e.getMessage());
    }

    @Test
    void rejectsNonTrainableTensorsAndBadConfig() {
        Map<String, Tensor> ps = new LinkedHashMap<>();
        ps.put("const", Tensor.vector(1f));
        var e = assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1));
        assertTrue(e.getMessage().contains("const"));
        assertThrows(IllegalArgumentException.class, () -> Adam.Config.defaults(0.1).withBetas(1, 0.999));
        assertThrows(IllegalArgumentException.class, () -> Adam.Config.defaults(Float.NaN));
    }
}
