package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.features.RandomLemmaVectors;
import dev.drex.app.train.EpochRecord;
import dev.drex.app.train.StoppingCriterion;
import dev.drex.app.train.Trainer;
import dev.drex.engine.kernels.Parallel;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training throughput at the spec's sizes (d = 64, batch 128, window 20) on Musical Instruments with
 * 2 threads, with lemma vectors of width 32 and of BERT's 768 (random stand-ins: the cost is the same).
 * Prints interactions/s per epoch and the per-phase profile. Slow: run with -Pslow or -Dtest.
 */
@Tag("slow")
class DrexSpeedTest {

    private static void measure(String label, DrexConfig config, int dim) throws Exception {
        var split = MusicalInstruments.split();
        var vectors = dim == 32 ? MusicalInstruments.vectors()
                : new RandomLemmaVectors(split.dataset(), new TextPreprocessor(PreprocessConfig.DEFAULTS), dim, 7);
        DrexModel model = new DrexModel(config, DrexInputs.of(split, vectors));
        Trainer.Result r = new Trainer(model, StoppingCriterion.rmse(), null, System.out).profile(true).train(false);
        EpochRecord last = r.history().getLast();
        System.out.printf("SPEED %s dim %d: %.0f interactions/s (last epoch)%n", label, dim, last.interactionsPerSecond());
        assertTrue(last.interactionsPerSecond() > 0);
    }

    @Test
    void throughputAtSpecSizes() throws Exception {
        Parallel.setThreads(2);
        DrexConfig config = DrexConfig.defaults().withEpochs(3).withMinEpochs(0);
        measure("DReX", config, 32);
        measure("DReX-MLP", config.withVariant(DrexConfig.Variant.DREX_MLP), 32);
        measure("DReX", config.withEpochs(2), 768);
    }
}
