package dev.drex.app.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RankingMetricsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    @Test
    void ndcgOfGradedGainsByHand() {
        // ratings in rank order 3, 5, 4 -> gains 7, 31, 15; ideal 31, 15, 7
        // DCG@2  = 7/1 + 31/log2(3)             = 7 + 19.559 = 26.559
        // IDCG@2 = 31/1 + 15/log2(3)            = 31 + 9.464 = 40.464
        // DCG@3  = 26.559 + 15/2 = 34.059;  IDCG@3 = 40.464 + 7/2 = 43.964
        double[] ranked = {7, 31, 15};
        double[] ideal = {31, 15, 7};
        assertEquals(7.0 / 31, RankingMetrics.ndcgAtK(ranked, ideal, 1), 1e-12);
        assertEquals((7 + 31 / LOG2_3) / (31 + 15 / LOG2_3), RankingMetrics.ndcgAtK(ranked, ideal, 2), 1e-12);
        assertEquals((7 + 31 / LOG2_3 + 7.5) / (31 + 15 / LOG2_3 + 3.5), RankingMetrics.ndcgAtK(ranked, ideal, 3), 1e-12);
        assertEquals(0.7747, RankingMetrics.ndcgAtK(ranked, ideal, 3), 1e-4);
        // k beyond the list: nothing more to add
        assertEquals(RankingMetrics.ndcgAtK(ranked, ideal, 3), RankingMetrics.ndcgAtK(ranked, ideal, 20), 0);
        assertEquals(1.0, RankingMetrics.ndcgAtK(ideal, ideal, 10), 1e-12);
    }

    @Test
    void ndcgIsZeroWhenTheIdealIsZeroAndIdealMustBeSorted() {
        assertEquals(0, RankingMetrics.ndcgAtK(new double[] {0, 0}, new double[] {0, 0}, 2));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.ndcgAtK(new double[] {1, 3}, new double[] {1, 3}, 2));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.dcgAtK(new double[] {1}, 0));
    }

    @Test
    void binaryNdcgByHand() {
        // relevant at ranks 2 and 4 of a top-5, 3 relevant in all:
        // DCG@5 = 1/log2(3) + 1/log2(5) = 0.6309 + 0.4307 = 1.0616
        // IDCG@5 = 1 + 1/log2(3) + 1/2 = 2.1309
        boolean[] ranked = {false, true, false, true, false};
        assertEquals((1 / LOG2_3 + 1 / LOG2_5) / (1 + 1 / LOG2_3 + 0.5), RankingMetrics.binaryNdcgAtK(ranked, 3, 5), 1e-12);
        assertEquals(0.4982, RankingMetrics.binaryNdcgAtK(ranked, 3, 5), 1e-4);
        // @1: nothing relevant at rank 1
        assertEquals(0, RankingMetrics.binaryNdcgAtK(ranked, 3, 1));
        // @2: DCG 1/log2(3), IDCG 1 + 1/log2(3)
        assertEquals((1 / LOG2_3) / (1 + 1 / LOG2_3), RankingMetrics.binaryNdcgAtK(ranked, 3, 2), 1e-12);
        // a top list shorter than k (the prefix given) counts what it has; the ideal still uses min(k, relevant)
        assertEquals((1 / LOG2_3 + 1 / LOG2_5) / (1 + 1 / LOG2_3 + 0.5), RankingMetrics.binaryNdcgAtK(ranked, 3, 20), 1e-12);
        assertEquals(0, RankingMetrics.binaryNdcgAtK(ranked, 0, 5));
    }

    @Test
    void f1ByHand() {
        // relevant flags in rank order: R, N, R; 2 relevant in all
        boolean[] ranked = {true, false, true};
        // k=1: hits 1, P = 1/1, R = 1/2, F1 = 2*1*0.5/1.5 = 2/3
        assertEquals(2.0 / 3, RankingMetrics.f1AtK(ranked, 2, 1), 1e-12);
        // k=2: hits 1, P = 1/2, R = 1/2, F1 = 1/2
        assertEquals(0.5, RankingMetrics.f1AtK(ranked, 2, 2), 1e-12);
        // k=3: hits 2, P = 2/3, R = 1, F1 = 2*(2/3)/(5/3) = 0.8
        assertEquals(0.8, RankingMetrics.f1AtK(ranked, 2, 3), 1e-12);
        // k=10 > list length: P = 2/10 (divides by k), R = 1, F1 = 2*0.2/1.2 = 1/3
        assertEquals(1.0 / 3, RankingMetrics.f1AtK(ranked, 2, 10), 1e-12);
        // no hit: P + R = 0 -> F1 = 0
        assertEquals(0, RankingMetrics.f1AtK(new boolean[] {false, true}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.f1AtK(ranked, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.f1AtK(ranked, 1, 3));   // more hits than relevant
    }
}
