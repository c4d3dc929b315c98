package dev.drex.engine.optim;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SgdTest {

    /* lr 0.1, w = [1, -1], g = [0.5, 2]: w = [1 - 0.05, -1 - 0.2] = [0.95, -1.2]. */
    @Test
    void plainStepIsLrTimesGradient() {
        Map<String, Tensor> ps = AdamTest.oneParam("w", 1f, -1f);
        Sgd sgd = new Sgd(ps, 0.1);
        AdamTest.setGrad(ps.get("w"), 0.5f, 2f);
        sgd.step();
        assertArrayEquals(new float[] {0.95f, -1.2f}, ps.get("w").toArray(), 1e-7f);
        assertTrue(sgd.state().isEmpty());
    }

    /*
     * lr 0.1, momentum 0.9, w = 1, g = 0.5 on three steps:
     *   buf1 = 0.5                 w = 1 - 0.05      = 0.95
     *   buf2 = 0.9*0.5 + 0.5 = 0.95  w = 0.95 - 0.095 = 0.855
     *   buf3 = 0.9*0.95 + 0.5 = 1.355 w = 0.855 - 0.1355 = 0.7195
     */
    @Test
    void momentumAccumulatesAsHeavyBall() {
        Map<String, Tensor> ps = AdamTest.oneParam("w", 1f);
        Sgd sgd = new Sgd(ps, 0.1, 0.9);
        float[] expected = {0.95f, 0.855f, 0.7195f};
        for (int s = 0; s < 3; s++) {
            sgd.zeroGrad();
            AdamTest.setGrad(ps.get("w"), 0.5f);
            sgd.step();
            assertEquals(expected[s], ps.get("w").get(0), 1e-6f, "step " + (s + 1));
        }
        assertEquals(1.355f, sgd.state().get("momentum.w")[0], 1e-6f);
    }
}
