package dev.drex.app.model;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.engine.ops.F;
import dev.drex.engine.optim.Adam;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Trains {@link BiasedMf} on a split's train part with the engine's autodiff and Adam, as the spec trains
 * DReX ("Prediction and loss"):
 * <pre>
 *   loss(batch) = (1/B) sum_b (r_b - rhat_b)^2 + lambda (1/B) sum_b (||p_u||^2 + ||q_i||^2 + b_u^2 + b_i^2)
 * </pre>
 * shuffled mini-batches (the last one may be short), one validation RMSE per epoch; early stopping with
 * {@code patience} epochs without a new best, never before {@code minEpochs}; the best epoch's weights are
 * restored at the end. Everything random (init, shuffling) comes from {@code seed}: same seed, same model.
 */
public final class BiasedMfTrainer {

    /**
     * Settings. Defaults ({@link #defaults()}): d 16, lr 1e-2, lambda 1, batch 128, up to 100 epochs, patience 10,
     * no stop before epoch 10, init std 0.1, seed 1. lr, lambda and d were chosen on the mean best validation RMSE
     * of Musical Instruments (2014, 5-core, random 80/10/10 splits, seeds 1..3) over lr {1e-3, 1e-2} x lambda
     * {1e-2, 1e-1, 1, 3, 10} x d {8, 16, 64} ({@code BiasedMfGridTest}, slow, prints the grid). lambda decides:
     * 0.884 at 1e-2, 0.879 at 0.1, 0.867 at 1, 0.872 at 3, 0.886 at 10; d matters only at small lambda (0.882 vs 0.891 for d 8 vs 64 at lambda 1e-2, lr 1e-3);
     * lr 1e-2 reaches lr 1e-3's RMSE in about 9 epochs instead of 70. With this much shrinkage the factors add
     * little: on this skewed, sparse data biased MF is mostly a shrunk user + item bias model.
     */
    public record Config(int dim, double lr, double lambda, int batchSize, int maxEpochs, int patience, int minEpochs,
                         float initStd, long seed) {
        public Config {
            if (dim < 1 || batchSize < 1 || maxEpochs < 1 || patience < 1 || minEpochs < 0) {
                throw new IllegalArgumentException("bad biased-MF config: " + this);
            }
            if (!(lr > 0) || !(lambda >= 0) || !(initStd >= 0)) throw new IllegalArgumentException("bad biased-MF config: " + this);
        }

        public static Config defaults() {
            return new Config(16, 1e-2, 1.0, 128, 100, 10, 10, 0.1f, 1);
        }

        public Config withSeed(long s) {
            return new Config(dim, lr, lambda, batchSize, maxEpochs, patience, minEpochs, initStd, s);
        }

        public Config withDim(int d) {
            return new Config(d, lr, lambda, batchSize, maxEpochs, patience, minEpochs, initStd, seed);
        }

        public Config withLr(double l) {
            return new Config(dim, l, lambda, batchSize, maxEpochs, patience, minEpochs, initStd, seed);
        }

        public Config withLambda(double l) {
            return new Config(dim, lr, l, batchSize, maxEpochs, patience, minEpochs, initStd, seed);
        }

        public Config withEpochs(int max, int min, int pat) {
            return new Config(dim, lr, lambda, batchSize, max, pat, min, initStd, seed);
        }
    }

    /** One epoch: mean train loss (MSE + penalty) over batches and the validation RMSE after it. */
    public record Epoch(int epoch, double trainLoss, double validationRmse) {}

    /** The trained model (best weights restored) and the curve. */
    public record Result(BiasedMf model, int bestEpoch, double bestValidationRmse, List<Epoch> history) {}

    private BiasedMfTrainer() {
    }

    /** Trains on {@code split}'s train part, early-stopped on its validation part; progress to {@code log} when not null. */
    public static Result train(Split split, Config config, PrintStream log) {
        Dataset data = split.dataset();
        int[] train = split.train();
        int[] validation = split.validation();
        if (train.length == 0) throw new IllegalArgumentException("the split has no train interaction");
        if (validation.length == 0) throw new IllegalArgumentException("early stopping needs validation interactions; the split has none");
        float mu = GlobalMeanPredictor.fit(data, train).mean();
        RandomGenerator rng = Init.rng(config.seed());
        BiasedMf model = new BiasedMf(data.numUsers(), data.numItems(), config.dim(), mu, config.initStd(), rng);
        Map<String, Tensor> params = model.namedParameters();
        Adam adam = new Adam(params, config.lr());

        int[] valUsers = new int[validation.length];
        int[] valItems = new int[validation.length];
        for (int j = 0; j < validation.length; j++) {
            valUsers[j] = data.user(validation[j]);
            valItems[j] = data.item(validation[j]);
        }
        int[] order = train.clone();
        List<Epoch> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        List<float[]> bestWeights = snapshot(params);
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            shuffle(order, rng);
            double lossSum = 0;
            int batches = 0;
            for (int from = 0; from < order.length; from += config.batchSize()) {
                int to = Math.min(order.length, from + config.batchSize());
                int b = to - from;
                int[] users = new int[b];
                int[] items = new int[b];
                float[] ratings = new float[b];
                for (int j = 0; j < b; j++) {
                    int k = order[from + j];
                    users[j] = data.user(k);
                    items[j] = data.item(k);
                    ratings[j] = data.rating(k);
                }
                adam.zeroGrad();
                Tensor loss = F.add(F.mseLoss(model.forward(users, items), Tensor.of(ratings, b)),
                        F.scale(model.penalty(users, items), (float) config.lambda()));
                loss.backward();
                adam.step();
                lossSum += loss.item();
                batches++;
            }
            double rmse = rmse(model.predict(valUsers, valItems), data, validation);
            history.add(new Epoch(epoch, lossSum / batches, rmse));
            if (!Double.isFinite(rmse)) throw new IllegalStateException("biased MF diverged at epoch " + epoch + " (validation RMSE " + rmse + "); lower lr");
            if (rmse < best) {
                best = rmse;
                bestEpoch = epoch;
                bestWeights = snapshot(params);
            }
            if (log != null) {
                log.printf("biased MF epoch %3d  train loss %.4f  validation RMSE %.4f%s%n", epoch, lossSum / batches, rmse, epoch == bestEpoch ? "  *" : "");
            }
            if (epoch >= config.minEpochs() && epoch - bestEpoch >= config.patience()) break;
        }
        restore(params, bestWeights);
        return new Result(model, bestEpoch, best, history);
    }

    static double rmse(float[] predicted, Dataset data, int[] indices) {
        double squared = 0;
        for (int j = 0; j < indices.length; j++) {
            double e = data.rating(indices[j]) - (double) predicted[j];
            squared += e * e;
        }
        return Math.sqrt(squared / indices.length);
    }

    private static List<float[]> snapshot(Map<String, Tensor> params) {
        List<float[]> out = new ArrayList<>();
        for (Tensor t : params.values()) out.add(t.toArray());
        return out;
    }

    private static void restore(Map<String, Tensor> params, List<float[]> weights) {
        int j = 0;
        for (Tensor t : params.values()) {
            float[] w = weights.get(j++);
            System.arraycopy(w, 0, t.data(), t.offset(), w.length);
        }
    }

    private static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The settings on one line, for logs. */
    public static String describe(Config c) {
        return "d " + c.dim() + ", lr " + c.lr() + ", lambda " + c.lambda() + ", batch " + c.batchSize() + ", epochs <= " + c.maxEpochs()
                + " (patience " + c.patience() + ", min " + c.minEpochs() + "), init std " + c.initStd() + ", seed " + c.seed();
    }
}
