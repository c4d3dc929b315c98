package dev.drex.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./drex} command line. */
@Command(name = "drex", mixinStandardHelpOptions = true, version = "drex 0.1.0",
        description = "DReX: an explainable multimodal recommender on a pure-Java deep-learning engine.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, DataCommand.class, FloorsCommand.class, TrainCommand.class,
                FetchModelCommand.class, TokenizeCommand.class, EmbedCommand.class, FillMaskCommand.class, EmbedReviewsCommand.class,
                EvaluateCommand.class, RecommendCommand.class, ExplainCommand.class, ProfileCommand.class, TuneCommand.class,
                ExperimentCommand.class, CompareCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        System.exit(code);
    }
}
