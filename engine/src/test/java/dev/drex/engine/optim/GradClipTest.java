package dev.drex.engine.optim;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradClipTest {

    /* Two parameters with gradients [3] and [0, 4]: global norm sqrt(9 + 16) = 5. */
    private static List<Tensor> threeFourFive() {
        Tensor a = Tensor.parameter("a", Tensor.vector(0f));
        Tensor b = Tensor.parameter("b", Tensor.vector(0f, 0f));
        a.grad()[0] = 3f;
        b.grad()[1] = 4f;
        return List.of(a, b);
    }

    @Test
    void belowTheThresholdNothingChanges() {
        List<Tensor> ps = threeFourFive();
        assertEquals(5.0, GradClip.clipByGlobalNorm(ps, 10.0), 1e-12);
        assertArrayEquals(new float[] {3f}, ps.get(0).grad());
        assertArrayEquals(new float[] {0f, 4f}, ps.get(1).grad());
        assertEquals(5.0, GradClip.clipByGlobalNorm(ps, 5.0), 1e-12, "exactly at the threshold: unchanged");
        assertArrayEquals(new float[] {3f}, ps.get(0).grad());
    }

    /* maxNorm 1: scale 1/5, gradients [0.6] and [0, 0.8], new norm 1. */
    @Test
    void aboveTheThresholdScalesExactlyToMaxNorm() {
        List<Tensor> ps = threeFourFive();
        assertEquals(5.0, GradClip.clipByGlobalNorm(ps, 1.0), 1e-12, "returns the norm before clipping");
        assertArrayEquals(new float[] {0.6f}, ps.get(0).grad(), 1e-7f);
        assertArrayEquals(new float[] {0f, 0.8f}, ps.get(1).grad(), 1e-7f);
        assertEquals(1.0, GradClip.globalNorm(ps), 1e-7);
    }

    @Test
    void normIsAccumulatedInDouble() {
        // 2^22 entries of 1e-3: a float running sum of the squares drifts visibly, a double one does not
        int n = 1 << 22;
        Tensor p = Tensor.parameter("p", Tensor.zeros(n));
        java.util.Arrays.fill(p.grad(), 1e-3f);
        double exact = Math.sqrt(n * ((double) 1e-3f * 1e-3f));
        float floatSum = 0;
        for (int i = 0; i < n; i++) floatSum += 1e-3f * 1e-3f;
        assertTrue(Math.abs(Math.sqrt(floatSum) - exact) > 1e-4, "the float sum should drift: " + Math.sqrt(floatSum));
        assertEquals(exact, GradClip.globalNorm(List.of(p)), 1e-9);
    }

    @Test
    void nonFiniteNormLeavesGradientsAloneAndFiniteCheckNamesTheParameter() {
        Map<String, Tensor> ps = new LinkedHashMap<>();
        ps.put("enc.w", Tensor.parameter("w", Tensor.vector(0f, 0f)));
        ps.put("gru.W_z", Tensor.parameter("W_z", Tensor.zeros(2, 2)));
        ps.get("enc.w").grad()[0] = 1f;
        ps.get("gru.W_z").grad()[3] = Float.NaN;
        assertTrue(Double.isNaN(GradClip.clipByGlobalNorm(ps, 0.5)));
        assertEquals(1f, ps.get("enc.w").grad()[0]);
        var e = assertThrows(FiniteCheck.NonFiniteException.class, () -> FiniteCheck.requireFiniteGradients(ps));
        assertEquals("gru.W_z", e.parameterName());
        assertTrue(e.getMessage().contains("gru.W_z") && e.getMessage().contains("index 3"), e.getMessage());

        ps.get("gru.W_z").grad()[3] = 0f;
        FiniteCheck.requireFiniteGradients(ps);
        ps.get("enc.w").data()[1] = Float.POSITIVE_INFINITY;
        var v = assertThrows(FiniteCheck.NonFiniteException.class, () -> FiniteCheck.requireFiniteValues(ps));
        assertEquals("enc.w", v.parameterName());
    }
}
