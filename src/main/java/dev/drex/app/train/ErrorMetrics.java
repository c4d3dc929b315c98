package dev.drex.app.train;

/** RMSE and MAE in double, for progress lines and early stopping (the evaluation package has the full set). */
public final class ErrorMetrics {
    private ErrorMetrics() {}

    /** sqrt(mean (r - rhat)^2). */
    public static double rmse(float[] ratings, float[] predictions) {
        check(ratings, predictions);
        double s = 0;
        for (int b = 0; b < ratings.length; b++) {
            double e = (double) ratings[b] - predictions[b];
            s += e * e;
        }
        return Math.sqrt(s / ratings.length);
    }

    /** mean |r - rhat|. */
    public static double mae(float[] ratings, float[] predictions) {
        check(ratings, predictions);
        double s = 0;
        for (int b = 0; b < ratings.length; b++) s += Math.abs((double) ratings[b] - predictions[b]);
        return s / ratings.length;
    }

    private static void check(float[] r, float[] p) {
        if (r.length != p.length) throw new IllegalArgumentException(r.length + " ratings but " + p.length + " predictions");
        if (r.length == 0) throw new IllegalArgumentException("no ratings to score");
    }
}
