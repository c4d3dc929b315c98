package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.engine.nn.Module;
import dev.drex.engine.optim.Adam;
import dev.drex.engine.tensor.Tensor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The training loop DeepCoNN, NARRE and PESI share: shuffled mini-batches of train pairs (each leaving its own review
 * out), the model's {@link ReviewRatingModel#trainingLoss} (MSE for DeepCoNN and NARRE), Adam, one validation RMSE per epoch from the refreshed caches, early stopping with {@code patience} never
 * before {@code minEpochs}, the best epoch's weights restored (and the caches refreshed from them).
 */
public final class ReviewModelTraining {

    /** One epoch: mean batch training objective (MSE for DeepCoNN and NARRE), validation RMSE after it, wall time of the epoch (training and validation). */
    public record Epoch(int epoch, double trainLoss, double validationRmse, double seconds) {}

    /** Where training ended. */
    public record Outcome(int bestEpoch, double bestValidationRmse, List<Epoch> history) {
        public double meanSecondsPerEpoch() {
            return history.stream().mapToDouble(Epoch::seconds).average().orElse(Double.NaN);
        }
    }

    private ReviewModelTraining() {
    }

    static <M extends Module & ReviewRatingModel> Outcome fit(M model, Split split, double lr, int batchSize, int maxEpochs,
            int patience, int minEpochs, RandomGenerator rng, PrintStream log) {
        Dataset data = split.dataset();
        int[] train = split.train(), validation = split.validation();
        if (train.length == 0) throw new IllegalArgumentException("the split has no train interaction");
        if (validation.length == 0) throw new IllegalArgumentException("early stopping needs validation interactions; the split has none");
        Map<String, Tensor> params = model.namedParameters();
        Adam adam = new Adam(params, lr);
        int[] valUsers = new int[validation.length], valItems = new int[validation.length];
        for (int j = 0; j < validation.length; j++) {
            valUsers[j] = data.user(validation[j]);
            valItems[j] = data.item(validation[j]);
        }
        int[] order = train.clone();
        int batches = (order.length + batchSize - 1) / batchSize;
        List<Epoch> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        List<float[]> bestWeights = TrainingSupport.snapshot(params);
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            long start = System.nanoTime();
            model.train(true);
            TrainingSupport.shuffle(order, rng);
            double lossSum = 0;
            for (int batch = 0; batch < batches; batch++) {
                int from = batch * batchSize, b = Math.min(order.length, from + batchSize) - from;
                int[] users = new int[b], items = new int[b], leaveOut = new int[b];
                float[] ratings = new float[b];
                for (int j = 0; j < b; j++) {
                    int k = order[from + j];
                    users[j] = data.user(k);
                    items[j] = data.item(k);
                    leaveOut[j] = k;
                    ratings[j] = data.rating(k);
                }
                adam.zeroGrad();
                Tensor loss = model.trainingLoss(users, items, leaveOut, Tensor.of(ratings, b));
                loss.backward();
                adam.step();
                lossSum += loss.item();
            }
            model.refreshCache();
            double rmse = TrainingSupport.rmse(model.predict(valUsers, valItems), data, validation);
            double seconds = (System.nanoTime() - start) / 1e9;
            history.add(new Epoch(epoch, lossSum / batches, rmse, seconds));
            if (!Double.isFinite(rmse)) throw new IllegalStateException(model.name() + " diverged at epoch " + epoch + "; lower lr");
            if (rmse < best) {
                best = rmse;
                bestEpoch = epoch;
                bestWeights = TrainingSupport.snapshot(params);
            }
            if (log != null) {
                log.printf("%s epoch %3d  train loss %.4f  validation RMSE %.4f  %.1f s%s%n", model.name(), epoch, lossSum / batches, rmse,
                        seconds, epoch == bestEpoch ? "  *" : "");
            }
            if (epoch >= minEpochs && epoch - bestEpoch >= patience) break;
        }
        TrainingSupport.restore(params, bestWeights);
        model.train(false);
        model.refreshCache();
        return new Outcome(bestEpoch, best, history);
    }
}
