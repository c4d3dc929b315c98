package dev.drex.app.cli;

import dev.drex.app.model.DrexConfig;
import picocli.CommandLine.Option;

/** The training options that {@code tune} and {@code experiment} hold fixed (the grid's own values come from elsewhere). */
final class TrainingOptions {
    @Option(names = "--window", defaultValue = "" + DrexConfig.WINDOW, description = "History window (default ${DEFAULT-VALUE}).")
    int window;
    @Option(names = "--batch-size", defaultValue = "" + DrexConfig.BATCH_SIZE, description = "Mini-batch size (default ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--epochs", defaultValue = "" + DrexConfig.EPOCHS, description = "Maximum epochs (default ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--patience", defaultValue = "" + DrexConfig.PATIENCE, description = "Early-stopping patience (default ${DEFAULT-VALUE}).")
    int patience;
    @Option(names = "--min-epochs", defaultValue = "" + DrexConfig.MIN_EPOCHS, description = "No stop before this epoch (default ${DEFAULT-VALUE}).")
    int minEpochs;
    @Option(names = "--weight-decay", defaultValue = "0", description = "Decoupled weight decay (default ${DEFAULT-VALUE}).")
    double weightDecay;
    @Option(names = "--clip-norm", defaultValue = "" + DrexConfig.CLIP_NORM, description = "Global gradient-norm clip, 0 = off (default ${DEFAULT-VALUE}).")
    double clipNorm;
    @Option(names = "--criterion", defaultValue = "rmse", description = "Early stopping and selection: rmse, or mae-ndcg (the paper's) (default ${DEFAULT-VALUE}).")
    String criterion;
    @Option(names = "--no-reviews", description = "Ablation: no review modality.")
    boolean noReviews;
    @Option(names = "--no-ratings", description = "Ablation: no ratings as input.")
    boolean noRatings;
    @Option(names = "--no-gru", description = "Ablation: initial vectors only, no fold.")
    boolean noGru;

    /** A config with these values and the spec's defaults for d, lr, lambda, dropout (seed 1, variant drex). */
    DrexConfig base(String variant) {
        return config(DrexConfig.D, DrexConfig.LEARNING_RATE, DrexConfig.LAMBDA, 0f, 0f, DrexConfig.SEED, variant);
    }

    /** A config with these values and the given width, learning rate, penalty, dropouts, seed and variant. */
    DrexConfig config(int d, double lr, double lambda, float dropoutX, float dropoutHidden, long seed, String variant) {
        return new DrexConfig(d, window, lr, lambda, batchSize, epochs, patience, minEpochs, dropoutX, dropoutHidden,
                weightDecay, clipNorm, seed, DrexConfig.Variant.parse(variant), noReviews, noRatings, noGru, criterion());
    }

    /** The parsed {@code --criterion}. */
    DrexConfig.Criterion criterion() {
        return switch (criterion.toLowerCase()) {
            case "rmse" -> DrexConfig.Criterion.RMSE;
            case "mae-ndcg", "mae_ndcg" -> DrexConfig.Criterion.MAE_NDCG;
            default -> throw new IllegalArgumentException("unknown criterion '" + criterion + "' (rmse or mae-ndcg)");
        };
    }
}
