package dev.drex.app.train;

/**
 * How early stopping scores a model on the validation part (spec: "early stopping on validation RMSE ...
 * The paper's criterion (validation MAE, ties by NDCG@10) is an option").
 *
 * <p>A score is a vector of keys compared lexicographically, each SMALLER is better (a metric where larger
 * is better enters negated), so a tie on the first key is broken by the second.
 */
public interface StoppingCriterion {

    /** A short name for progress lines and checkpoints ("rmse", "mae,ndcg@10"). */
    String name();

    /** The keys for the validation predictions {@code predictions[b]} of {@code (users[b], items[b])} rated {@code ratings[b]}. */
    double[] score(int[] users, int[] items, float[] ratings, float[] predictions);

    /** True when score {@code a} is strictly better than {@code b} (lexicographic, smaller first). */
    static boolean better(double[] a, double[] b) {
        if (b == null) return true;
        for (int j = 0; j < a.length; j++) {
            if (a[j] < b[j]) return true;
            if (a[j] > b[j]) return false;
        }
        return false;
    }

    /** The ranking metric the paper's criterion breaks ties with; the evaluation package provides NDCG@10. */
    @FunctionalInterface
    interface RankingMetric {
        double evaluate(int[] users, int[] items, float[] ratings, float[] predictions);
    }

    /** Validation RMSE (the spec's default). */
    static StoppingCriterion rmse() {
        return new StoppingCriterion() {
            @Override
            public String name() {
                return "rmse";
            }

            @Override
            public double[] score(int[] users, int[] items, float[] ratings, float[] predictions) {
                return new double[] {ErrorMetrics.rmse(ratings, predictions)};
            }
        };
    }

    /** The paper's: validation MAE, ties broken by the given NDCG@10 (larger better, so negated). */
    static StoppingCriterion maeThenNdcg(RankingMetric ndcgAt10) {
        return new StoppingCriterion() {
            @Override
            public String name() {
                return "mae,ndcg@10";
            }

            @Override
            public double[] score(int[] users, int[] items, float[] ratings, float[] predictions) {
                return new double[] {ErrorMetrics.mae(ratings, predictions), -ndcgAt10.evaluate(users, items, ratings, predictions)};
            }
        };
    }
}
