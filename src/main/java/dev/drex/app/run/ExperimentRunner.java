package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.Floors;
import dev.drex.app.eval.ResultsJson;
import dev.drex.app.eval.ResultsTable;
import dev.drex.app.eval.SeedAggregate;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.model.BiasedMfTrainer;
import dev.drex.app.model.DrexConfig;
import dev.drex.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's experiment (spec, "Each figure: mean and standard deviation over 3 seeds"): for each seed s in
 * 1..n, the random 80/10/10 split with seed s, each variant trained with model seed s (so the seed moves
 * both the split and the initialisation), evaluated on test, and the two floors fitted on the same split
 * with seed s. Resumable per (variant, seed): {@code OUT/results/VARIANT-seedS.json} and
 * {@code floors-seedS.json} are written atomically when a unit finishes; a unit in progress continues from
 * {@code OUT/runs/VARIANT-seedS/checkpoint}.
 */
public final class ExperimentRunner {
    /** Seed of the random stand-in vectors in tune and experiment (fixed, so every seed sees the same vectors). */
    public static final long VECTORS_SEED = 1;

    /** What stays fixed: the data, the vectors, and one config per variant (its seed replaced by each s). */
    public record Settings(List<String> data, String format, int minUser, int minItem, String vectors, int randomDim, String encoder,
                           List<DrexConfig> configs) {}

    private final Settings settings;
    private final Dataset data;
    private final ReviewVectors reviews;
    private final Path dir;
    private final PrintStream log;

    public ExperimentRunner(Settings settings, Dataset data, ReviewVectors reviews, Path dir, PrintStream log) {
        this.settings = settings;
        this.data = data;
        this.reviews = reviews;
        this.dir = dir;
        this.log = log;
    }

    /** Every result (floors first, then the variants, seed by seed) after running what is missing for seeds 1..seeds. */
    public List<EvaluationResult> run(int seeds, BiasedMfTrainer.Config mfConfig) throws IOException {
        begin();
        List<EvaluationResult> floors = new ArrayList<>(), models = new ArrayList<>();
        Evaluator evaluator = new Evaluator();
        for (int s = 1; s <= seeds; s++) {
            Split split = Splitter.random(data, s);
            Path floorsFile = dir.resolve("results").resolve("floors-seed" + s + ".json");
            List<EvaluationResult> f = read(floorsFile);
            if (f == null) {
                say("seed " + s + ": floors");
                f = Floors.evaluate(split, s, mfConfig, Evaluator.DEFAULT_KS, evaluator, null);
                write(floorsFile, f);
            }
            floors.addAll(f);
            for (DrexConfig base : settings.configs()) {
                DrexConfig config = withSeed(base, s);
                String unit = config.variant().cliName() + "-seed" + s;
                Path resultFile = dir.resolve("results").resolve(unit + ".json");
                List<EvaluationResult> r = read(resultFile);
                if (r == null) {
                    say("seed " + s + ": " + config.variant().cliName());
                    Path runDir = dir.resolve("runs").resolve(unit);
                    RunManifest manifest = new RunManifest(settings.data(), settings.format(), settings.minUser(), settings.minItem(),
                            RunTrainer.usesReviews(config) ? settings.vectors() : "none", settings.randomDim(), VECTORS_SEED, settings.encoder(),
                            split.sha256());
                    RunTrainer.Trained t = RunTrainer.train(split, RunTrainer.usesReviews(config) ? reviews : null, config, manifest, runDir,
                            true, false, null);
                    r = List.of(evaluator.evaluate(t.model(), data, split, Evaluator.DEFAULT_KS, s));
                    write(resultFile, r);
                    AtomicFiles.deleteRecursively(runDir.resolve("checkpoint"));
                }
                models.addAll(r);
                say(String.format(java.util.Locale.ROOT, "seed %d  %-10s RMSE %.4f  MAE %.4f  NDCG@10 paper %.4f", s, r.get(0).model(),
                        r.get(0).rmse(), r.get(0).mae(), r.get(0).paper().ndcg(10)));
            }
        }
        List<EvaluationResult> all = new ArrayList<>(floors);
        all.addAll(models);
        return all;
    }

    /** The table of {@code results} with the global-mean and biased-MF rows first. */
    public static ResultsTable table(List<EvaluationResult> results, int[] ks) {
        List<SeedAggregate> a = SeedAggregate.group(results);
        return new ResultsTable(a.get(0), a.get(1), a.subList(2, a.size()), ks, 4);
    }

    private void begin() throws IOException {
        Files.createDirectories(dir.resolve("results"));
        Path file = dir.resolve("experiment.json");
        if (Files.exists(file)) {
            Settings old = TuneResults.JSON.readValue(Files.readString(file), Settings.class);
            if (!old.equals(settings)) {
                throw new IllegalArgumentException(dir + " holds an experiment with other settings:\n" + TuneResults.JSON.writeValueAsString(old)
                        + "\nthis one:\n" + TuneResults.JSON.writeValueAsString(settings) + "\nuse another --out or delete it");
            }
            return;
        }
        AtomicFiles.write(file, TuneResults.JSON.writeValueAsString(settings).getBytes(StandardCharsets.UTF_8));
    }

    private static DrexConfig withSeed(DrexConfig c, long seed) {
        return c.withSeed(seed);
    }

    private static List<EvaluationResult> read(Path file) throws IOException {
        if (!Files.exists(file)) return null;
        List<EvaluationResult> out = new ArrayList<>();
        for (SeedAggregate a : ResultsJson.read(file)) out.addAll(a.runs());
        return out;
    }

    private static void write(Path file, List<EvaluationResult> results) throws IOException {
        AtomicFiles.write(file, ResultsJson.toJson(SeedAggregate.group(results)).getBytes(StandardCharsets.UTF_8));
    }

    private void say(String line) {
        if (log != null) log.println(line);
    }
}
