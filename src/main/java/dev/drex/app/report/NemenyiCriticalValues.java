package dev.drex.app.report;

/**
 * Critical values of the two-tailed Nemenyi test and the critical difference of average ranks.
 *
 * <p>Two of k models compared over N blocks differ significantly when their average ranks differ by at least
 * <pre>
 *   CD = q_alpha * sqrt( k (k + 1) / (6 N) )
 * </pre>
 * where q_alpha is the studentized range statistic (infinite degrees of freedom) divided by sqrt(2).
 * The values below are Table 5(a) of J. Demšar, "Statistical Comparisons of Classifiers over Multiple Data
 * Sets", Journal of Machine Learning Research 7 (2006) 1-30, for k = 2..10 and alpha = 0.05, 0.10.
 * (For k = 2 they are the two-sided normal quantiles 1.960 and 1.645; the test recomputes every entry from the
 * studentized range distribution.)
 */
public final class NemenyiCriticalValues {

    /** Smallest and largest number of models the table covers. */
    public static final int MIN_MODELS = 2, MAX_MODELS = 10;

    // index k - 2
    private static final double[] Q_005 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
    private static final double[] Q_010 = {1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920};

    private NemenyiCriticalValues() {
    }

    /** Whether the table has a value for {@code k} models. */
    public static boolean covers(int k) {
        return k >= MIN_MODELS && k <= MAX_MODELS;
    }

    /**
     * q_alpha for {@code k} models.
     *
     * @param alpha 0.05 or 0.10 (the two columns of the table)
     * @throws IllegalArgumentException for another alpha or k outside 2..10
     */
    public static double q(int k, double alpha) {
        if (!covers(k))
            throw new IllegalArgumentException("Nemenyi q_alpha is tabulated for k = 2..10 models, not k = " + k);
        if (alpha == 0.05) return Q_005[k - 2];
        if (alpha == 0.10) return Q_010[k - 2];
        throw new IllegalArgumentException("Nemenyi q_alpha is tabulated for alpha 0.05 and 0.10, not " + alpha);
    }

    /**
     * CD = q_alpha * sqrt(k(k+1)/(6N)); {@code NaN} when k is outside the table (the report then says so).
     *
     * @param k      number of models (treatments)
     * @param blocks number of blocks N (>= 1)
     */
    public static double criticalDifference(int k, int blocks, double alpha) {
        if (blocks < 1) throw new IllegalArgumentException("critical difference needs at least one block, got " + blocks);
        if (!covers(k)) return Double.NaN;
        return q(k, alpha) * Math.sqrt(k * (k + 1.0) / (6.0 * blocks));
    }
}
