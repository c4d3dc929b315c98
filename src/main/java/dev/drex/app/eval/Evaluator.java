package dev.drex.app.eval;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.model.RatingPredictor;

import java.util.Arrays;

/**
 * Measures any {@link RatingPredictor} on the test part of a split: RMSE and MAE ({@link ErrorMetrics}), the
 * paper ranking protocol ({@link PaperProtocol}) and the full one ({@link FullProtocol}). Only test
 * interactions are scored for the errors and the paper protocol; the full protocol scores every candidate
 * (user, item) pair of every test user with a relevant test item.
 */
public final class Evaluator {

    /** The spec's cut-offs: k in {1, 2, 3, 4, 5, 10, 15, 20}. */
    public static final int[] DEFAULT_KS = {1, 2, 3, 4, 5, 10, 15, 20};

    private final int batchPairs;

    /** An evaluator that gives the model {@link Predictions#DEFAULT_BATCH} pairs per call. */
    public Evaluator() {
        this(Predictions.DEFAULT_BATCH);
    }

    /** @param batchPairs pairs per {@link RatingPredictor#predict} call (a memory/speed trade-off; results do not depend on it) */
    public Evaluator(int batchPairs) {
        if (batchPairs < 1) throw new IllegalArgumentException("batchPairs must be >= 1, got " + batchPairs);
        this.batchPairs = batchPairs;
    }

    /** Every metric of {@code model} on {@code split}'s test part; the seed is recorded as {@link EvaluationResult#UNKNOWN_SEED}. */
    public EvaluationResult evaluate(RatingPredictor model, Dataset data, Split split, int[] ks) {
        return evaluate(model, data, split, ks, EvaluationResult.UNKNOWN_SEED);
    }

    /**
     * Every metric of {@code model} on {@code split}'s test part, recorded under {@code seed}. RMSE and MAE are
     * NaN when the model does not predict ratings ({@link RatingPredictor#predictsRatings()} false).
     *
     * @param data  the dataset the split was made of (must be {@code split.dataset()})
     * @param ks    cut-offs, increasing, each >= 1 (usually {@link #DEFAULT_KS})
     */
    public EvaluationResult evaluate(RatingPredictor model, Dataset data, Split split, int[] ks, long seed) {
        if (split.dataset() != data) throw new IllegalArgumentException("the split was not made of this dataset");
        checkKs(ks);
        int[] test = split.test();
        if (test.length == 0) throw new IllegalArgumentException("the split has no test interaction");
        float[] predicted = Predictions.ofInteractions(model, data, test, batchPairs);
        // a model that does not predict ratings (RatingPredictor.predictsRatings() false) has no RMSE/MAE: NaN
        ErrorMetrics errors = model.predictsRatings() ? ErrorMetrics.of(data, test, predicted) : null;
        RankingResult paper = PaperProtocol.evaluate(data, test, predicted, ks);
        RankingResult full = FullProtocol.evaluate(model, split, ks, batchPairs);
        return new EvaluationResult(model.name(), seed, split.sha256(), test.length, errors == null ? Double.NaN : errors.rmse(),
                errors == null ? Double.NaN : errors.mae(), paper, full);
    }

    /** RMSE and MAE of {@code model} on one part of {@code split} (e.g. validation, for early stopping). */
    public ErrorMetrics errors(RatingPredictor model, Split split, Split.Part part) {
        int[] indices = split.indices(part);
        return ErrorMetrics.of(split.dataset(), indices, Predictions.ofInteractions(model, split.dataset(), indices, batchPairs));
    }

    /** Fails unless {@code ks} is non-empty, increasing and >= 1. */
    static void checkKs(int[] ks) {
        if (ks.length == 0) throw new IllegalArgumentException("no cut-off k given");
        for (int j = 0; j < ks.length; j++) {
            if (ks[j] < 1 || (j > 0 && ks[j] <= ks[j - 1])) {
                throw new IllegalArgumentException("ks must be increasing and >= 1, got " + Arrays.toString(ks));
            }
        }
    }
}
