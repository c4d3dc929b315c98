package dev.drex.app.eval;

import dev.drex.app.data.Split;
import dev.drex.app.model.GlobalMeanPredictor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvaluatorTest {

    @Test
    void errorsAndBothProtocolsOnTheTinySplit() {
        TinyData tiny = new TinyData();
        // test ratings: A 3, 5, 4; B 1, 2; C 5. Constant 3: |errors| 0, 2, 1, 2, 1, 2
        // MAE = 8/6; RMSE = sqrt((0 + 4 + 1 + 4 + 1 + 4) / 6) = sqrt(14/6)
        EvaluationResult r = new Evaluator(2).evaluate(new GlobalMeanPredictor(3f), tiny.data, tiny.split, new int[] {1, 3}, 7);
        assertEquals(8.0 / 6, r.mae(), 1e-12);
        assertEquals(Math.sqrt(14.0 / 6), r.rmse(), 1e-12);
        assertEquals(6, r.testInteractions());
        assertEquals(7, r.seed());
        assertEquals("global mean", r.model());
        assertEquals(tiny.split.sha256(), r.splitSha256());
        // paper: A in item order i0 i1 i2 -> NDCG@1 7/31; B i3 before i4 -> 1
        assertEquals((7.0 / 31 + 1) / 2, r.paper().ndcg(1), 1e-12);
        // full: A's candidates i0 i1 i2 i5 in item order -> flags N R R N: NDCG@1 0; C's i0 i1 i2 -> R N N: 1
        assertEquals(0.5, r.full().ndcg(1), 1e-12);
        assertEquals(r.metrics().get("NDCG@1 full"), r.full().ndcg(1));
        // validation errors: A i3 r2 -> |2 - 3| = 1
        ErrorMetrics validation = new Evaluator().errors(new GlobalMeanPredictor(3f), tiny.split, Split.Part.VALIDATION);
        assertEquals(1.0, validation.rmse(), 0);
        assertEquals(1, validation.count());
    }

    @Test
    void badArgumentsAreRefused() {
        TinyData tiny = new TinyData();
        TinyData other = new TinyData();
        Evaluator evaluator = new Evaluator();
        GlobalMeanPredictor mean = new GlobalMeanPredictor(3f);
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(mean, other.data, tiny.split, Evaluator.DEFAULT_KS));
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(mean, tiny.data, tiny.split, new int[] {5, 3}));
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(mean, tiny.data, tiny.split, new int[] {0}));
        // a model that returns the wrong number of predictions, or NaN, is named in the error
        dev.drex.app.model.RatingPredictor broken = new dev.drex.app.model.RatingPredictor() {
            public String name() {
                return "broken";
            }

            public float[] predict(int[] users, int[] items) {
                float[] out = new float[users.length];
                out[0] = Float.NaN;
                return out;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> evaluator.evaluate(broken, tiny.data, tiny.split, Evaluator.DEFAULT_KS));
        assertEquals(true, e.getMessage().startsWith("broken predicted NaN for user"), e.getMessage());
    }
}
