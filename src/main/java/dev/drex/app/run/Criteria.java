package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.eval.PaperProtocol;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.train.StoppingCriterion;

/**
 * The early-stopping criterion a config names (spec, "Prediction and loss"): validation RMSE, or the
 * paper's validation MAE with ties broken by validation NDCG@10 of the paper protocol (each validation
 * user with >= 2 validation items ranks them; gain {@code 2^r - 1}).
 */
public final class Criteria {

    private Criteria() {
    }

    /** The criterion of {@code config.criterion()} on {@code split}'s validation part. */
    public static StoppingCriterion of(DrexConfig config, Split split) {
        return switch (config.criterion()) {
            case RMSE -> StoppingCriterion.rmse();
            case MAE_NDCG -> StoppingCriterion.maeThenNdcg(validationNdcgAt10(split));
        };
    }

    /**
     * NDCG@10 (paper protocol) of predictions given for {@code split.validation()} in that order, as the
     * trainer hands them over; fails if the arrays do not line up with the validation part.
     */
    public static StoppingCriterion.RankingMetric validationNdcgAt10(Split split) {
        Dataset data = split.dataset();
        int[] validation = split.validation();
        return (users, items, ratings, predictions) -> {
            if (predictions.length != validation.length) {
                throw new IllegalStateException(predictions.length + " validation predictions for " + validation.length + " validation interactions");
            }
            for (int j = 0; j < validation.length; j++) {
                if (users[j] != data.user(validation[j]) || items[j] != data.item(validation[j])) {
                    throw new IllegalStateException("validation prediction " + j + " is not for validation interaction " + validation[j]);
                }
            }
            return PaperProtocol.evaluate(data, validation, predictions, new int[] {10}).ndcg(10);
        };
    }
}
