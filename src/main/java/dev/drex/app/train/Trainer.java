package dev.drex.app.train;

import dev.drex.app.data.Dataset;
import dev.drex.app.model.BatchPlan;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.model.DrexModel;
import dev.drex.app.model.Timing;
import dev.drex.app.model.Timing.Phase;
import dev.drex.engine.ops.F;
import dev.drex.engine.optim.Adam;
import dev.drex.engine.optim.FiniteCheck;
import dev.drex.engine.optim.GradClip;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The training loop (spec: "Prediction and loss"): Adam over shuffled mini-batches of the TRAIN
 * interactions, loss {@code mean_b (r_b - rhat_b)^2 + lambda * mean_b(||U_u||^2 + ||V_i||^2)}, global
 * gradient-norm clipping, a NaN/Inf check naming the parameter, validation after every epoch, early
 * stopping (patience, never before {@code minEpochs}), best weights restored at the end.
 *
 * <p>Determinism: the order of epoch e's batches comes from {@code Init.rng(mix(seed, e))} and its dropout
 * masks from another generator seeded by (seed, e), so the same seed gives the same numbers, and a run
 * resumed from the checkpoint after epoch e continues exactly as if it had never stopped.
 */
public final class Trainer {
    private final DrexModel model;
    private final StoppingCriterion criterion;
    private final Path checkpointDir;
    private final PrintStream log;
    private final Timing timing = new Timing();
    private boolean profile;

    /** {@code checkpointDir} null: no checkpoints; {@code log} null: silent. */
    public Trainer(DrexModel model, StoppingCriterion criterion, Path checkpointDir, PrintStream log) {
        this.model = model;
        this.criterion = criterion;
        this.checkpointDir = checkpointDir;
        this.log = log;
    }

    /** Prints a per-phase timing line after every epoch. */
    public Trainer profile(boolean on) {
        this.profile = on;
        return this;
    }

    /** How training ended. */
    public record Result(int epochsRun, int bestEpoch, double[] bestScore, String stopReason, List<EpochRecord> history,
                         int skippedInteractions) {}

    /** Trains from scratch (or, when {@code resume} and a checkpoint exists, from it) to the end. */
    public Result train(boolean resume) throws IOException {
        return train(resume, Integer.MAX_VALUE);
    }

    /**
     * As {@link #train(boolean)}, but returns after {@code stopAfterEpoch} (1-based, counted from the start of
     * the run) WITHOUT restoring the best weights, as a killed run would leave things: for resume tests.
     */
    public Result train(boolean resume, int stopAfterEpoch) throws IOException {
        DrexConfig config = model.config();
        Map<String, Tensor> params = model.namedParameters();
        Adam adam = new Adam(params, Adam.Config.defaults(config.learningRate()).withWeightDecay(config.weightDecay()));
        // every parameter gets a gradient buffer now, so Adam updates the same set in every step, whether or
        // not a batch reaches a parameter and whether or not the run was resumed
        for (Tensor p : params.values()) p.grad();
        Map<String, float[]> best = snapshot(params);
        List<EpochRecord> history = new ArrayList<>();
        String splitHash = model.inputs().split().sha256();
        int epoch = 0, bestEpoch = 0;
        double[] bestScore = null;
        if (resume && Checkpoint.exists(checkpointDir)) {
            Checkpoint.State s = Checkpoint.readState(checkpointDir);
            if (!s.config().equals(config)) {
                throw new IllegalStateException("checkpoint " + checkpointDir + " was written with another config:\n" + s.config().toJson()
                        + "\nthis run:\n" + config.toJson());
            }
            if (!s.splitSha256().equals(splitHash)) {
                throw new IllegalStateException("checkpoint " + checkpointDir + " belongs to split " + s.splitSha256() + ", not " + splitHash);
            }
            Checkpoint.loadTensors(checkpointDir, model, adam, best);
            epoch = s.epoch();
            bestEpoch = s.bestEpoch();
            bestScore = s.bestScore();
            history.addAll(s.history());
            say("resumed from " + checkpointDir + " after epoch " + epoch + " (best epoch " + bestEpoch + ")");
        }
        say(model.name() + ": " + model.parameterCount() + " parameters, " + model.inputs().split().train().length
                + " train interactions, " + model.history().skippedInteractions() + " skipped (no modality)");

        String stop = "epoch limit " + config.epochs();
        int runNow = 0;
        while (epoch < config.epochs()) {
            if (bestEpoch > 0 && epoch - bestEpoch >= config.patience() && epoch >= config.minEpochs()) {
                stop = "no improvement for " + config.patience() + " epochs";
                break;
            }
            if (runNow == stopAfterEpoch) return new Result(epoch, bestEpoch, bestScore, "interrupted", history, model.history().skippedInteractions());
            epoch++;
            runNow++;
            EpochRecord rec = runEpoch(epoch, adam, bestScore);
            if (rec.improved()) {
                bestEpoch = epoch;
                bestScore = rec.score();
                best = snapshot(params);
            }
            history.add(rec);
            say(rec.line(criterion.name()));
            if (profile) say("  profile: " + timing.summary());
            if (checkpointDir != null) {
                Checkpoint.save(checkpointDir, model, adam, best, new Checkpoint.State(config, epoch, bestEpoch, bestScore,
                        criterion.name(), splitHash, adam.stepCount(), history));
            }
        }
        restore(params, best);
        say("stopped: " + stop + "; best epoch " + bestEpoch + " restored");
        return new Result(epoch, bestEpoch, bestScore, stop, history, model.history().skippedInteractions());
    }

