package dev.drex.app.report;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The Friedman test of k treatments (models) over N blocks (here: (dataset, metric column) pairs), with the
 * Iman-Davenport correction and the Nemenyi critical difference, as described by J. Demšar, "Statistical
 * Comparisons of Classifiers over Multiple Data Sets", JMLR 7 (2006) 1-30, Section 3.2.2.
 *
 * <p>In each block the models are ranked 1..k (1 = best; tied models share the average of the ranks they span).
 * With R_j the average rank of model j over the N blocks:
 * <pre>
 *   chi2_F = 12 N / (k (k+1)) * ( sum_j R_j^2 - k (k+1)^2 / 4 )        ~ chi-square, k-1 df
 *   F_F    = (N - 1) chi2_F / ( N (k-1) - chi2_F )                       ~ F, (k-1) and (k-1)(N-1) df
 * </pre>
 * (no tie correction, as in Demšar). p-values are upper tails computed with Apache Commons Math's regularized
 * gamma and beta functions. F_F needs N >= 2 (else
 * {@code NaN}); when every block ranks the models identically without ties, chi2_F = N(k-1), F_F = +infinity
 * and its p-value is 0.
 */
public final class Friedman {

    private Friedman() {
    }

    /**
     * Outcome of the test.
     *
     * @param models                 the treatments, in input order
     * @param blocks                 N
     * @param averageRanks           R_j, aligned with {@code models} (1 = best)
     * @param chiSquare              chi2_F
     * @param chiSquarePValue        P(chi-square_{k-1} >= chi2_F)
     * @param imanDavenportF         F_F ({@code NaN} when N < 2)
     * @param imanDavenportPValue    P(F_{k-1,(k-1)(N-1)} >= F_F) ({@code NaN} when N < 2)
     * @param criticalDifference005  Nemenyi CD at alpha 0.05 ({@code NaN} when k > 10)
     * @param criticalDifference010  Nemenyi CD at alpha 0.10 ({@code NaN} when k > 10)
     */
    public record Result(List<String> models, int blocks, double[] averageRanks, double chiSquare, double chiSquarePValue,
                         double imanDavenportF, double imanDavenportPValue,
                         double criticalDifference005, double criticalDifference010) {
        public Result {
            models = List.copyOf(models);
            averageRanks = averageRanks.clone();
        }

        /** Number of treatments k. */
        public int k() {
            return models.size();
        }

        /** Model indices from best (lowest average rank) to worst; equal ranks keep input order. */
        public int[] orderByRank() {
            Integer[] order = new Integer[k()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, Comparator.comparingDouble(i -> averageRanks[i]));
            return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }

        /**
         * The groups of models not significantly different at critical difference {@code cd}: maximal runs, in
         * rank order, whose first and last average ranks differ by less than cd (Demšar: models differ
         * significantly when their ranks differ by <em>at least</em> CD). Each group has >= 2 models, given as
         * indices into {@code models} from best to worst. Empty when cd is {@code NaN}.
         */
        public List<int[]> groupsWithin(double cd) {
            List<int[]> groups = new ArrayList<>();
            if (Double.isNaN(cd)) return groups;
            int[] order = orderByRank();
            int lastEnd = 0;
            for (int start = 0; start < order.length; start++) {
                int end = start;
                while (end + 1 < order.length && averageRanks[order[end + 1]] - averageRanks[order[start]] < cd) end++;
                if (end > start && end > lastEnd) {
                    groups.add(Arrays.copyOfRange(order, start, end + 1));
                    lastEnd = end;
                }
            }
            return groups;
        }
    }

