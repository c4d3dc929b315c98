package dev.drex.app.cli;

import dev.drex.app.data.Dataset;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.ResultsJson;
import dev.drex.app.eval.ResultsTable;
import dev.drex.app.eval.SeedAggregate;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.model.BiasedMfTrainer;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.run.ExperimentRunner;
import dev.drex.app.run.GridPoint;
import dev.drex.app.run.RunTrainer;
import dev.drex.app.run.TuneResults;
import dev.drex.app.run.VectorsSource;
import dev.drex.engine.io.AtomicFiles;
import dev.drex.engine.kernels.Parallel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drex experiment --data FILE... [--seeds 3] [--variant drex,drex-mlp] [config...] --out DIR}. */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train each variant on seeds 1..n, evaluate on test, and report mean ± std beside the global mean and biased MF.",
                "Seed s sets BOTH the random 80/10/10 split and the model's initialisation, batch order and dropout; the floors are fitted "
                        + "on the same split of each seed. Writes DIR/results.json and DIR/results.md.",
                "RESUMABLE per (variant, seed): finished units are kept in DIR/results/*.json; rerun the same command after a kill."})
public final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds 1..n (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--variant", split = ",", defaultValue = "drex,drex-mlp", description = "Variants (default ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--d", defaultValue = "" + DrexConfig.D, description = "Width d (default ${DEFAULT-VALUE}).")
    int d;
    @Option(names = "--lr", defaultValue = "" + DrexConfig.LEARNING_RATE, description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--lambda", defaultValue = "" + DrexConfig.LAMBDA, description = "Penalty on the initial vectors (default ${DEFAULT-VALUE}).")
    double lambda;
    @Option(names = "--dropout", defaultValue = "0", description = "Dropout on x and the MLP hidden layer (default ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--from-tune", paramLabel = "TUNE_DIR", description = "Take d, lr, lambda and dropout from the best point of a tune directory.")
    Path fromTune;

    @Option(names = "--table-k", split = ",", defaultValue = "5,10", description = "Cut-offs shown in the table (default ${DEFAULT-VALUE}; the JSON has all).")
    int[] tableKs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Experiment directory.")
    Path out;

    @Option(names = "--threads", description = "Threads for the kernels (default: all processors or -Ddrex.threads).")
    Integer threads;

    @Mixin
    TrainingOptions training;

    @Override
    public Integer call() {
        PrintStream o = System.out;
        return RunCommands.guarded(spec.commandLine().getErr(), () -> {
            if (threads != null) Parallel.setThreads(threads);
            if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1");
            for (int k : tableKs) {
                if (java.util.Arrays.stream(Evaluator.DEFAULT_KS).noneMatch(m -> m == k)) {
                    throw new IllegalArgumentException("--table-k " + k + " is not one of " + java.util.Arrays.toString(Evaluator.DEFAULT_KS));
                }
            }
            GridPoint tuned = fromTune == null ? null : TuneResults.best(fromTune);
            if (tuned != null) o.println("from tune " + fromTune + ": " + tuned.describe() + " (variant taken from --variant)");
            List<DrexConfig> configs = new ArrayList<>();
            for (String v : variants) {
                DrexConfig base = training.base(v);
                GridPoint p = tuned != null ? new GridPoint(base.variant().cliName(), tuned.lr(), tuned.lambda(), tuned.d(), tuned.dropout())
                        : new GridPoint(base.variant().cliName(), lr, lambda, d, dropout);
                configs.add(p.apply(base, 1));
            }
            if (configs.stream().map(c -> c.variant()).distinct().count() != configs.size()) throw new IllegalArgumentException("--variant lists a variant twice");
            Dataset data = dataOptions.load();
            boolean needReviews = configs.stream().anyMatch(RunTrainer::usesReviews);
            ReviewVectors reviews = dataOptions.vectors(data, needReviews, o);
            ExperimentRunner.Settings settings = new ExperimentRunner.Settings(dataOptions.absolutePaths(), dataOptions.format.name(),
                    dataOptions.minUser, dataOptions.minItem, dataOptions.vectorsSpec(), dataOptions.randomDim, dataOptions.encoder, configs);
            o.printf("%d interactions, %d users, %d items; seeds 1..%d (split seed = model seed)%n", data.size(), data.numUsers(), data.numItems(), seeds);
            List<EvaluationResult> results;
            try {
                results = new ExperimentRunner(settings, data, reviews, out, o).run(seeds, BiasedMfTrainer.Config.defaults());
            } finally {
                VectorsSource.close(reviews);
            }
            ResultsTable table = ExperimentRunner.table(results, tableKs);
            o.println();
            o.print(table.console());
            List<SeedAggregate> aggregates = SeedAggregate.group(results);
            ResultsJson.write(aggregates, out.resolve("results.json"));
            AtomicFiles.write(out.resolve("results.md"), table.markdown().getBytes(StandardCharsets.UTF_8));
            o.println("wrote " + out.resolve("results.json") + " and " + out.resolve("results.md"));
        });
    }
}
