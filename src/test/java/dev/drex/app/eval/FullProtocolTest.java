package dev.drex.app.eval;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FullProtocolTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);
    private static final int[] KS = {1, 3, 5};

    /** A scores i3 (its validation item) and i4 (its train item) highest: they must not be candidates. */
    private static TinyData.TablePredictor model() {
        return new TinyData.TablePredictor(0f)
                .put(TinyData.A, 3, 99f).put(TinyData.A, 4, 98f)
                .put(TinyData.A, 0, 4f).put(TinyData.A, 1, 3f).put(TinyData.A, 2, 3f).put(TinyData.A, 5, 3.5f);
    }

    @Test
    void ranksEveryItemNotRatedInTrainOrValidation() {
        TinyData tiny = new TinyData();
        TinyData.TablePredictor model = model();
        FullProtocol.evaluate(model, tiny.split, KS, 1000);
        Set<String> asked = new HashSet<>();
        for (long[] pair : model.asked) asked.add(pair[0] + ":" + pair[1]);
        // A: all 6 items but i3 (validation) and i4 (train); C: all but i3, i4, i5 (train); B: skipped (no test rating >= 4)
        assertEquals(Set.of("0:0", "0:1", "0:2", "0:5", "1:0", "1:1", "1:2"), asked);
        assertEquals(7, model.asked.size());
    }

    @Test
    void handComputedNdcgAndF1() {
        TinyData tiny = new TinyData();
        RankingResult r = FullProtocol.evaluate(model(), tiny.split, KS, 1000);
        // A: candidates i0 4.0, i5 3.5, i1 3.0, i2 3.0 (tie: i1 first) -> flags N N R R, relevant {i1, i2}
        //    NDCG@1 0; NDCG@3 (1/log2 4) / (1 + 1/log2 3); NDCG@5 (1/2 + 1/log2 5) / (1 + 1/log2 3)
        //    F1@1 0; F1@3 P 1/3 R 1/2 -> 0.4; F1@5 P 2/5 R 1 -> 0.8/1.4
        // C: candidates i0, i1, i2 all 0.0 -> item order i0 i1 i2 -> flags R N N, relevant {i0}
        //    NDCG 1 at every k; F1@1 1; F1@3 P 1/3 R 1 -> 0.5; F1@5 P 1/5 R 1 -> 0.4/1.2
        assertEquals(2, r.ndcgUsers());
        assertEquals(2, r.f1Users());
        assertEquals(0.5, r.ndcg(1), 1e-12);
        assertEquals((0.5 / (1 + 1 / LOG2_3) + 1) / 2, r.ndcg(3), 1e-12);
        assertEquals(((0.5 + 1 / LOG2_5) / (1 + 1 / LOG2_3) + 1) / 2, r.ndcg(5), 1e-12);
        assertEquals(0.5, r.f1(1), 1e-12);
        assertEquals((0.4 + 0.5) / 2, r.f1(3), 1e-12);
        assertEquals((0.8 / 1.4 + 0.4 / 1.2) / 2, r.f1(5), 1e-12);
    }

    @Test
    void resultsDoNotDependOnTheBatchSize() {
        TinyData tiny = new TinyData();
        RankingResult big = FullProtocol.evaluate(model(), tiny.split, KS, 1000);
        for (int batch : new int[] {1, 3, 4, 5}) {
            TinyData.TablePredictor model = model();
            assertEquals(big, FullProtocol.evaluate(model, tiny.split, KS, batch), "batch " + batch);
        }
        TinyData.TablePredictor perUser = model();
        FullProtocol.evaluate(perUser, tiny.split, KS, 4);    // A has 4 candidates, C 3: one call each
        assertEquals(2, perUser.calls);
    }
}
