package dev.drex.app.compare;

import dev.drex.app.data.Split;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.SeedAggregate;
import dev.drex.app.report.StudyReport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison study ({@code drex compare}, issue #6). For each model, in order:
 * <ol>
 *   <li>tune: train every point of its grid ({@link StudyGrids}) on seed 1's random 80/10/10 split (split seed =
 *       model seed = 1), early-stopped on validation;</li>
 *   <li>choose the point with the lowest validation score of seed 1 ({@link TrainedCell#criterion()}; ties: the
 *       earlier point); the test part plays no role;</li>
 *   <li>train the chosen point on seeds 2..n (seed 1's cell is already there);</li>
 *   <li>aggregate the chosen cells' test metrics (MAE, RMSE, NDCG@k and F1@k, k in {@link Evaluator#DEFAULT_KS},
 *       both ranking protocols): mean and sample std over seeds.</li>
 * </ol>
 * Every cell is saved when it finishes ({@link CellStore}); a rerun skips finished cells, so a killed study restarts
 * at the first unfinished one. A cell whose training diverges is saved as failed (score +infinity) and never chosen.
 */
public final class CompareStudy {
    private final StudyData data;
    private final CellStore store;
    private final List<StudyModel> models;
    private final int seeds;
    private final String gridName;
    private final PrintStream log;
    private final PrintStream trainingLog;
    private final Evaluator evaluator = new Evaluator();

    /**
     * @param seeds       seeds 1..n
     * @param gridName    "small" or "default" (recorded in the results)
     * @param log         one progress line per computed cell, with a time estimate (null: silent)
     * @param trainingLog the trainers' per-epoch lines (null: silent)
     */
    public CompareStudy(StudyData data, CellStore store, List<StudyModel> models, int seeds, String gridName, PrintStream log,
                        PrintStream trainingLog) {
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        if (models.isEmpty()) throw new IllegalArgumentException("no model to compare");
        this.data = data;
        this.store = store;
        this.models = List.copyOf(models);
        this.seeds = seeds;
        this.gridName = gridName;
        this.log = log;
        this.trainingLog = trainingLog;
    }

    /** Cells of a model: its grid on seed 1, then the chosen point on seeds 2..n. */
    private int planned(StudyModel m) {
        return m.grid().size() + seeds - 1;
    }

    /** Runs every unfinished cell and returns the results. */
    public StudyResults run() throws IOException {
        return run(Integer.MAX_VALUE);
    }

    /**
     * Runs at most {@code maxCells} unfinished cells; returns the results when the study is complete, or null when it
     * stopped with cells left (rerun to continue).
     */
    public StudyResults run(int maxCells) throws IOException {
        if (maxCells < 1) throw new IllegalArgumentException("--max-cells must be >= 1, got " + maxCells);
        this.quota = maxCells;
        StudyResults results = runAll();
        if (results == null) say("stopped after " + maxCells + " computed cell(s); rerun the same command to continue");
        return results;
    }

    /** Cells this call may still compute. */
    private int quota;

    /** The results, or null as soon as the quota is used up with cells left. */
    private StudyResults runAll() throws IOException {
        Progress progress = new Progress(data.dataset().size());
        for (StudyModel m : models) progress.planned.put(m.name(), planned(m));
        int total = progress.planned.values().stream().mapToInt(Integer::intValue).sum();
        say(String.format(Locale.ROOT, "%d models, %d cells (grid %s on seed 1%s)", models.size(), total, gridName,
                seeds == 1 ? "" : seeds == 2 ? ", then the chosen point on seed 2" : ", then the chosen point on seeds 2.." + seeds));
        List<StudyResults.ModelOutcome> outcomes = new ArrayList<>();
        int index = 0;
        for (StudyModel m : models) {
            List<CellResult> tuning = new ArrayList<>();
            for (StudyPoint p : m.grid()) {
                CellResult c = cell(m, 1, p, ++index, total, progress);
                if (c == null) return null;
                tuning.add(c);
            }
            CellResult best = select(tuning);
            List<CellResult> chosenCells = new ArrayList<>();
            if (best == null) {
                say("  " + m.name() + ": every grid point failed; no configuration to test");
                index += seeds - 1;
            } else {
                say(String.format(Locale.ROOT, "  %s: chose %s (%s %.4f on seed 1)", m.name(), best.point().describe(), best.criterion(),
                        best.validationScore()));
                chosenCells.add(best);
                for (int s = 2; s <= seeds; s++) {
                    CellResult c = cell(m, s, best.point(), ++index, total, progress);
                    if (c == null) return null;
                    chosenCells.add(c);
                }
            }
            outcomes.add(outcome(m, tuning, best, chosenCells));
        }
        return new StudyResults(data.settings().datasetName(), data.dataset().size(), data.dataset().numUsers(), data.dataset().numItems(),
                data.settings(), gridName, seeds, outcomes);
    }

    /**
     * The tuning cell with the lowest validation score (ties: the earlier one), failed cells excluded; null when
     * all failed. Reads no test metric.
     */
    public static CellResult select(List<CellResult> tuning) {
        CellResult best = null;
        for (CellResult c : tuning) {
            if (c.failed() || !Double.isFinite(c.validationScore())) continue;
            if (best == null || c.validationScore() < best.validationScore()) best = c;
        }
        return best;
    }

    private StudyResults.ModelOutcome outcome(StudyModel m, List<CellResult> tuning, CellResult best, List<CellResult> chosenCells) {
        List<EvaluationResult> tests = chosenCells.stream().filter(c -> !c.failed()).map(CellResult::test).toList();
        double seconds = 0, cpu = 0;
        for (CellResult c : tuning) {
            seconds += c.seconds();
            cpu += c.cpuSeconds();
        }
        for (CellResult c : chosenCells) {
            if (c.seed() == 1) continue; // already counted among the tuning cells
            seconds += c.seconds();
            cpu += c.cpuSeconds();
        }
        return new StudyResults.ModelOutcome(m.name(), m.displayName(), cellSettings(m), best == null ? tuning.getFirst().criterion() : best.criterion(),
                best == null ? null : best.point(), tuning, chosenCells, tests.isEmpty() ? null : SeedAggregate.of(tests), seconds, cpu);
    }

    /** The finished cell, read back or computed now; null when it is unfinished and the quota is used up. */
    private CellResult cell(StudyModel m, long seed, StudyPoint p, int index, int total, Progress progress) throws IOException {
        CellResult c = store.read(m, seed, p, cellSettings(m));
        if (c == null) {
            if (quota == 0) return null;
            quota--;
            c = compute(m, seed, p);
            store.write(c);
            progress.record(m.name(), c);
            say(String.format(Locale.ROOT, "cell %d/%d: %s seed %d %s: %.0f s (cpu %.0f s; %s)%s", index, total, m.name(), seed, p.describe(), c.seconds(),
                    c.cpuSeconds(),
                    c.failed() ? "FAILED: " + c.failure() : String.format(Locale.ROOT, "%s %.4f, best epoch %d", c.criterion(), c.validationScore(),
                            c.bestEpoch()), progress.estimate()));
        } else {
            progress.record(m.name(), c);
        }
        return c;
    }

    /** What a cell of {@code m} depends on besides the data: its fixed settings and the inputs it reads. */
    private String cellSettings(StudyModel m) {
        String inputs = data.settings().inputsOf(m.name());
        return inputs.isEmpty() ? m.fixedSettings() : m.fixedSettings() + "; " + inputs;
    }

    private CellResult compute(StudyModel m, long seed, StudyPoint p) throws IOException {
        Split split = data.split(seed);
        long start = System.nanoTime(), cpuStart = processCpuNanos();
        TrainedCell t;
        try {
            t = m.train(data, p, seed, trainingLog);
        } catch (IllegalStateException e) { // diverged: a result of the search, not the end of it
            return new CellResult(m.name(), seed, p, cellSettings(m), split.sha256(), "failed", Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, 0,
                    new double[0], new double[0], (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9, 0, null, null, e.getMessage());
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        long evalStart = System.nanoTime();
        double rmse = Double.NaN, mae = Double.NaN;
        if (t.model().predictsRatings()) {
            var errors = evaluator.errors(t.model(), split, Split.Part.VALIDATION);
            rmse = errors.rmse();
            mae = errors.mae();
        }
        EvaluationResult test = evaluator.evaluate(t.model(), data.dataset(), split, Evaluator.DEFAULT_KS, seed).withModel(m.displayName());
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        return new CellResult(m.name(), seed, p, cellSettings(m), split.sha256(), t.criterion(), t.validationScore(), rmse, mae, t.bestEpoch(),
                t.trainLoss(), t.validationCurve(), trainSeconds, (processCpuNanos() - cpuStart) / 1e9, evalSeconds, test, t.overlap(), null);
    }

    /** CPU time of this process so far (all threads), in nanoseconds; 0 where the JVM cannot tell. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** The report's data for {@code results} (tables, curves, sensitivities, keyword overlap, timings). */
    public static StudyReport report(StudyResults results) {
        return StudyReportBuilder.build(results);
    }

    private void say(String line) {
        if (log != null) log.println(line);
    }

    /**
     * Time estimate: each remaining cell of a model costs the mean wall time of that model's cells so far; a model
     * without one costs its {@link CellCosts} CPU estimate times the wall/CPU ratio seen so far in this run (1 at first).
     */
    private static final class Progress {
        final Map<String, Integer> planned = new HashMap<>();
        final Map<String, Integer> seen = new HashMap<>();
        final Map<String, Double> seconds = new HashMap<>();
        final int interactions;
        double wall, cpu;

        Progress(int interactions) {
            this.interactions = interactions;
        }

        void record(String model, CellResult c) {
            seen.merge(model, 1, Integer::sum);
            seconds.merge(model, c.seconds(), Double::sum);
            if (c.cpuSeconds() > 0) {
                wall += c.seconds();
                cpu += c.cpuSeconds();
            }
        }

        String estimate() {
            double wallPerCpu = cpu > 1 ? wall / cpu : 1;
            double left = 0;
            for (var e : planned.entrySet()) {
                int done = seen.getOrDefault(e.getKey(), 0);
                double mean = done > 0 ? seconds.get(e.getKey()) / done : CellCosts.cpuSeconds(e.getKey(), interactions) * wallPerCpu;
                left += Math.max(0, e.getValue() - done) * mean;
            }
            return left == 0 ? "" : String.format(Locale.ROOT, "; about %.0f min left", Math.ceil(left / 60));
        }
    }
}
