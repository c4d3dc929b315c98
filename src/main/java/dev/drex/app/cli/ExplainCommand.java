package dev.drex.app.cli;

import dev.drex.app.explain.Explainer;
import dev.drex.app.explain.KeywordProfiles;
import dev.drex.app.run.Run;
import dev.drex.app.run.RunReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drex explain --model RUN --user U --item I}. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain the prediction for a (user, item) pair: the predicted rating, the keywords in both top-10 "
                + "profiles (strongest first, user score + item score) and the review snippets they came from.",
                "When the two top-10 profiles share nothing, it says so and lists the item's keywords found anywhere in the user's profile."})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "Run directory written by ./drex train.")
    Path model;

    @Option(names = "--user", required = true, description = "User id as in the data.")
    String user;

    @Option(names = "--item", required = true, description = "Item id as in the data (asin / parent_asin).")
    String item;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return RunCommands.guarded(spec.commandLine().getErr(), () -> {
            try (Run run = RunCommands.load(model)) {
                int u = run.user(user), i = run.item(item);
                out.print(RunReports.explanation(run, u, i, new Explainer(KeywordProfiles.build(run.model()))));
                out.flush();
            }
        });
    }
}
