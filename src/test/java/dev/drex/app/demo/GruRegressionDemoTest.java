package dev.drex.app.demo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** End to end: the engine (GRU fold, BPTT, Adam) learns the synthetic task well below the constant predictor. */
class GruRegressionDemoTest {

    @Test
    void learnsFarBelowTheConstantPredictorAndIsReproducible() {
        var cfg = new GruRegressionDemo.Config(1024, 256, 10, 4, 24, 64, 14, 1e-2, 7);
        GruRegressionDemo demo = new GruRegressionDemo(cfg);
        double constant = demo.validationVariance();
        List<GruRegressionDemo.Epoch> a = demo.run(null);
        List<GruRegressionDemo.Epoch> b = new GruRegressionDemo(cfg).run(null);
        double last = a.getLast().valMse();
        System.out.printf("demo: constant predictor %.4f, validation MSE after %d epochs %.4f%n", constant, a.size(), last);
        assertTrue(last < 0.1 * constant, "validation MSE " + last + " should be under a tenth of the constant predictor's " + constant);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).valMse(), b.get(i).valMse(), 0.0, "same seed, same numbers (epoch " + (i + 1) + ")");
        }
    }
}
