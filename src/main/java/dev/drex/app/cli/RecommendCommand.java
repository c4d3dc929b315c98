package dev.drex.app.cli;

import dev.drex.app.explain.Explainer;
import dev.drex.app.explain.KeywordProfiles;
import dev.drex.app.run.Recommender;
import dev.drex.app.run.Run;
import dev.drex.app.run.RunReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drex recommend --model RUN --user U [--top 10] [--explain]}. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Recommend items to a user, ranked by predicted rating.",
                "Candidates are the items the user has NOT rated anywhere in the run's data: items rated in train, validation "
                        + "or test are all excluded. Ties are broken by item order in the data."})
public final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "Run directory written by ./drex train.")
    Path model;

    @Option(names = "--user", required = true, description = "User id as in the data (reviewerID / user_id).")
    String user;

    @Option(names = "--top", defaultValue = "10", description = "How many items (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--explain", description = "Explain each item: shared keywords of the user's and the item's profiles, with snippets.")
    boolean explain;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return RunCommands.guarded(spec.commandLine().getErr(), () -> {
            if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
            try (Run run = RunCommands.load(model)) {
                int u = run.user(user);
                List<Recommender.Item> items = Recommender.recommend(run.model(), run.data(), u, top);
                Explainer explainer = explain ? new Explainer(KeywordProfiles.build(run.model())) : null;
                out.print(RunReports.recommendations(run, u, items, explainer));
                out.flush();
            }
        });
    }
}
