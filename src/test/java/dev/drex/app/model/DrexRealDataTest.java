package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Split;
import dev.drex.app.features.RandomLemmaVectors;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.train.StoppingCriterion;
import dev.drex.app.train.Trainer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DReX on Musical Instruments (5/5-core, random 80/10/10 seed 1, random lemma vectors dim 32, d = 32). */
class DrexRealDataTest {

    private static DrexConfig small() {
        return DrexConfig.defaults().withD(32).withEpochs(3).withMinEpochs(0).withPatience(3);
    }

    @Test
    void drexBeatsTheGlobalMeanOnValidation() throws Exception {
        Split split = MusicalInstruments.split();
        DrexModel model = new DrexModel(small(), DrexInputs.of(split, MusicalInstruments.vectors()));
        Trainer.Result r = new Trainer(model, StoppingCriterion.rmse(), null, System.out).profile(true).train(false);
        double floor = MusicalInstruments.globalMeanValidationRmse();
        System.out.printf("DReX best validation RMSE %.4f vs global mean %.4f%n", r.bestScore()[0], floor);
        assertTrue(r.bestScore()[0] < floor, "DReX " + r.bestScore()[0] + " must beat the global mean " + floor);
    }

    @Test
    void trainsWith30PercentOfReviewsRemovedAnd10PercentOfRatingsHidden() throws Exception {
        Split split = MusicalInstruments.split();
        int n = split.dataset().size();
        Random random = new Random(3);
        boolean[] noReview = new boolean[n], hidden = new boolean[n];
        int both = 0;
        for (int k = 0; k < n; k++) {
            noReview[k] = random.nextDouble() < 0.3;
            hidden[k] = random.nextDouble() < 0.1;
            if (noReview[k] && hidden[k] && split.part(k) == Split.Part.TRAIN) both++;
        }
        ReviewVectors partial = RandomLemmaVectors.without(MusicalInstruments.vectors(), noReview);
        DrexModel model = new DrexModel(small(), new DrexInputs(split.dataset(), split, partial, hidden));
        assertTrue(model.history().skippedInteractions() >= both, "every train interaction without both modalities is skipped");
        Trainer.Result r = new Trainer(model, StoppingCriterion.rmse(), null, System.out).train(false);
        double floor = MusicalInstruments.globalMeanValidationRmse();
        System.out.printf("DReX (30%% reviews removed, 10%% ratings hidden, %d skipped) validation RMSE %.4f vs global mean %.4f%n",
                r.skippedInteractions(), r.bestScore()[0], floor);
        assertTrue(r.bestScore()[0] < floor, "partial-modality DReX " + r.bestScore()[0] + " must beat the global mean " + floor);
    }
}
