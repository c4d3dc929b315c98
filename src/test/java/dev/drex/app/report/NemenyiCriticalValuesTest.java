package dev.drex.app.report;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NemenyiCriticalValuesTest {

    @Test
    void tableMatchesDemsarTable5() {
        double[] published005 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
        double[] published010 = {1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920};
        for (int k = 2; k <= 10; k++) {
            assertEquals(published005[k - 2], NemenyiCriticalValues.q(k, 0.05), 0, "k=" + k);
            assertEquals(published010[k - 2], NemenyiCriticalValues.q(k, 0.10), 0, "k=" + k);
        }
    }

    /**
     * Recomputes every entry: q_alpha * sqrt(2) is the (1 - alpha) quantile of the range W of k independent
     * standard normals, P(W <= w) = k * integral phi(z) (Phi(z + w) - Phi(z))^(k-1) dz.
     */
    @Test
    void tableAgreesWithTheStudentizedRangeDistribution() {
        for (int k = 2; k <= 10; k++) {
            for (double alpha : new double[] {0.05, 0.10}) {
                double q = rangeQuantile(k, 1 - alpha) / Math.sqrt(2);
                assertEquals(q, NemenyiCriticalValues.q(k, alpha), 1.5e-3, "k=" + k + " alpha=" + alpha);
            }
        }
    }

    @Test
    void outsideTheTable() {
        assertTrue(Double.isNaN(NemenyiCriticalValues.criticalDifference(11, 5, 0.05)));
        assertThrows(IllegalArgumentException.class, () -> NemenyiCriticalValues.q(11, 0.05));
        assertThrows(IllegalArgumentException.class, () -> NemenyiCriticalValues.q(3, 0.01));
        assertThrows(IllegalArgumentException.class, () -> NemenyiCriticalValues.criticalDifference(3, 0, 0.05));
    }

    private static double rangeQuantile(int k, double p) {
        double lo = 0, hi = 10;
        for (int i = 0; i < 32; i++) {          // 10 / 2^32: far below the table's 3 decimals
            double mid = (lo + hi) / 2;
            if (rangeCdf(k, mid) < p) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** Simpson's rule on [-8, 8] with 1000 intervals (the integrand is smooth and negligible beyond). */
    private static double rangeCdf(int k, double w) {
        NormalDistribution normal = new NormalDistribution();
        int n = 1000;
        double a = -8, h = 16.0 / n, sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = a + i * h;
            double f = normal.density(z) * Math.pow(normal.cumulativeProbability(z + w) - normal.cumulativeProbability(z), k - 1);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return k * sum * h / 3;
    }
}
