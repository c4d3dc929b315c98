package dev.drex.app.cli;

import dev.drex.app.data.DataFormatException;
import dev.drex.app.data.DataStats;
import dev.drex.app.data.InputFormat;
import dev.drex.app.data.IssueLog;
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
        subcommands = {DataCommand.Stats.class})
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
