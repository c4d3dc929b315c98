package dev.drex.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.MusicalInstruments;
import dev.drex.app.eval.PaperProtocol;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.train.StoppingCriterion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grid-point files, failed points, the validation NDCG criterion, id suggestions. */
class TuneResultsTest {

    private static TuneResults.PointResult ok(GridPoint p, double rmse) {
        return new TuneResults.PointResult(p, List.of(1L), List.of("abc"), "rmse", new double[] {rmse}, rmse, 0.7, List.of(3), 1.5, null);
    }

    @Test
    void aDivergedPointRoundTripsAndRanksLast(@TempDir Path dir) throws Exception {
        GridPoint a = new GridPoint("drex", 1e-3, 1e-3, 16, 0f), b = new GridPoint("drex", 1e-1, 1e-3, 16, 0.2f), c = new GridPoint("drex", 1e-2, 1e-3, 16, 0f);
        TuneResults.PointResult failed = new TuneResults.PointResult(b, List.of(), List.of(), "rmse", new double[] {Double.POSITIVE_INFINITY},
                Double.NaN, Double.NaN, List.of(), 2.0, "non-finite gradient in head1.weight");
        TuneResults.write(dir, failed);
        TuneResults.write(dir, ok(a, 0.95));
        TuneResults.write(dir, ok(c, 0.91));
        TuneResults.PointResult back = TuneResults.read(dir, b);
        assertEquals(Double.POSITIVE_INFINITY, back.score()[0]);
        assertTrue(Double.isNaN(back.validationRmse()));
        assertEquals("non-finite gradient in head1.weight", back.failure());
        List<TuneResults.PointResult> all = TuneResults.all(dir);
        assertEquals(List.of(c, a, b), all.stream().map(TuneResults.PointResult::point).toList());
        assertEquals(c, TuneResults.best(dir));
        assertTrue(TuneResults.table(all).contains("FAILED: non-finite"), TuneResults.table(all));
    }

    @Test
    void onlyFailedPointsHaveNoBest(@TempDir Path dir) throws Exception {
        TuneResults.write(dir, new TuneResults.PointResult(new GridPoint("drex", 1e-1, 1e-1, 16, 0f), List.of(), List.of(), "rmse",
                new double[] {Double.POSITIVE_INFINITY}, Double.NaN, Double.NaN, List.of(), 1, "diverged"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TuneResults.best(dir));
        assertTrue(e.getMessage().contains("no successfully finished grid point"), e.getMessage());
    }

    @Test
    void validationNdcgIsThePaperProtocolOnTheValidationPart() {
        Dataset data = MusicalInstruments.dataset();
        Split split = Splitter.random(data, 7);
        int[] val = split.validation();
        int[] users = new int[val.length], items = new int[val.length];
        float[] ratings = new float[val.length], pred = new float[val.length];
        for (int j = 0; j < val.length; j++) {
            users[j] = data.user(val[j]);
            items[j] = data.item(val[j]);
            ratings[j] = data.rating(val[j]);
            pred[j] = (float) ((j * 0.618) % 1) * 4 + 1;
        }
        double expected = PaperProtocol.evaluate(data, val, pred, new int[] {10}).ndcg(10);
        assertEquals(expected, Criteria.validationNdcgAt10(split).evaluate(users, items, ratings, pred), 0);
        StoppingCriterion c = Criteria.of(DrexConfig.defaults().withAblations(false, false, false), split);
        assertEquals("rmse", c.name());
        DrexConfig paper = new DrexConfig(64, 20, 1e-3, 1e-3, 128, 100, 10, 10, 0f, 0f, 0, 5, 1, DrexConfig.Variant.DREX, false, false, false,
                DrexConfig.Criterion.MAE_NDCG);
        double[] score = Criteria.of(paper, split).score(users, items, ratings, pred);
        assertEquals(-expected, score[1], 0);
        // perfect predictions score NDCG 1, and the swapped arrays of another part are refused
        assertEquals(1.0, Criteria.validationNdcgAt10(split).evaluate(users, items, ratings, ratings), 1e-12);
        int[] shifted = items.clone();
        shifted[0] = (shifted[0] + 1) % data.numItems();
        assertThrows(IllegalStateException.class, () -> Criteria.validationNdcgAt10(split).evaluate(users, shifted, ratings, pred));
    }

    @Test
    void unknownIdsSuggestTheClosest() {
        Dataset data = MusicalInstruments.dataset();
        String real = data.userId(5);
        String typo = real.substring(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ids.user(data, typo));
        assertTrue(e.getMessage().contains("Closest ids: " + real), e.getMessage());
        assertEquals(3, Ids.editDistance("kitten", "sitting"));
        assertEquals(0, Ids.editDistance("", ""));
        assertEquals(4, Ids.editDistance("", "abcd"));
    }
}
