package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.engine.autograd.Grad;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Batched state inference equals planning each pair on its own (train pairs, validation pairs, unrated pairs). */
class StatePredictionTest {

    private static void check(DrexConfig config) {
        Split split = MusicalInstruments.split();
        Dataset d = split.dataset();
        DrexModel model = new DrexModel(config, DrexInputs.of(split, MusicalInstruments.vectors()));
        Random random = new Random(8);
        int n = 300;
        int[] users = new int[n], items = new int[n];
        for (int j = 0; j < n; j++) {
            int kind = j % 3;
            int k = kind == 0 ? split.train()[random.nextInt(split.train().length)]
                    : kind == 1 ? split.validation()[random.nextInt(split.validation().length)] : -1;
            users[j] = k >= 0 ? d.user(k) : random.nextInt(d.numUsers());
            items[j] = k >= 0 ? d.item(k) : random.nextInt(d.numItems());
        }
        float[] batched = model.predict(users, items);
        try (var off = Grad.off()) {
            for (int j = 0; j < n; j++) {
                float single = model.forward(model.plan(new int[] {users[j]}, new int[] {items[j]}), false, null).prediction().item();
                assertEquals(single, batched[j], 1e-5f, "pair " + j + " (" + (j % 3 == 0 ? "train" : j % 3 == 1 ? "validation" : "random") + ")");
            }
        }
    }

    @Test
    void drex() {
        check(DrexConfig.defaults().withD(16).withWindow(8));
    }

    @Test
    void drexMlp() {
        check(DrexConfig.defaults().withD(16).withWindow(8).withVariant(DrexConfig.Variant.DREX_MLP));
    }
}
