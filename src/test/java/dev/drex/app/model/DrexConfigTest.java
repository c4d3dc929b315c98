package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.train.StoppingCriterion;
import org.junit.jupiter.api.Test;

class DrexConfigTest {

    @Test
    void defaultsAreTheSpecsAndSurviveJson() {
        DrexConfig c = DrexConfig.defaults();
        assertEquals(64, c.d());
        assertEquals(20, c.window());
        assertEquals(1e-3, c.learningRate());
        assertEquals(1e-3, c.lambda());
        assertEquals(128, c.batchSize());
        assertEquals(100, c.epochs());
        assertEquals(10, c.patience());
        assertEquals(10, c.minEpochs());
        assertEquals(DrexConfig.Criterion.RMSE, c.criterion());
        String json = c.toJson();
        assertTrue(json.contains("\"variant\" : \"DREX\""), json);
        assertEquals(c, DrexConfig.fromJson(json));
        DrexConfig other = c.withVariant(DrexConfig.Variant.DREX_MLP).withAblations(true, false, true).withDropout(0.2f, 0.1f);
        assertEquals(other, DrexConfig.fromJson(other.toJson()));
    }

    @Test
    void badValuesAndMissingFieldsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DrexConfig.defaults().withD(0));
        assertTrue(e.getMessage().contains("d must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DrexConfig.fromJson(DrexConfig.defaults().toJson().replace("\"window\" : 20,", "")));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
        assertEquals(DrexConfig.Variant.DREX_MLP, DrexConfig.Variant.parse("drex-mlp"));
    }

    @Test
    void criteriaCompareLexicographically() {
        assertTrue(StoppingCriterion.better(new double[] {0.5}, null));
        assertTrue(StoppingCriterion.better(new double[] {0.5, -0.9}, new double[] {0.5, -0.8}), "MAE tie, higher NDCG wins");
        assertTrue(!StoppingCriterion.better(new double[] {0.6, -1.0}, new double[] {0.5, -0.1}), "MAE decides first");
        var paper = StoppingCriterion.maeThenNdcg((u, i, r, p) -> 0.75);
        double[] s = paper.score(new int[] {0, 1}, new int[] {0, 0}, new float[] {5, 3}, new float[] {4, 4});
        assertEquals(1.0, s[0], 1e-12);
        assertEquals(-0.75, s[1], 1e-12);
        assertEquals(Math.sqrt(1.0), StoppingCriterion.rmse().score(null, null, new float[] {5, 3}, new float[] {4, 4})[0], 1e-12);
    }
}
