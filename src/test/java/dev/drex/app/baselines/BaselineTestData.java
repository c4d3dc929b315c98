package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Review;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small data sets for the baseline tests. */
final class BaselineTestData {

    private BaselineTestData() {
    }

    /** Ratings from a hidden rank-3 biased structure plus noise, rounded and clamped to 1..5 (about 30% dense). */
    static Dataset synthetic(long seed, int users, int items) {
        Random random = new Random(seed);
        int d = 3;
        double[][] p = new double[users][d];
        double[][] q = new double[items][d];
        double[] bu = new double[users];
        double[] bi = new double[items];
        for (int u = 0; u < users; u++) {
            bu[u] = 0.6 * random.nextGaussian();
            for (int c = 0; c < d; c++) p[u][c] = 0.7 * random.nextGaussian();
        }
        for (int i = 0; i < items; i++) {
            bi[i] = 0.6 * random.nextGaussian();
            for (int c = 0; c < d; c++) q[i][c] = 0.7 * random.nextGaussian();
        }
        List<Review> reviews = new ArrayList<>();
        long t = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() > 0.3) continue;
                double r = 3.2 + bu[u] + bi[i] + 0.2 * random.nextGaussian();
                for (int c = 0; c < d; c++) r += p[u][c] * q[i][c];
                int rating = (int) Math.max(1, Math.min(5, Math.round(r)));
                reviews.add(new Review("u" + u, "i" + i, rating, "", "", ++t, "synthetic", t));
            }
        }
        return Dataset.of(reviews);
    }

    /**
     * 3 users x 4 items, 7 ratings:
     * <pre>
     *        i0 i1 i2 i3
     *   u0    5  4  .  .
     *   u1    4  .  2  .
     *   u2    .  3  1  5
     * </pre>
     */
    static TrainMatrix tiny() {
        return TrainMatrix.of(3, 4, new int[] {0, 0, 1, 1, 2, 2, 2}, new int[] {0, 1, 0, 2, 1, 2, 3}, new float[] {5, 4, 4, 2, 3, 1, 5});
    }
}
