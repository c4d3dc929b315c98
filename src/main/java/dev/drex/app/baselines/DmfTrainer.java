package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.eval.PaperProtocol;
import dev.drex.engine.optim.Adam;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Trains {@link Dmf} with autodiff and Adam. Each epoch: every train rating once as a positive (target r / max(R),
 * its own rating left out of both tower inputs), plus {@code negatives} sampled items per positive that u did not
 * rate in train (target 0, drawn afresh each epoch); all shuffled, mini-batches of {@code batchSize} pairs, loss
 * {@link Dmf#loss}. After each epoch the stopping criterion is measured on validation; early stopping with
 * {@code patience}, never before {@code minEpochs}; best weights restored. Everything random from {@code seed}.
 *
 * <p>Stopping criteria ({@link Stop}): {@code BCE} (default), the same normalized cross-entropy on the validation
 * ratings as positives plus {@code negatives} negatives per positive drawn ONCE (seeded) from the items the user did
 * not rate in train or validation, lower is better; it is DMF's own objective on held-out pairs, smooth from epoch
 * to epoch. {@code PAPER_NDCG10}: validation NDCG@10 of the paper protocol ({@link PaperProtocol}, higher is better),
 * the DReX paper's criterion; on Musical Instruments most users have 2 validation items, so it moves in coarse steps.
 * Measured on Musical Instruments (seeds 1..3, test, {@code BaselinesMusicalInstrumentsReport}): stopping on BCE
 * (best epoch 1-2: the towers memorise train fast) gives full-protocol NDCG@10 0.0451 ± 0.0055; stopping on paper
 * NDCG@10 (best epochs 8, 16, 24) gives 0.0299 ± 0.0216; paper NDCG@10 is 0.955 either way, the global mean's.
 */
public final class DmfTrainer {

    /** What early stopping watches on the validation part. */
    public enum Stop { BCE, PAPER_NDCG10 }

    /**
     * Settings. Defaults ({@link #defaults()}): towers |I| (or |U|) -> hidden 256 -> d 64, ReLU (the paper's two
     * layers; the DReX paper fixes d = 64 for every model), 4 negatives per positive (the brief; Xue et al. found
     * 3..7 about equal), lr 1e-4 (the DReX paper's Table 3 for DMF on all three datasets, and Xue et al.'s), mu 1e-6,
     * batch 256 (Xue et al.), up to 100 epochs, patience 10, no stop before epoch 10, stop on validation BCE, seed 1.
     */
    public record Config(int hidden, int dim, int negatives, double lr, float mu, int batchSize, int maxEpochs, int patience,
                         int minEpochs, Stop stop, long seed) {
        public Config {
            if (hidden < 1 || dim < 1 || negatives < 0 || batchSize < 1 || maxEpochs < 1 || patience < 1 || minEpochs < 0 || stop == null) {
                throw new IllegalArgumentException("bad DMF config: " + this);
            }
            if (!(lr > 0) || !(mu > 0 && mu < 1)) throw new IllegalArgumentException("bad DMF config: " + this);
        }

        public static Config defaults() {
            return new Config(256, 64, 4, 1e-4, 1e-6f, 256, 100, 10, 10, Stop.BCE, 1);
        }

        public Config withSeed(long s) {
            return new Config(hidden, dim, negatives, lr, mu, batchSize, maxEpochs, patience, minEpochs, stop, s);
        }

        public Config withSizes(int h, int d) {
            return new Config(h, d, negatives, lr, mu, batchSize, maxEpochs, patience, minEpochs, stop, seed);
        }

        public Config withLr(double l) {
            return new Config(hidden, dim, negatives, l, mu, batchSize, maxEpochs, patience, minEpochs, stop, seed);
        }

        public Config withNegatives(int n) {
            return new Config(hidden, dim, n, lr, mu, batchSize, maxEpochs, patience, minEpochs, stop, seed);
        }

        public Config withStop(Stop s) {
            return new Config(hidden, dim, negatives, lr, mu, batchSize, maxEpochs, patience, minEpochs, s, seed);
        }

        public Config withEpochs(int max, int min, int pat) {
            return new Config(hidden, dim, negatives, lr, mu, batchSize, max, pat, min, stop, seed);
        }
    }

    /** One epoch: mean train loss, validation BCE and validation paper NDCG@10 after it. */
    public record Epoch(int epoch, double trainLoss, double validationBce, double validationPaperNdcg10) {}

    /** The trained model (best weights restored) and the curve; {@code bestScore} is the criterion's best value. */
    public record Result(Dmf model, int bestEpoch, double bestScore, List<Epoch> history) {}

    private DmfTrainer() {
    }

    /** Trains on {@code split}'s train part, early-stopped on its validation part; progress to {@code log} when not null. */
    public static Result train(Split split, Config config, PrintStream log) {
        Dataset data = split.dataset();
        int[] train = split.train();
        int[] validation = split.validation();
        if (train.length == 0) throw new IllegalArgumentException("the split has no train interaction");
        if (validation.length == 0) throw new IllegalArgumentException("early stopping needs validation interactions; the split has none");
        TrainMatrix matrix = TrainMatrix.of(split);
        float maxRating = matrix.maxRating();
        RandomGenerator rng = Init.rng(config.seed());
        Dmf model = new Dmf(matrix, config.hidden(), config.dim(), config.mu(), rng);
        Map<String, Tensor> params = model.namedParameters();
        Adam adam = new Adam(params, config.lr());
        ValidationPairs val = ValidationPairs.draw(split, matrix, config.negatives(), maxRating, rng);

        int perPositive = 1 + config.negatives();
        int n = train.length * perPositive;
        int[] order = new int[n];                      // j < train.length: positive j; else negative of positive j % train.length
        for (int j = 0; j < n; j++) order[j] = j;
        int[] negItem = new int[train.length * config.negatives()];
        List<Epoch> history = new ArrayList<>();
        double best = Double.NaN;
        int bestEpoch = 0;
        List<float[]> bestWeights = TrainingSupport.snapshot(params);
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            for (int j = 0; j < negItem.length; j++) negItem[j] = sampleUnrated(matrix, data.user(train[j % train.length]), rng);
            TrainingSupport.shuffle(order, rng);
            double lossSum = 0;
            int batches = 0;
            for (int from = 0; from < n; from += config.batchSize()) {
                int b = Math.min(n, from + config.batchSize()) - from;
                int[] users = new int[b];
                int[] items = new int[b];
                boolean[] leaveOut = new boolean[b];
                float[] targets = new float[b];
                for (int j = 0; j < b; j++) {
                    int o = order[from + j];
                    int k = train[o % train.length];
                    users[j] = data.user(k);
                    if (o < train.length) {
                        items[j] = data.item(k);
                        leaveOut[j] = true;
                        targets[j] = data.rating(k) / maxRating;
                    } else {
                        items[j] = negItem[o - train.length];
                    }
                }
                adam.zeroGrad();
                Tensor loss = model.loss(users, items, leaveOut, targets);
                loss.backward();
                adam.step();
                lossSum += loss.item();
                batches++;
            }
            double bce = val.bce(model);
            double ndcg = PaperProtocol.evaluate(data, validation, model.predict(val.users(), val.items()), new int[] {10}).ndcg()[0];
            history.add(new Epoch(epoch, lossSum / batches, bce, ndcg));
            double score = config.stop() == Stop.BCE ? bce : ndcg;
            if (!Double.isFinite(bce)) throw new IllegalStateException("DMF diverged at epoch " + epoch + " (validation BCE " + bce + "); lower lr");
            boolean better = Double.isNaN(best) || (config.stop() == Stop.BCE ? score < best : score > best);
            if (better) {
                best = score;
                bestEpoch = epoch;
                bestWeights = TrainingSupport.snapshot(params);
            }
            if (log != null) {
                log.printf("DMF epoch %3d  train loss %.4f  validation BCE %.4f  paper NDCG@10 %.4f%s%n", epoch, lossSum / batches, bce, ndcg,
                        epoch == bestEpoch ? "  *" : "");
            }
            if (epoch >= config.minEpochs() && epoch - bestEpoch >= config.patience()) break;
        }
        TrainingSupport.restore(params, bestWeights);
        return new Result(model, bestEpoch, best, history);
    }

    /** A uniformly random item u did not rate in train (rejection sampling; u must leave at least one item unrated). */
    static int sampleUnrated(TrainMatrix m, int u, RandomGenerator rng) {
        if (m.rowEnd(u) - m.rowStart(u) >= m.numItems()) throw new IllegalStateException("user " + u + " rated every item: no negative to sample");
        while (true) {
            int i = rng.nextInt(m.numItems());
            if (!m.contains(u, i)) return i;
        }
    }

    /**
     * The validation pairs of the BCE criterion: the validation interactions (j < {@code validation.length}, targets
     * r / max(R)) then the fixed negatives (target 0), drawn once among the items the user rated neither in train nor
     * in validation.
     */
    private record ValidationPairs(int[] users, int[] items, float[] targets, int[] allUsers, int[] allItems) {

        static ValidationPairs draw(Split split, TrainMatrix m, int negatives, float maxRating, RandomGenerator rng) {
            Dataset data = split.dataset();
            int[] validation = split.validation();
            int v = validation.length;
            int total = v * (1 + negatives);
            int[] users = new int[total];
            int[] items = new int[total];
            float[] targets = new float[total];
            java.util.Set<Long> validationPairs = new java.util.HashSet<>();
            for (int j = 0; j < v; j++) {
                users[j] = data.user(validation[j]);
                items[j] = data.item(validation[j]);
                targets[j] = data.rating(validation[j]) / maxRating;
                validationPairs.add(((long) users[j] << 32) | items[j]);
            }
            for (int j = v; j < total; j++) {
                int u = users[(j - v) % v];
                int i;
                do {
                    i = sampleUnrated(m, u, rng);
                } while (validationPairs.contains(((long) u << 32) | i));
                users[j] = u;
                items[j] = i;
            }
            return new ValidationPairs(java.util.Arrays.copyOf(users, v), java.util.Arrays.copyOf(items, v), targets, users, items);
        }

        /** Mean normalized cross-entropy over all pairs (positives and negatives), no graph. */
        double bce(Dmf model) {
            float[] y = model.predict(allUsers, allItems);
            double s = 0;
            for (int j = 0; j < y.length; j++) {
                double q = Math.min(Math.max(y[j], 1e-7), 1 - 1e-7);
                s -= targets[j] * Math.log(q) + (1 - targets[j]) * Math.log(1 - q);
            }
            return s / y.length;
        }
    }

    /** The settings on one line, for logs. */
    public static String describe(Config c) {
        return "hidden " + c.hidden() + ", d " + c.dim() + ", negatives " + c.negatives() + ", lr " + c.lr() + ", mu " + c.mu()
                + ", batch " + c.batchSize() + ", epochs <= " + c.maxEpochs() + " (patience " + c.patience() + ", min " + c.minEpochs()
                + "), stop on " + c.stop() + ", seed " + c.seed();
    }
}
