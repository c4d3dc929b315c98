package dev.drex.app.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Every setting of a DReX run, each default stated once (spec DREX.md, "Prediction and loss").
 *
 * <ul>
 *   <li>{@code d} 64: width of x, of the GRU states, of U/V and of the predictor's hidden layer.</li>
 *   <li>{@code window} 20: the last {@code window} train interactions of a user (item) folded.</li>
 *   <li>{@code learningRate} 1e-3, {@code lambda} 1e-3 (penalty on ||U_u||^2 + ||V_i||^2),
 *       {@code batchSize} 128, {@code epochs} 100, {@code patience} 10, {@code minEpochs} 10.</li>
 *   <li>{@code dropoutX} 0 (on the fused x), {@code dropoutHidden} 0 (on the predictor's and the
 *       DReX-MLP towers' hidden layer), {@code weightDecay} 0 (decoupled, AdamW style).</li>
 *   <li>{@code clipNorm} 5.0: global gradient-norm clip. Not in the spec; chosen so that it never acts
 *       in a healthy run (typical norms at lr 1e-3 are well below 1 after the first steps) and only
 *       tames a rare exploding BPTT step. 0 turns clipping off.</li>
 *   <li>{@code seed} 1: initial weights, batch order and dropout masks all derive from it.</li>
 *   <li>{@code variant}: DReX or DReX-MLP; ablations {@code noReviews}, {@code noRatings}, {@code noGru}.</li>
 *   <li>{@code criterion}: early stopping on validation RMSE (default) or the paper's MAE, ties by NDCG@10.</li>
 * </ul>
 */
public record DrexConfig(
        int d,
        int window,
        double learningRate,
        double lambda,
        int batchSize,
        int epochs,
        int patience,
        int minEpochs,
        float dropoutX,
        float dropoutHidden,
        double weightDecay,
        double clipNorm,
        long seed,
        Variant variant,
        boolean noReviews,
        boolean noRatings,
        boolean noGru,
        Criterion criterion) {

    /** The two models of the paper. */
    public enum Variant {
        /** Learned initial vectors U_u, V_i. */
        DREX("drex"),
        /** U_u = MLP_u(R_u / 5), V_i = MLP_i(R^T_i / 5). */
        DREX_MLP("drex-mlp");

        private final String cliName;

        Variant(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        /** Parses "drex" / "drex-mlp" (case-insensitive). */
        public static Variant parse(String s) {
            for (Variant v : values()) if (v.cliName.equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)) return v;
            throw new IllegalArgumentException("unknown variant '" + s + "' (drex or drex-mlp)");
        }
    }

    /** Early-stopping criteria on the validation part. */
    public enum Criterion {
        /** Validation RMSE, lower is better (the spec's default). */
        RMSE,
        /** The paper's: validation MAE, ties broken by NDCG@10 (higher is better). */
        MAE_NDCG
    }

    public static final int D = 64;
    public static final int WINDOW = 20;
    public static final double LEARNING_RATE = 1e-3;
    public static final double LAMBDA = 1e-3;
    public static final int BATCH_SIZE = 128;
    public static final int EPOCHS = 100;
    public static final int PATIENCE = 10;
    public static final int MIN_EPOCHS = 10;
    public static final double CLIP_NORM = 5.0;
    public static final long SEED = 1;

    /** The spec's defaults for DReX. */
    public static DrexConfig defaults() {
        return new DrexConfig(D, WINDOW, LEARNING_RATE, LAMBDA, BATCH_SIZE, EPOCHS, PATIENCE, MIN_EPOCHS, 0f, 0f, 0.0,
                CLIP_NORM, SEED, Variant.DREX, false, false, false, Criterion.RMSE);
    }

    public DrexConfig {
        require(d >= 1, "d must be >= 1, got " + d);
        require(window >= 0, "window must be >= 0, got " + window);
        require(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be > 0, got " + learningRate);
        require(lambda >= 0 && Double.isFinite(lambda), "lambda must be >= 0, got " + lambda);
        require(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(patience >= 1, "patience must be >= 1, got " + patience);
        require(minEpochs >= 0, "minEpochs must be >= 0, got " + minEpochs);
        require(dropoutX >= 0 && dropoutX < 1, "dropoutX must be in [0, 1), got " + dropoutX);
        require(dropoutHidden >= 0 && dropoutHidden < 1, "dropoutHidden must be in [0, 1), got " + dropoutHidden);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay must be >= 0, got " + weightDecay);
        require(clipNorm >= 0 && Double.isFinite(clipNorm), "clipNorm must be >= 0 (0 = off), got " + clipNorm);
        require(variant != null, "variant is required");
        require(criterion != null, "criterion is required");
        require(!(noReviews && noRatings && !noGru), "noReviews and noRatings together leave the GRU no input: add noGru");
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException("DrexConfig: " + message);
    }

    // ---------------------------------------------------------------- withers (the ones tests and the CLI use)

    public DrexConfig withD(int v) {
        return new DrexConfig(v, window, learningRate, lambda, batchSize, epochs, patience, minEpochs, dropoutX, dropoutHidden, weightDecay, clipNorm, seed, variant, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withEpochs(int v) {
        return new DrexConfig(d, window, learningRate, lambda, batchSize, v, patience, minEpochs, dropoutX, dropoutHidden, weightDecay, clipNorm, seed, variant, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withMinEpochs(int v) {
        return new DrexConfig(d, window, learningRate, lambda, batchSize, epochs, patience, v, dropoutX, dropoutHidden, weightDecay, clipNorm, seed, variant, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withPatience(int v) {
        return new DrexConfig(d, window, learningRate, lambda, batchSize, epochs, v, minEpochs, dropoutX, dropoutHidden, weightDecay, clipNorm, seed, variant, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withSeed(long v) {
        return new DrexConfig(d, window, learningRate, lambda, batchSize, epochs, patience, minEpochs, dropoutX, dropoutHidden, weightDecay, clipNorm, v, variant, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withVariant(Variant v) {
        return new DrexConfig(d, window, learningRate, lambda, batchSize, epochs, patience, minEpochs, dropoutX, dropoutHidden, weightDecay, clipNorm, seed, v, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withWindow(int v) {
        return new DrexConfig(d, v, learningRate, lambda, batchSize, epochs, patience, minEpochs, dropoutX, dropoutHidden, weightDecay, clipNorm, seed, variant, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withBatchSize(int v) {
        return new DrexConfig(d, window, learningRate, lambda, v, epochs, patience, minEpochs, dropoutX, dropoutHidden, weightDecay, clipNorm, seed, variant, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withLearningRate(double v) {
        return new DrexConfig(d, window, v, lambda, batchSize, epochs, patience, minEpochs, dropoutX, dropoutHidden, weightDecay, clipNorm, seed, variant, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withDropout(float x, float hidden) {
        return new DrexConfig(d, window, learningRate, lambda, batchSize, epochs, patience, minEpochs, x, hidden, weightDecay, clipNorm, seed, variant, noReviews, noRatings, noGru, criterion);
    }

    public DrexConfig withAblations(boolean reviewsOff, boolean ratingsOff, boolean gruOff) {
        return new DrexConfig(d, window, learningRate, lambda, batchSize, epochs, patience, minEpochs, dropoutX, dropoutHidden, weightDecay, clipNorm, seed, variant, reviewsOff, ratingsOff, gruOff, criterion);
    }

    // ---------------------------------------------------------------- printing

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Pretty JSON with every field (what config.json and checkpoints hold). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print DrexConfig as JSON", e);
        }
    }

    /** Parses {@link #toJson()} output; a missing field is an error naming it. */
    public static DrexConfig fromJson(String json) {
        try {
            return JSON.readValue(json, DrexConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a DReX config: " + e.getOriginalMessage(), e);
        }
    }
}
