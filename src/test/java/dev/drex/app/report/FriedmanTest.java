package dev.drex.app.report;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FriedmanTest {

    @Test
    void ranksGiveTiesTheAverageOfTheirPlaces() {
        assertArrayEquals(new double[] {1.5, 3, 1.5}, Friedman.rank(new double[] {0.9, 0.7, 0.9}, true));
        assertArrayEquals(new double[] {2.5, 1, 2.5}, Friedman.rank(new double[] {0.9, 0.7, 0.9}, false));
        assertArrayEquals(new double[] {4, 2, 2, 2}, Friedman.rank(new double[] {5, 1, 1, 1}, false));
        assertArrayEquals(new double[] {2.5, 2.5, 2.5, 2.5}, Friedman.rank(new double[] {3, 3, 3, 3}, true));
        assertThrows(IllegalArgumentException.class, () -> Friedman.rank(new double[] {1, Double.NaN}, true));
    }

    /** k = 3 models, N = 4 blocks; every number checked by a second formula or a closed form. */
    @Test
    void smallWorkedExample() {
        double[][] ranks = {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {1, 2, 3}};
        Friedman.Result r = Friedman.test(List.of("A", "B", "C"), ranks);
        assertArrayEquals(new double[] {1.25, 2.0, 2.75}, r.averageRanks(), 1e-12);

        // the textbook form with rank sums S_j: 12/(N k (k+1)) sum S_j^2 - 3N(k+1)
        int n = 4, k = 3;
        double[] sums = new double[k];
        for (double[] row : ranks) for (int j = 0; j < k; j++) sums[j] += row[j];
        double sumOfSquares = 0;
        for (double s : sums) sumOfSquares += s * s;
        double chi2 = 12.0 / (n * k * (k + 1)) * sumOfSquares - 3.0 * n * (k + 1);
        assertEquals(4.5, chi2, 1e-12);
        assertEquals(chi2, r.chiSquare(), 1e-12);
        // chi-square with 2 df: P(X >= x) = exp(-x/2) exactly
        assertEquals(Math.exp(-chi2 / 2), r.chiSquarePValue(), 1e-9);

        double f = (n - 1) * chi2 / (n * (k - 1) - chi2);   // 13.5 / 3.5
        assertEquals(27.0 / 7.0, f, 1e-12);
        assertEquals(f, r.imanDavenportF(), 1e-12);
        // F with df1 = 2, df2 = d: P(F >= f) = (1 + 2f/d)^(-d/2); here d = (k-1)(N-1) = 6
        assertEquals(Math.pow(1 + 2 * f / 6, -3), r.imanDavenportPValue(), 1e-9);

        assertEquals(2.343 * Math.sqrt(12.0 / 24.0), r.criticalDifference005(), 1e-12);
        assertEquals(2.052 * Math.sqrt(12.0 / 24.0), r.criticalDifference010(), 1e-12);
    }

    /** Demšar (2006), Section 3.2.4: four classifiers on 14 data sets, chi2_F = 9.28, F_F = 3.69, CD(0.05) = 1.25. */
    @Test
    void demsarsPublishedExample() {
        double[] averageRanks = {3.143, 2.000, 2.893, 1.964};
        double chi2 = Friedman.chiSquare(averageRanks, 14);
        assertEquals(9.28, chi2, 0.005);
        assertEquals(3.69, Friedman.imanDavenport(chi2, 4, 14), 0.005);
        assertEquals(1.25, NemenyiCriticalValues.criticalDifference(4, 14, 0.05), 0.005);
    }

    /** A data set from a statistics package's manual (5 blocks, 4 treatments), chi2_F = 9.24. */
    @Test
    void secondPublishedExample() {
        double[][] ranks = {{1, 4, 3, 2}, {2, 4, 3, 1}, {1, 4, 2, 3}, {1, 3, 4, 2}, {1, 2, 4, 3}};
        assertEquals(9.24, Friedman.test(List.of("a", "b", "c", "d"), ranks).chiSquare(), 1e-9);
    }

    @Test
    void allTiesMeanNoEvidence() {
        double[][] ranks = {{2, 2, 2}, {2, 2, 2}, {2, 2, 2}};
        Friedman.Result r = Friedman.test(List.of("A", "B", "C"), ranks);
        assertEquals(0, r.chiSquare(), 1e-12);
        assertEquals(1, r.chiSquarePValue(), 1e-12);
        assertEquals(0, r.imanDavenportF(), 1e-12);
        assertEquals(1, r.imanDavenportPValue(), 1e-12);
        // every model within CD of every other: one group of all three
        assertEquals(1, r.groupsWithin(r.criticalDifference005()).size());
        assertEquals(3, r.groupsWithin(r.criticalDifference005()).getFirst().length);
    }

    @Test
    void twoModels() {
        double[][] ranks = {{1, 2}, {1, 2}, {2, 1}};
        Friedman.Result r = Friedman.test(List.of("A", "B"), ranks);
        // 12/(N k (k+1)) (4^2 + 5^2) - 3 N (k+1) = 41 * 2/3 - 27 = 1/3
        assertEquals(1.0 / 3.0, r.chiSquare(), 1e-12);
        assertEquals(1.960 * Math.sqrt(6.0 / 18.0), r.criticalDifference005(), 1e-12);
        assertEquals(1.645 * Math.sqrt(6.0 / 18.0), r.criticalDifference010(), 1e-12);
    }

    @Test
    void oneBlockHasNoImanDavenportStatistic() {
        Friedman.Result r = Friedman.test(List.of("A", "B", "C", "D"), new double[][] {{2, 1, 4, 3}});
        assertEquals(3, r.chiSquare(), 1e-12);             // k - 1 for any untied single ranking
        assertTrue(Double.isNaN(r.imanDavenportF()));
        assertTrue(Double.isNaN(r.imanDavenportPValue()));
        assertEquals(2.569 * Math.sqrt(20.0 / 6.0), r.criticalDifference005(), 1e-12);
    }

    @Test
    void perfectAgreementGivesInfiniteF() {
        double[][] ranks = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}};
        Friedman.Result r = Friedman.test(List.of("A", "B", "C"), ranks);
        assertEquals(6, r.chiSquare(), 1e-12);              // the maximum N (k - 1)
        assertEquals(Double.POSITIVE_INFINITY, r.imanDavenportF());
        assertEquals(0, r.imanDavenportPValue());
    }

    @Test
    void rejectsRowsThatAreNotRankings() {
        assertThrows(IllegalArgumentException.class, () -> Friedman.test(List.of("A", "B"), new double[][] {{1, 1}}));
        assertThrows(IllegalArgumentException.class, () -> Friedman.test(List.of("A", "B"), new double[][] {{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> Friedman.test(List.of("A"), new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> Friedman.test(List.of("A", "B"), new double[0][]));
    }

    @Test
    void groupsAreMaximalRunsCloserThanTheCriticalDifference() {
        // average ranks 1, 1.5, 2.6, 3.4, 4.5 (models listed out of order), CD = 1.2
        Friedman.Result r = new Friedman.Result(List.of("C", "A", "E", "B", "D"), 10,
                new double[] {2.6, 1.0, 4.5, 1.5, 3.4}, 0, 1, 0, 1, 1.2, 1.0);
        List<int[]> groups = r.groupsWithin(1.2);
        // A,B (1.6 from A to C is too far); B,C (1.1); C,D (0.8); D,E (1.1)
        assertEquals(4, groups.size());
        assertArrayEquals(new int[] {1, 3}, groups.get(0));
        assertArrayEquals(new int[] {3, 0}, groups.get(1));
        assertArrayEquals(new int[] {0, 4}, groups.get(2));
        assertArrayEquals(new int[] {4, 2}, groups.get(3));
        // a difference of exactly CD is significant: no group
        Friedman.Result pair = new Friedman.Result(List.of("X", "Y"), 1, new double[] {1, 2}, 0, 1, 0, 1, 1, 1);
        assertEquals(0, pair.groupsWithin(1.0).size());
        assertEquals(0, pair.groupsWithin(Double.NaN).size());
    }

    /** The direct upper tails agree with Commons Math's 1 - CDF where that is accurate, and stay > 0 far out. */
    @Test
    void upperTailsMatchTheDistributionsAndDoNotUnderflowEarly() {
        for (double x : new double[] {0.5, 3, 9.24, 20}) {
            for (int df : new int[] {1, 3, 8}) {
                assertEquals(1 - new ChiSquaredDistribution(df).cumulativeProbability(x), Friedman.chiSquareUpperTail(x, df), 1e-10);
                assertEquals(1 - new FDistribution(df, 30).cumulativeProbability(x), Friedman.fUpperTail(x, df, 30), 1e-10);
            }
        }
        assertEquals(1, Friedman.chiSquareUpperTail(0, 4));
        assertEquals(1, Friedman.fUpperTail(0, 4, 10));
        assertTrue(Friedman.chiSquareUpperTail(150, 8) > 0);   // 1 - CDF is exactly 0 there
        assertTrue(Friedman.fUpperTail(60, 8, 136) > 0);
    }
}