    /** One pass over the shuffled train interactions, then validation. */
    private EpochRecord runEpoch(int epoch, Adam adam, double[] bestScore) {
        DrexConfig config = model.config();
        Dataset data = model.inputs().data();
        Map<String, Tensor> params = model.namedParameters();
        timing.reset();
        model.train(true);
        model.setDropoutSeed(mix(config.seed(), epoch, 2));
        int[] order = shuffled(model.inputs().split().train(), Init.rng(mix(config.seed(), epoch, 1)));
        long start = System.nanoTime();
        double lossSum = 0;
        int batches = 0;
        for (int from = 0; from < order.length; from += config.batchSize()) {
            int to = Math.min(order.length, from + config.batchSize());
            int b = to - from;
            int[] users = new int[b], items = new int[b];
            float[] ratings = new float[b];
            for (int j = 0; j < b; j++) {
                int k = order[from + j];
                users[j] = data.user(k);
                items[j] = data.item(k);
                ratings[j] = data.rating(k);
            }
            long t0 = System.nanoTime();
            BatchPlan plan = model.plan(users, items);
            timing.add(Phase.PLAN, System.nanoTime() - t0);
            DrexModel.Output out = model.forward(plan, true, timing);
            Tensor mse = F.mseLoss(out.prediction(), Tensor.of(ratings, b, 1));
            Tensor loss = F.add(mse, F.scale(out.penalty(), (float) config.lambda()));
            long t1 = System.nanoTime();
            loss.backward();
            long t2 = System.nanoTime();
            timing.add(Phase.BACKWARD, t2 - t1);
            FiniteCheck.requireFiniteGradients(params);
            if (config.clipNorm() > 0) GradClip.clipByGlobalNorm(params, config.clipNorm());
            adam.step();
            adam.zeroGrad();
            timing.add(Phase.OPTIMIZER, System.nanoTime() - t2);
            lossSum += loss.item();
            batches++;
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        FiniteCheck.requireFiniteValues(params);
        long v0 = System.nanoTime();
        Validation v = validate();
        timing.add(Phase.VALIDATION, System.nanoTime() - v0);
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean improved = StoppingCriterion.better(v.score, bestScore);
        return new EpochRecord(epoch, lossSum / batches, v.rmse, v.mae, v.score, seconds, order.length / trainSeconds, improved);
    }

    private record Validation(double rmse, double mae, double[] score) {}

    private Validation validate() {
        Dataset data = model.inputs().data();
        int[] val = model.inputs().split().validation();
        if (val.length == 0) throw new IllegalStateException("the split has no validation interactions: early stopping needs some");
        int[] users = new int[val.length], items = new int[val.length];
        float[] ratings = new float[val.length];
        for (int j = 0; j < val.length; j++) {
            users[j] = data.user(val[j]);
            items[j] = data.item(val[j]);
            ratings[j] = data.rating(val[j]);
        }
        model.train(false);
        float[] pred = model.predict(users, items);
        model.train(true);
        return new Validation(ErrorMetrics.rmse(ratings, pred), ErrorMetrics.mae(ratings, pred),
                criterion.score(users, items, ratings, pred));
    }

    // ---------------------------------------------------------------- helpers

    /** A seed for (run seed, epoch, stream): SplitMix64-style mixing so nearby epochs get unrelated streams. */
    static long mix(long seed, int epoch, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A Fisher-Yates shuffle of a copy of {@code a}. */
    static int[] shuffled(int[] a, RandomGenerator rng) {
        int[] out = Arrays.copyOf(a, a.length);
        for (int i = out.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    private static Map<String, float[]> snapshot(Map<String, Tensor> params) {
        Map<String, float[]> out = new LinkedHashMap<>();
        params.forEach((k, t) -> out.put(k, t.toArray()));
        return out;
    }

    private static void restore(Map<String, Tensor> params, Map<String, float[]> values) {
        params.forEach((k, t) -> System.arraycopy(values.get(k), 0, t.data(), t.offset(), t.size()));
    }

    private void say(String line) {
        if (log != null) log.println(line);
    }

    /** The phase timings of the last epoch. */
    public Timing timing() {
        return timing;
    }
}
