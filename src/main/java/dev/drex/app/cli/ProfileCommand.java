package dev.drex.app.cli;

import dev.drex.app.explain.KeywordProfiles;
import dev.drex.app.run.Run;
import dev.drex.app.run.RunReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drex profile --model RUN (--user U | --item I | --list-users N | --list-items N)}. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "The top-K keyword profile of a user or an item (sum of the trained attention weights over its train reviews), "
                + "each keyword with its score and the review snippet that contributed most; or list users/items.")
public final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "Run directory written by ./drex train.")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--user", description = "User id.")
        String user;
        @Option(names = "--item", description = "Item id.")
        String item;
        @Option(names = "--list-users", paramLabel = "N", description = "List the N users with the most ratings.")
        Integer listUsers;
        @Option(names = "--list-items", paramLabel = "N", description = "List the N items with the most ratings.")
        Integer listItems;
    }

    @Option(names = "--k", defaultValue = "" + KeywordProfiles.K, description = "Profile size (default ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return RunCommands.guarded(spec.commandLine().getErr(), () -> {
            if (k < 1) throw new IllegalArgumentException("--k must be >= 1, got " + k);
            try (Run run = RunCommands.load(model)) {
                if (target.listUsers != null || target.listItems != null) {
                    out.print(RunReports.list(run, target.listUsers != null, target.listUsers != null ? target.listUsers : target.listItems));
                } else {
                    boolean ofUser = target.user != null;
                    int owner = ofUser ? run.user(target.user) : run.item(target.item);
                    out.print(RunReports.profile(run, KeywordProfiles.build(run.model()), ofUser, owner, k));
                }
                out.flush();
            }
        });
    }
}
