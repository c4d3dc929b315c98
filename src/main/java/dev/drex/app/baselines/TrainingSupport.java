package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What the baseline trainers share: weight snapshots for "best weights restored", seeded shuffles, RMSE. */
final class TrainingSupport {

    private TrainingSupport() {
    }

    /** Copies of every parameter's values, in map order. */
    static List<float[]> snapshot(Map<String, Tensor> params) {
        List<float[]> out = new ArrayList<>();
        for (Tensor t : params.values()) out.add(t.toArray());
        return out;
    }

    /** Writes a {@link #snapshot} back. */
    static void restore(Map<String, Tensor> params, List<float[]> weights) {
        int j = 0;
        for (Tensor t : params.values()) {
            float[] w = weights.get(j++);
            System.arraycopy(w, 0, t.data(), t.offset(), w.length);
        }
    }

    /** Fisher-Yates with {@code rng}. */
    static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** RMSE of {@code predicted[j]} against the rating of interaction {@code indices[j]} (double sums). */
    static double rmse(float[] predicted, Dataset data, int[] indices) {
        double squared = 0;
        for (int j = 0; j < indices.length; j++) {
            double e = data.rating(indices[j]) - (double) predicted[j];
            squared += e * e;
        }
        return Math.sqrt(squared / indices.length);
    }
}
