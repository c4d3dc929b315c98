package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.train.ErrorMetrics;
import dev.drex.app.train.StoppingCriterion;
import dev.drex.app.train.Trainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Full runs at the spec's defaults (d 64, window 20, lr 1e-3, lambda 1e-3, batch 128, up to 100 epochs,
 * patience 10) on Musical Instruments with the random lemma stand-in (dim 32): test RMSE and MAE next to
 * the global mean. Slow.
 */
@Tag("slow")
class DrexFullRunTest {

    private static void run(DrexConfig config) throws Exception {
        Split split = MusicalInstruments.split();
        Dataset d = split.dataset();
        DrexModel model = new DrexModel(config, DrexInputs.of(split, MusicalInstruments.vectors()));
        Trainer.Result r = new Trainer(model, StoppingCriterion.rmse(), null, System.out).train(false);
        int[] test = split.test();
        int[] users = new int[test.length], items = new int[test.length];
        float[] ratings = new float[test.length], mean = new float[test.length];
        double m = 0;
        for (int k : split.train()) m += d.rating(k);
        m /= split.train().length;
        for (int j = 0; j < test.length; j++) {
            users[j] = d.user(test[j]);
            items[j] = d.item(test[j]);
            ratings[j] = d.rating(test[j]);
            mean[j] = (float) m;
        }
        float[] p = model.predict(users, items);
        System.out.printf("FULL %s: best epoch %d of %d, test RMSE %.4f MAE %.4f; global mean RMSE %.4f MAE %.4f%n", model.name(),
                r.bestEpoch(), r.epochsRun(), ErrorMetrics.rmse(ratings, p), ErrorMetrics.mae(ratings, p),
                ErrorMetrics.rmse(ratings, mean), ErrorMetrics.mae(ratings, mean));
        assertTrue(ErrorMetrics.rmse(ratings, p) < ErrorMetrics.rmse(ratings, mean));
    }

    @Test
    void drexAtTheSpecDefaults() throws Exception {
        run(DrexConfig.defaults());
    }

    @Test
    void drexMlpAtTheSpecDefaults() throws Exception {
        run(DrexConfig.defaults().withVariant(DrexConfig.Variant.DREX_MLP));
    }
}