    /**
     * Ranks of {@code values} (1 = best); ties get the average of the ranks they occupy.
     * Example: values {0.9, 0.7, 0.9} with higherIsBetter gives {1.5, 3, 1.5}.
     *
     * @throws IllegalArgumentException if a value is NaN
     */
    public static double[] rank(double[] values, boolean higherIsBetter) {
        int n = values.length;
        for (int i = 0; i < n; i++)
            if (Double.isNaN(values[i])) throw new IllegalArgumentException("cannot rank NaN at position " + i);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Comparator<Integer> ascending = Comparator.comparingDouble(i -> values[i]);
        Arrays.sort(order, higherIsBetter ? ascending.reversed() : ascending);
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start;                                   // [start, end] hold equal values
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) end++;
            double shared = (start + 1 + end + 1) / 2.0;      // mean of ranks start+1 .. end+1
            for (int i = start; i <= end; i++) ranks[order[i]] = shared;
            start = end + 1;
        }
        return ranks;
    }

    /**
     * Runs the test on a rank matrix.
     *
     * @param models the k >= 2 treatments
     * @param ranks  (N, k): ranks[b][j] is the rank of model j in block b; each row must be a ranking of 1..k
     *               (its sum k(k+1)/2), N >= 1
     */
    public static Result test(List<String> models, double[][] ranks) {
        Objects.requireNonNull(models, "models");
        int k = models.size();
        int n = ranks.length;
        if (k < 2) throw new IllegalArgumentException("the Friedman test needs at least 2 models, got " + k);
        if (n < 1) throw new IllegalArgumentException("the Friedman test needs at least 1 block, got 0");
        double expectedSum = k * (k + 1) / 2.0;
        double[] average = new double[k];
        for (int b = 0; b < n; b++) {
            if (ranks[b].length != k)
                throw new IllegalArgumentException("block " + b + " has " + ranks[b].length + " ranks, expected " + k);
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += ranks[b][j];
                average[j] += ranks[b][j];
            }
            if (Math.abs(sum - expectedSum) > 1e-9)
                throw new IllegalArgumentException("block " + b + " ranks sum to " + sum + ", a ranking of 1.." + k + " sums to " + expectedSum);
        }
        for (int j = 0; j < k; j++) average[j] /= n;

        double chi2 = chiSquare(average, n);
        double chi2P = chiSquareUpperTail(chi2, k - 1);
        double f = imanDavenport(chi2, k, n), fP;
        if (Double.isNaN(f)) fP = Double.NaN;
        else if (f == Double.POSITIVE_INFINITY) fP = 0;
        else fP = fUpperTail(f, k - 1, (k - 1.0) * (n - 1));
        return new Result(models, n, average, chi2, chi2P, f, fP,
                NemenyiCriticalValues.criticalDifference(k, n, 0.05),
                NemenyiCriticalValues.criticalDifference(k, n, 0.10));
    }

    /** chi2_F = 12N/(k(k+1)) (sum_j R_j^2 - k(k+1)^2/4) from the k average ranks R_j over N blocks (>= 0). */
    static double chiSquare(double[] averageRanks, int blocks) {
        int k = averageRanks.length;
        double sumSquares = 0;
        for (double r : averageRanks) sumSquares += r * r;
        double chi2 = 12.0 * blocks / (k * (k + 1.0)) * (sumSquares - k * (k + 1.0) * (k + 1.0) / 4.0);
        return Math.max(0, chi2);                            // all-tied blocks: rounding may give -1e-16
    }

    /**
     * F_F = (N-1) chi2_F / (N(k-1) - chi2_F); {@code NaN} for N < 2, +infinity when chi2_F reaches its maximum
     * N(k-1) (every block ranks the models the same way, without ties).
     */
    static double imanDavenport(double chiSquare, int k, int blocks) {
        if (blocks < 2) return Double.NaN;
        double denominator = blocks * (k - 1.0) - chiSquare;
        if (denominator <= 1e-12 * blocks * k) return Double.POSITIVE_INFINITY;
        return (blocks - 1) * chiSquare / denominator;
    }

    /**
     * P(X >= x) for X ~ chi-square with {@code df} degrees of freedom: the regularized upper incomplete gamma
     * Q(df/2, x/2), computed directly so tiny p-values do not cancel to 0 as 1 - CDF would.
     */
    static double chiSquareUpperTail(double x, double df) {
        return x <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** P(F >= f) for F ~ F(d1, d2): the regularized incomplete beta I_{d2/(d2 + d1 f)}(d2/2, d1/2). */
    static double fUpperTail(double f, double d1, double d2) {
        return f <= 0 ? 1 : Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }
}
