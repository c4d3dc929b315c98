package dev.drex.app.cli;

import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.ResultsJson;
import dev.drex.app.eval.ResultsTable;
import dev.drex.app.model.BiasedMfTrainer;
import dev.drex.app.run.Run;
import dev.drex.app.run.RunEvaluation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drex evaluate --model RUN [--json F] [--markdown F]}: the run on its test part beside the two floors. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a trained run on its test part (RMSE, MAE, NDCG@k and F1@k of the paper and full protocols, "
                + "k in 1,2,3,4,5,10,15,20) beside the global mean and biased MF fitted on the same split with the run's seed.")
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "Run directory written by ./drex train.")
    Path model;

    @Option(names = "--table-k", split = ",", defaultValue = "5,10", description = "Cut-offs shown in the table (default ${DEFAULT-VALUE}; the JSON has all).")
    int[] tableKs;

    @Option(names = "--json", paramLabel = "FILE", description = "Write every result as JSON here.")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the table as Markdown here.")
    Path markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return RunCommands.guarded(spec.commandLine().getErr(), () -> {
            for (int k : tableKs) {
                if (java.util.Arrays.stream(Evaluator.DEFAULT_KS).noneMatch(m -> m == k)) {
                    throw new IllegalArgumentException("--table-k " + k + " is not one of " + java.util.Arrays.toString(Evaluator.DEFAULT_KS));
                }
            }
            try (Run run = RunCommands.load(model)) {
                RunEvaluation eval = RunEvaluation.of(run, BiasedMfTrainer.Config.defaults(), null);
                for (EvaluationResult r : eval.results()) {
                    out.printf("%-12s RMSE %.4f  MAE %.4f  NDCG@10 paper %.4f  full %.4f%n", r.model(), r.rmse(), r.mae(), r.paper().ndcg(10), r.full().ndcg(10));
                }
                ResultsTable table = eval.table(tableKs);
                out.printf("%nrun %s, seed %d, split %s..., %d test interactions%n", run.dir(), run.config().seed(), run.split().sha256().substring(0, 12),
                        run.split().test().length);
                out.print(table.console());
                if (json != null) {
                    ResultsJson.write(eval.aggregates(), json);
                    out.println("wrote " + json);
                }
                if (markdown != null) {
                    Path parent = markdown.toAbsolutePath().getParent();
                    if (parent != null) Files.createDirectories(parent);
                    Files.writeString(markdown, table.markdown());
                    out.println("wrote " + markdown);
                }
                out.flush();
            }
        });
    }
}
