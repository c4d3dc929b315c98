package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Split;
import dev.drex.app.explain.Explainer;
import dev.drex.app.explain.Explanation;
import dev.drex.app.explain.KeywordProfiles;
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

        // explanations from the trained attention, for a few test pairs
        KeywordProfiles profiles = KeywordProfiles.build(model);
        Explainer explainer = new Explainer(profiles);
        int[] test = split.test();
        int shared = 0;
        for (int j = 0; j < 20; j++) {
            int k = test[j];
            Explanation e = explainer.explain(split.dataset().user(k), split.dataset().item(k));
            if (!e.overlapEmpty()) shared++;
            for (int t = 1; t < e.keywords().size(); t++) assertTrue(e.keywords().get(t - 1).score() >= e.keywords().get(t).score());
            assertTrue(e.keywords().size() <= KeywordProfiles.K);
            if (j < 3) System.out.print(e.toText());
        }
        System.out.println(shared + " of 20 test pairs have shared top-10 keywords");
    }

    @Test
    void drexMlpBeatsTheGlobalMeanOnValidation() throws Exception {
        Split split = MusicalInstruments.split();
        DrexModel model = new DrexModel(small().withVariant(DrexConfig.Variant.DREX_MLP), DrexInputs.of(split, MusicalInstruments.vectors()));
        Trainer.Result r = new Trainer(model, StoppingCriterion.rmse(), null, System.out).train(false);
        double floor = MusicalInstruments.globalMeanValidationRmse();
        System.out.printf("DReX-MLP best validation RMSE %.4f vs global mean %.4f%n", r.bestScore()[0], floor);
        assertTrue(r.bestScore()[0] < floor, "DReX-MLP " + r.bestScore()[0] + " must beat the global mean " + floor);
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
        // 5 epochs: with a third of the reviews gone the margin over the floor grows more slowly
        DrexModel model = new DrexModel(small().withEpochs(5).withPatience(5), new DrexInputs(split.dataset(), split, partial, hidden));
        assertTrue(model.history().skippedInteractions() >= both, "every train interaction without both modalities is skipped");
        Trainer.Result r = new Trainer(model, StoppingCriterion.rmse(), null, System.out).train(false);
        double floor = MusicalInstruments.globalMeanValidationRmse();
        System.out.printf("DReX (30%% reviews removed, 10%% ratings hidden, %d skipped) validation RMSE %.4f vs global mean %.4f%n",
                r.skippedInteractions(), r.bestScore()[0], floor);
        assertTrue(r.bestScore()[0] < floor, "partial-modality DReX " + r.bestScore()[0] + " must beat the global mean " + floor);
    }
}
