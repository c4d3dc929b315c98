package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.drex.app.features.ReviewVectors;
import dev.drex.app.train.StoppingCriterion;
import dev.drex.app.train.Trainer;
import dev.drex.engine.kernels.Parallel;
import dev.drex.engine.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The speed work changed how DReX trains, not what it computes: on Musical Instruments at the spec's sizes
 * (d = 64, batch 128, window 20; random lemma vectors of width 32), 2 epochs give the same epoch losses,
 * validation RMSE and every parameter BIT FOR BIT whether the user and item folds run side by side
 * ({@link ParallelFolds}) or one after the other in one graph (the earlier code path), on 1 thread or 2.
 */
class SameNumbersTest {

    @AfterEach
    void restore() {
        DrexModel.parallelFolds = true;
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    /** A finished training run: its epoch records and parameters. */
    record Outcome(Trainer.Result result, Map<String, Tensor> parameters) {}

    static Outcome train(DrexConfig config, ReviewVectors vectors, boolean parallelFolds, int threads) throws Exception {
        DrexModel.parallelFolds = parallelFolds;
        Parallel.setThreads(threads);
        try {
            DrexModel model = new DrexModel(config, DrexInputs.of(MusicalInstruments.split(), vectors));
            return new Outcome(new Trainer(model, StoppingCriterion.rmse(), null, null).train(false), model.namedParameters());
        } finally {
            DrexModel.parallelFolds = true;
        }
    }

    /** Asserts two runs gave the same bits: every epoch's loss, validation RMSE and MAE, and every parameter. */
    static void assertSameBits(Outcome expected, Outcome actual, String what) {
        assertEquals(expected.result().history().size(), actual.result().history().size(), what + ": epochs");
        for (int e = 0; e < expected.result().history().size(); e++) {
            var a = expected.result().history().get(e);
            var b = actual.result().history().get(e);
            assertEquals(a.trainLoss(), b.trainLoss(), 0.0, what + ": train loss of epoch " + a.epoch());
            assertEquals(a.validationRmse(), b.validationRmse(), 0.0, what + ": validation RMSE of epoch " + a.epoch());
            assertEquals(a.validationMae(), b.validationMae(), 0.0, what + ": validation MAE of epoch " + a.epoch());
        }
        assertEquals(expected.parameters().keySet(), actual.parameters().keySet(), what + ": parameter names");
        for (String name : expected.parameters().keySet()) {
            float[] x = expected.parameters().get(name).toArray(), y = actual.parameters().get(name).toArray();
            for (int i = 0; i < x.length; i++) {
                if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) {
                    fail(what + ": parameter " + name + "[" + i + "] " + x[i] + " vs " + y[i]);
                }
            }
        }
    }

    @Test
    void parallelFoldsAndThreadCountsGiveTheSameBits() throws Exception {
        DrexConfig config = DrexConfig.defaults().withEpochs(2).withMinEpochs(0);
        ReviewVectors vectors = MusicalInstruments.vectors();
        Outcome sequential = train(config, vectors, false, 1);
        Outcome parallelOne = train(config, vectors, true, 1);
        Outcome parallelTwo = train(config, vectors, true, 2);
        assertSameBits(sequential, parallelOne, "side-by-side folds on 1 thread");
        assertSameBits(sequential, parallelTwo, "side-by-side folds on 2 threads");
        double first = sequential.result().history().get(0).trainLoss(), second = sequential.result().history().get(1).trainLoss();
        assertTrue(second < first, "training went somewhere: loss " + first + " then " + second);
    }

    /** DReX-MLP with dropout: the towers and the dropout masks go through the same side-by-side path. */
    @Test
    void drexMlpWithDropoutGivesTheSameBits() throws Exception {
        DrexConfig config = DrexConfig.defaults().withEpochs(1).withMinEpochs(0).withVariant(DrexConfig.Variant.DREX_MLP).withDropout(0.2f, 0.2f);
        ReviewVectors vectors = MusicalInstruments.vectors();
        assertSameBits(train(config, vectors, false, 1), train(config, vectors, true, 2), "DReX-MLP, side-by-side folds on 2 threads");
    }
}
