package dev.drex.app.cli;

import dev.drex.app.data.DataFormatException;
import dev.drex.app.data.DataStats;
import dev.drex.app.data.InputFormat;
import dev.drex.app.data.Dataset;
import dev.drex.app.data.DatasetBuilder;
import dev.drex.app.data.IssueLog;
import dev.drex.app.data.KCoreFilter;
import dev.drex.app.data.Split;
import dev.drex.app.data.SplitFile;
import dev.drex.app.data.Splitter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code drex data ...}: inspect review files. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Inspect review data files.",
        subcommands = {DataCommand.Stats.class, DataCommand.MakeSplit.class})
public final class DataCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code drex data stats FILE... [--min-user 5] [--min-item 5] [--json] [--strict] [--format auto]}. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Read review files (plain, .gz or .zip), clean them, and print counts, rating histogram, "
                    + "review lengths, sparsity, rejections and the k-core size.")
    static final class Stats implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Review files, read in order as one dataset.")
        List<Path> files;

        @Option(names = "--min-user", defaultValue = "5", description = "k-core: minimum ratings per user (default ${DEFAULT-VALUE}; paper 20).")
        int minUser;

        @Option(names = "--min-item", defaultValue = "5", description = "k-core: minimum ratings per item (default ${DEFAULT-VALUE}).")
        int minItem;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Option(names = "--strict", description = "Fail at the first bad record (file, line, reason) instead of counting it.")
        boolean strict;

        @Option(names = "--format", defaultValue = "auto", converter = FormatConverter.class,
                description = "auto, csv, json2014, jsonl2023 or persona2023 (default ${DEFAULT-VALUE}).")
        InputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (minUser < 0 || minItem < 0) {
                err.println("error: --min-user and --min-item must be >= 0");
                return 2;
            }
            try {
                IssueLog log = new IssueLog(strict, IssueLog.DEFAULT_EXAMPLES);
                DataStats stats = DataStats.compute(files, format, log, minUser, minItem);
                out.print(json ? stats.toJson() + System.lineSeparator() : stats.toTable());
                out.flush();
                return 0;
            } catch (DataFormatException e) {
                err.println("error: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("error: cannot read " + e.getMessage());
                return 1;
            }
        }
    }

    /**
     * {@code drex data split FILE... --out SPLIT [--seed 42] [--train 0.8] [--validation 0.1] [--temporal]
     * [--min-user 5] [--min-item 5]}: clean, k-core filter, split, and save the split (ids only) with its SHA-256.
     */
    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Read, clean and k-core filter review files, split them, and save the split (user_id, "
                    + "item_id, part) with its SHA-256 so that every model and baseline uses the same one.")
    static final class MakeSplit implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Review files, read in order as one dataset.")
        List<Path> files;

        @Option(names = "--out", required = true, description = "Split file to write (atomically).")
        Path out;

        @Option(names = "--seed", defaultValue = "42", description = "Random split seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--train", defaultValue = "0.8", description = "Train fraction (default ${DEFAULT-VALUE}).")
        double train;

        @Option(names = "--validation", defaultValue = "0.1", description = "Validation fraction (default ${DEFAULT-VALUE}); test gets the rest.")
        double validation;

        @Option(names = "--temporal", description = "Leave-last-out per user instead of a random split.")
        boolean temporal;

        @Option(names = "--min-user", defaultValue = "5", description = "k-core: minimum ratings per user (default ${DEFAULT-VALUE}; paper 20).")
        int minUser;

        @Option(names = "--min-item", defaultValue = "5", description = "k-core: minimum ratings per item (default ${DEFAULT-VALUE}).")
        int minItem;

        @Option(names = "--strict", description = "Fail at the first bad record instead of counting it.")
        boolean strict;

        @Option(names = "--format", defaultValue = "auto", converter = FormatConverter.class,
                description = "auto, csv, json2014, jsonl2023 or persona2023 (default ${DEFAULT-VALUE}).")
        InputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                IssueLog log = new IssueLog(strict, IssueLog.DEFAULT_EXAMPLES);
                Dataset data = KCoreFilter.apply(DatasetBuilder.load(files, format, log), minUser, minItem).dataset();
                if (data.size() == 0) {
                    err.println("error: nothing left to split after the " + minUser + "/" + minItem + " k-core filter");
                    return 1;
                }
                Split split = temporal ? Splitter.temporal(data) : Splitter.random(data, train, validation, seed);
                String hash = SplitFile.save(split, this.out);
                out.printf("%s: %d train, %d validation, %d test (%d moved to train), %d users, %d items%nsha256 %s%n",
                        this.out, split.count(Split.Part.TRAIN), split.count(Split.Part.VALIDATION),
                        split.count(Split.Part.TEST), split.movedToTrain(), data.numUsers(), data.numItems(), hash);
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
    }

    /** Parses {@code --format} case-insensitively. */
    static final class FormatConverter implements CommandLine.ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            for (InputFormat f : InputFormat.values()) if (f.cliName().equalsIgnoreCase(value)) return f;
            throw new CommandLine.TypeConversionException("unknown format '" + value
                    + "' (auto, csv, json2014, jsonl2023, persona2023)");
        }
    }
}
