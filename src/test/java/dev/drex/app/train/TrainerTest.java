package dev.drex.app.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Split;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.model.DrexConfig.Variant;
import dev.drex.app.model.DrexInputs;
import dev.drex.app.model.DrexModel;
import dev.drex.app.model.MusicalInstruments;
import dev.drex.engine.optim.FiniteCheck;
import dev.drex.engine.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reproducibility, exact resume after a kill, and the NaN guard, on Musical Instruments with a small model. */
class TrainerTest {

    private static DrexConfig small(Variant variant) {
        return DrexConfig.defaults().withD(8).withWindow(5).withEpochs(4).withMinEpochs(0).withVariant(variant);
    }

    private static DrexModel model(DrexConfig config) {
        Split split = MusicalInstruments.split();
        return new DrexModel(config, DrexInputs.of(split, MusicalInstruments.vectors()));
    }

    private static void assertSameParameters(DrexModel a, DrexModel b) {
        Map<String, Tensor> pa = a.namedParameters(), pb = b.namedParameters();
        assertEquals(pa.keySet(), pb.keySet());
        for (String name : pa.keySet()) assertArrayEquals(pa.get(name).toArray(), pb.get(name).toArray(), 0f, name);
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() throws Exception {
        DrexConfig config = small(Variant.DREX).withEpochs(2);
        DrexModel a = model(config), b = model(config), c = model(config.withSeed(2));
        Trainer.Result ra = new Trainer(a, StoppingCriterion.rmse(), null, null).train(false);
        Trainer.Result rb = new Trainer(b, StoppingCriterion.rmse(), null, null).train(false);
        Trainer.Result rc = new Trainer(c, StoppingCriterion.rmse(), null, null).train(false);
        assertSameParameters(a, b);
        for (int e = 0; e < 2; e++) {
            assertEquals(ra.history().get(e).trainLoss(), rb.history().get(e).trainLoss(), 0.0);
            assertEquals(ra.history().get(e).validationRmse(), rb.history().get(e).validationRmse(), 0.0);
        }
        assertTrue(ra.history().get(1).validationRmse() != rc.history().get(1).validationRmse(), "another seed gives other numbers");
    }

    /** 4 epochs straight vs 2 epochs, "killed", then a new process-like start resuming 2 more: identical weights. */
    @Test
    void resumeAfterAKillGivesTheUninterruptedResult(@TempDir Path dir) throws Exception {
        // DReX-MLP with dropout: the batch order AND the dropout masks must be recreated after the restart
        DrexConfig config = small(Variant.DREX_MLP).withDropout(0.2f, 0.2f);
        DrexModel straight = model(config);
        Trainer.Result rs = new Trainer(straight, StoppingCriterion.rmse(), dir.resolve("straight"), null).train(false);

        DrexModel killed = model(config);
        Trainer.Result rk = new Trainer(killed, StoppingCriterion.rmse(), dir.resolve("resumed"), null).train(false, 2);
        assertEquals("interrupted", rk.stopReason());
        assertTrue(Checkpoint.exists(dir.resolve("resumed")));
        assertTrue(Files.readString(dir.resolve("resumed/LATEST")).contains("epoch-0002"));

        DrexModel resumed = model(config); // fresh weights: everything must come from the checkpoint
        Trainer.Result rr = new Trainer(resumed, StoppingCriterion.rmse(), dir.resolve("resumed"), System.out).train(true);
        assertEquals(4, rr.epochsRun());
        assertEquals(rs.bestEpoch(), rr.bestEpoch());
        assertArrayEquals(rs.bestScore(), rr.bestScore(), 0.0);
        for (int e = 0; e < 4; e++) assertEquals(rs.history().get(e).trainLoss(), rr.history().get(e).trainLoss(), 0.0, "epoch " + (e + 1));
        assertSameParameters(straight, resumed);
    }

    @Test
    void resumeRefusesAnotherConfig(@TempDir Path dir) throws Exception {
        DrexConfig config = small(Variant.DREX).withEpochs(1);
        new Trainer(model(config), StoppingCriterion.rmse(), dir, null).train(false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Trainer(model(config.withD(9)), StoppingCriterion.rmse(), dir, null).train(true));
        assertTrue(e.getMessage().contains("another config"), e.getMessage());
    }

    @Test
    void aDivergingRunStopsNamingTheParameter() {
        DrexConfig config = small(Variant.DREX).withEpochs(1).withLearningRate(1e30).withAblations(false, false, false);
        DrexConfig noClip = new DrexConfig(config.d(), config.window(), 1e30, config.lambda(), config.batchSize(), 1, 10, 0, 0f, 0f,
                0, 0, 1, Variant.DREX, false, false, false, DrexConfig.Criterion.RMSE);
        FiniteCheck.NonFiniteException e = assertThrows(FiniteCheck.NonFiniteException.class,
                () -> new Trainer(model(noClip), StoppingCriterion.rmse(), null, null).train(false));
        assertFalse(e.parameterName().isEmpty());
        assertTrue(e.getMessage().contains(e.parameterName()), e.getMessage());
    }
}
