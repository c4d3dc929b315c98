package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.train.EpochRecord;
import dev.drex.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resumable grid search chosen on VALIDATION only (spec, "Grid ... chosen on validation only"): for every
 * point, in grid order, train on the random split of each seed s in 1..seeds (split seed = model seed = s)
 * with early stopping, and record the mean validation score of the config's criterion at the best epoch.
 * The test part is never predicted. Finished points are read back from {@link TuneResults}; a point in
 * progress continues from its runs' checkpoints.
 */
public final class Tuner {
    private final TuneResults.Settings settings;
    private final Dataset data;
    private final ReviewVectors reviews;
    private final Path dir;
    private final PrintStream log;

    /** @param reviews the review vectors (null when the base config uses none) */
    public Tuner(TuneResults.Settings settings, Dataset data, ReviewVectors reviews, Path dir, PrintStream log) {
        this.settings = settings;
        this.data = data;
        this.reviews = reviews;
        this.dir = dir;
        this.log = log;
    }

    /** How a call ended: every finished point (best first), how many were computed by this call, and whether the grid is done. */
    public record Outcome(List<TuneResults.PointResult> finished, int computedNow, boolean complete) {}

    /** Runs the unfinished points of {@code points}, at most {@code maxPoints} of them in this call. */
    public Outcome run(List<GridPoint> points, int maxPoints) throws IOException {
        TuneResults.begin(dir, settings);
        Split[] splits = new Split[settings.seeds() + 1];
        int computed = 0, done = 0;
        for (GridPoint p : points) {
            if (TuneResults.read(dir, p) != null) {
                done++;
                continue;
            }
            if (computed == maxPoints) break;
            say("point " + (done + 1) + "/" + points.size() + ": " + p.describe());
            TuneResults.PointResult result;
            long start = System.nanoTime();
            try {
                result = trainPoint(p, splits);
            } catch (IllegalStateException e) {
                // a diverging point (NaN/Inf named by FiniteCheck) is a result of the search, not the end of it
                say("  FAILED: " + e.getMessage());
                double[] worst = new double[settings.base().criterion() == DrexConfig.Criterion.RMSE ? 1 : 2];
                java.util.Arrays.fill(worst, Double.POSITIVE_INFINITY);
                result = new TuneResults.PointResult(p, List.of(), List.of(), settings.base().criterion().name().toLowerCase(), worst, Double.NaN,
                        Double.NaN, List.of(), (System.nanoTime() - start) / 1e9, e.getMessage());
            }
            TuneResults.write(dir, result);
            computed++;
            done++;
        }
        List<TuneResults.PointResult> finished = new ArrayList<>();
        for (GridPoint p : points) {
            TuneResults.PointResult r = TuneResults.read(dir, p);
            if (r != null) finished.add(r);
        }
        finished.sort(TuneResults.BEST_FIRST);
        return new Outcome(finished, computed, finished.size() == points.size());
    }

    private TuneResults.PointResult trainPoint(GridPoint p, Split[] splits) throws IOException {
        long start = System.nanoTime();
        List<Long> seeds = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<Integer> bestEpochs = new ArrayList<>();
        double[] score = null;
        double rmse = 0, mae = 0;
        String criterion = null;
        for (int s = 1; s <= settings.seeds(); s++) {
            if (splits[s] == null) splits[s] = Splitter.random(data, s);
            Split split = splits[s];
            DrexConfig config = p.apply(settings.base(), s);
            Path runDir = dir.resolve("runs").resolve(p.key() + "-seed" + s);
            RunManifest manifest = new RunManifest(settings.data(), settings.format(), settings.minUser(), settings.minItem(),
                    reviews == null ? "none" : settings.vectors(), settings.randomDim(), ExperimentRunner.VECTORS_SEED, settings.encoder(), split.sha256());
            RunTrainer.Trained t = RunTrainer.train(split, RunTrainer.usesReviews(config) ? reviews : null, config, manifest, runDir, true, false, null);
            AtomicFiles.deleteRecursively(runDir.resolve("checkpoint"));
            EpochRecord best = t.result().history().get(t.result().bestEpoch() - 1);
            double[] sc = t.result().bestScore();
            if (score == null) score = new double[sc.length];
            for (int j = 0; j < sc.length; j++) score[j] += sc[j] / settings.seeds();
            rmse += best.validationRmse() / settings.seeds();
            mae += best.validationMae() / settings.seeds();
            seeds.add((long) s);
            hashes.add(split.sha256());
            bestEpochs.add(t.result().bestEpoch());
            criterion = Criteria.of(config, split).name();
            say(String.format(java.util.Locale.ROOT, "  seed %d: best epoch %d of %d, validation RMSE %.4f MAE %.4f", s, t.result().bestEpoch(),
                    t.result().epochsRun(), best.validationRmse(), best.validationMae()));
        }
        return new TuneResults.PointResult(p, seeds, hashes, criterion, score, rmse, mae, bestEpochs, (System.nanoTime() - start) / 1e9, null);
    }

    private void say(String line) {
        if (log != null) log.println(line);
    }
}
