package dev.drex.app.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaperProtocolTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final int[] KS = {1, 2, 3, 5};

    @Test
    void handComputedNdcgAndF1() {
        TinyData tiny = new TinyData();
        // A: i0 4.0, i1 3.0, i2 3.0 -> i0, then the tie i1 < i2: ratings 3, 5, 4 -> gains 7, 31, 15 (ideal 31, 15, 7)
        // B: i3 and i4 tie at 2.0 -> i3 (r2, gain 3) before i4 (r1, gain 1): the ideal order, NDCG 1 at every k
        //    (ranking in time order, i4 first, would give NDCG@1 = 1/3)
        // C: one test item -> not ranked
        TinyData.TablePredictor model = new TinyData.TablePredictor(2f)
                .put(TinyData.A, 0, 4f).put(TinyData.A, 1, 3f).put(TinyData.A, 2, 3f);
        int[] test = tiny.split.test();
        float[] predicted = Predictions.ofInteractions(model, tiny.data, test, 100);
        RankingResult r = PaperProtocol.evaluate(tiny.data, test, predicted, KS);
        assertEquals(2, r.ndcgUsers());     // A and B
        assertEquals(1, r.f1Users());       // B has no rating >= 4
        // NDCG@1: A 7/31, B 1
        assertEquals((7.0 / 31 + 1) / 2, r.ndcg(1), 1e-12);
        // NDCG@2: A (7 + 31/log2 3) / (31 + 15/log2 3)
        assertEquals(((7 + 31 / LOG2_3) / (31 + 15 / LOG2_3) + 1) / 2, r.ndcg(2), 1e-12);
        // NDCG@3 = NDCG@5: A (7 + 31/log2 3 + 15/2) / (31 + 15/log2 3 + 7/2)
        double a3 = (7 + 31 / LOG2_3 + 7.5) / (31 + 15 / LOG2_3 + 3.5);
        assertEquals((a3 + 1) / 2, r.ndcg(3), 1e-12);
        assertEquals((a3 + 1) / 2, r.ndcg(5), 1e-12);
        // F1 (A only; relevant i1, i2; ranked flags N, R, R):
        // @1 hits 0 -> 0; @2 P 1/2 R 1/2 -> 1/2; @3 P 2/3 R 1 -> 0.8; @5 P 2/5 R 1 -> 0.8/1.4
        assertEquals(0, r.f1(1), 1e-12);
        assertEquals(0.5, r.f1(2), 1e-12);
        assertEquals(0.8, r.f1(3), 1e-12);
        assertEquals(0.8 / 1.4, r.f1(5), 1e-12);
    }

    @Test
    void f1AtKAtLeastTheLongestListIsTheSameForEveryOrder() {
        TinyData tiny = new TinyData();
        int[] test = tiny.split.test();
        TinyData.TablePredictor constant = new TinyData.TablePredictor(3f);
        TinyData.TablePredictor reversed = new TinyData.TablePredictor(0f)
                .put(TinyData.A, 0, 9f).put(TinyData.A, 1, 1f).put(TinyData.A, 2, 2f).put(TinyData.B, 4, 5f);
        RankingResult c = PaperProtocol.evaluate(tiny.data, test, Predictions.ofInteractions(constant, tiny.data, test, 100), KS);
        RankingResult v = PaperProtocol.evaluate(tiny.data, test, Predictions.ofInteractions(reversed, tiny.data, test, 100), KS);
        assertEquals(c.f1(3), v.f1(3), 0);   // lists have at most 3 items
        assertEquals(c.f1(5), v.f1(5), 0);
        // ... while NDCG@1 separates them: A's first item is i0 (r3) in both, but B ranks i3 (r2) first under the
        // constant (ties by item index: the ideal order) and i4 (r1) first under the other: gain 1 of an ideal 3
        assertEquals((7.0 / 31 + 1) / 2, c.ndcg(1), 1e-12);
        assertEquals((7.0 / 31 + 1.0 / 3) / 2, v.ndcg(1), 1e-12);
    }
}
