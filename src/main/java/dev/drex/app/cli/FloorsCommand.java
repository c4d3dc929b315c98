package dev.drex.app.cli;

import dev.drex.app.data.DataFormatException;
import dev.drex.app.data.Dataset;
import dev.drex.app.data.DatasetBuilder;
import dev.drex.app.data.InputFormat;
import dev.drex.app.data.IssueLog;
import dev.drex.app.data.KCoreFilter;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.Floors;
import dev.drex.app.eval.ResultsJson;
import dev.drex.app.eval.ResultsTable;
import dev.drex.app.eval.SeedAggregate;
import dev.drex.app.model.BiasedMfTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code drex floors --data FILE... [--seeds 3] [--min-user 5 --min-item 5] [--json out.json] [--markdown out.md]}:
 * the global mean and biased MF on random 80/10/10 splits with seeds 1..n, every metric, and the table.
 */
@Command(name = "floors", mixinStandardHelpOptions = true,
        description = "Train and evaluate the two floors (global mean, biased MF) on random splits with seeds 1..n "
                + "and print RMSE, MAE, NDCG@k and F1@k (paper and full protocols) as mean ± std.")
public final class FloorsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE", description = "Review files, read in order as one dataset.")
    List<Path> files;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds 1..n, one split and one training each (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--min-user", defaultValue = "5", description = "k-core: minimum ratings per user (default ${DEFAULT-VALUE}).")
    int minUser;

    @Option(names = "--min-item", defaultValue = "5", description = "k-core: minimum ratings per item (default ${DEFAULT-VALUE}).")
    int minItem;

    @Option(names = "--format", defaultValue = "auto", converter = DataCommand.FormatConverter.class,
            description = "auto, csv, json2014, jsonl2023 or persona2023 (default ${DEFAULT-VALUE}).")
    InputFormat format;

    @Option(names = "--train", defaultValue = "0.8", description = "Train fraction (default ${DEFAULT-VALUE}).")
    double train;

    @Option(names = "--validation", defaultValue = "0.1", description = "Validation fraction (default ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--dim", description = "Biased MF: factor size d (default 16).")
    Integer dim;

    @Option(names = "--lr", description = "Biased MF: Adam learning rate (default 0.01).")
    Double lr;

    @Option(names = "--lambda", description = "Biased MF: L2 weight on factors and biases (default 1).")
    Double lambda;

    @Option(names = "--table-k", split = ",", defaultValue = "5,10", description = "Cut-offs shown in the table (default ${DEFAULT-VALUE}; the JSON has all of 1,2,3,4,5,10,15,20).")
    int[] tableKs;

    @Option(names = "--json", description = "Write every run and the summary as JSON here.")
    Path json;

    @Option(names = "--markdown", description = "Write the table as Markdown here.")
    Path markdown;

    @Option(names = "--verbose", description = "Print biased MF's loss curve.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (seeds < 1 || minUser < 0 || minItem < 0) {
            err.println("error: --seeds must be >= 1, --min-user and --min-item >= 0");
            return 2;
        }
        for (int k : tableKs) {
            if (java.util.Arrays.stream(Evaluator.DEFAULT_KS).noneMatch(m -> m == k)) {
                err.println("error: --table-k " + k + " is not one of the evaluated cut-offs " + java.util.Arrays.toString(Evaluator.DEFAULT_KS));
                return 2;
            }
        }
        try {
            BiasedMfTrainer.Config config = BiasedMfTrainer.Config.defaults();
            if (dim != null) config = config.withDim(dim);
            if (lr != null) config = config.withLr(lr);
            if (lambda != null) config = config.withLambda(lambda);
            Dataset data = KCoreFilter.apply(DatasetBuilder.load(files, format, IssueLog.lenient()), minUser, minItem).dataset();
            if (data.size() == 0) {
                err.println("error: nothing left after the " + minUser + "/" + minItem + " k-core filter");
                return 1;
            }
            out.printf("%d interactions, %d users, %d items after the %d/%d k-core; biased MF: %s%n", data.size(), data.numUsers(),
                    data.numItems(), minUser, minItem, BiasedMfTrainer.describe(config));
            out.flush();
            PrintStream log = verbose ? new PrintStream(System.out, true) : null;
            Evaluator evaluator = new Evaluator();
            List<EvaluationResult> results = new ArrayList<>();
            for (long seed = 1; seed <= seeds; seed++) {
                long start = System.nanoTime();
                Split split = Splitter.random(data, train, validation, seed);
                List<EvaluationResult> floors = Floors.evaluate(split, seed, config, Evaluator.DEFAULT_KS, evaluator, log);
                results.addAll(floors);
                for (EvaluationResult r : floors) {
                    out.printf("seed %d  %-12s RMSE %.4f  MAE %.4f  NDCG@10 paper %.4f  full %.4f%n", seed, r.model(), r.rmse(), r.mae(),
                            r.paper().ndcg(10), r.full().ndcg(10));
                }
                out.printf("seed %d  split %s..., %.1f s%n", seed, split.sha256().substring(0, 12), (System.nanoTime() - start) / 1e9);
                out.flush();
            }
            List<SeedAggregate> aggregates = SeedAggregate.group(results);
            ResultsTable table = new ResultsTable(aggregates.get(0), aggregates.get(1), List.of(), tableKs, 4);
            out.println();
            out.print(table.console());
            if (json != null) {
                ResultsJson.write(aggregates, json);
                out.println("wrote " + json);
            }
            if (markdown != null) {
                Path parent = markdown.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.writeString(markdown, table.markdown());
                out.println("wrote " + markdown);
            }
            out.flush();
            return 0;
        } catch (DataFormatException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: cannot read or write " + e.getMessage());
            return 1;
        }
    }

    /** Runs this command alone (until it is registered in {@link Main}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new FloorsCommand()).execute(args));
    }
}
