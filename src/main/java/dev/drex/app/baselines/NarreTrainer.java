package dev.drex.app.baselines;

import dev.drex.app.data.Split;
import dev.drex.app.model.GlobalMeanPredictor;
import dev.drex.engine.tensor.Init;

import java.io.PrintStream;
import java.util.random.RandomGenerator;

/** Trains {@link Narre} with {@link ReviewModelTraining} (MSE, Adam, early stopping, best weights restored). */
public final class NarreTrainer {

    /**
     * Settings. Defaults ({@link #defaults()}): F 100 filters of width 3 (NARRE's CNN: 100 filters, window 3),
     * attention size t 32, latent d 32 (the paper tunes d in {8, ..., 64}), reviews truncated to 128 word pieces
     * (most Musical Instruments reviews are shorter), dropout 0.5 (paper), Adam lr 2e-3, batch 64, up to 30 epochs,
     * patience 3, no stop before epoch 3, seed 1. Not tuned on this data; the quick tests use smaller sizes.
     * Measured on Musical Instruments (Splitter.random seed 1, 2 shared cores): best epoch 2 of 5, 21.6 s per epoch,
     * test RMSE 0.9203 / MAE 0.6377 against the global mean's 0.9449 / 0.7150 (train MSE falls fast: it overfits).
     */
    public record Config(int filters, int width, int attention, int dim, int reviewLength, float dropout, double lr, int batchSize,
                         int maxEpochs, int patience, int minEpochs, long seed) {
        public Config {
            if (filters < 1 || width < 1 || attention < 1 || dim < 1 || reviewLength < 1 || batchSize < 1 || maxEpochs < 1 || patience < 1
                    || minEpochs < 0 || !(lr > 0) || !(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("bad NARRE config: " + this);
            }
        }

        public static Config defaults() {
            return new Config(100, 3, 32, 32, 128, 0.5f, 2e-3, 64, 30, 3, 3, 1);
        }

        public Config withSizes(int f, int t, int d, int length) {
            return new Config(f, width, t, d, length, dropout, lr, batchSize, maxEpochs, patience, minEpochs, seed);
        }

        public Config withEpochs(int max, int min, int pat) {
            return new Config(filters, width, attention, dim, reviewLength, dropout, lr, batchSize, max, pat, min, seed);
        }

        public Config withLr(double l) {
            return new Config(filters, width, attention, dim, reviewLength, dropout, l, batchSize, maxEpochs, patience, minEpochs, seed);
        }

        public Config withDropout(float p) {
            return new Config(filters, width, attention, dim, reviewLength, p, lr, batchSize, maxEpochs, patience, minEpochs, seed);
        }

        public Config withSeed(long s) {
            return new Config(filters, width, attention, dim, reviewLength, dropout, lr, batchSize, maxEpochs, patience, minEpochs, s);
        }
    }

    /** The trained model (best weights restored, caches fresh) and how training went. */
    public record Result(Narre model, ReviewModelTraining.Outcome outcome) {}

    private NarreTrainer() {
    }

    /** Trains on {@code split}'s train reviews (read through {@code corpus}), early-stopped on its validation RMSE. */
    public static Result train(Split split, ReviewCorpus corpus, Config config, PrintStream log) {
        if (corpus.dataset() != split.dataset()) throw new IllegalArgumentException("the corpus was built for another data set");
        float mean = GlobalMeanPredictor.fit(split.dataset(), split.train()).mean();
        RandomGenerator rng = Init.rng(config.seed());
        Narre model = new Narre(corpus, config.filters(), config.width(), config.attention(), config.dim(), config.reviewLength(),
                config.dropout(), mean, rng);
        if (log != null) log.println("NARRE: " + config + ", " + model.parameterCount() + " parameters");
        ReviewModelTraining.Outcome outcome = ReviewModelTraining.fit(model, split, config.lr(), config.batchSize(), config.maxEpochs(),
                config.patience(), config.minEpochs(), rng, log);
        return new Result(model, outcome);
    }
}
