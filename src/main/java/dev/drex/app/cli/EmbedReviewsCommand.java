package dev.drex.app.cli;

import dev.drex.app.data.DataFormatException;
import dev.drex.app.data.Dataset;
import dev.drex.app.data.DatasetBuilder;
import dev.drex.app.data.InputFormat;
import dev.drex.app.data.IssueLog;
import dev.drex.app.embed.CacheException;
import dev.drex.app.embed.ModelChecksum;
import dev.drex.app.embed.ReviewEmbedder;
import dev.drex.engine.bert.BertModel;
import dev.drex.tokenizer.bert.BertTokenizer;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code drex embed-reviews --data FILE... --model DIR|NAME --cache PATH [--max-words 128] [--fp32] [--batch N]}:
 * runs frozen BERT over every review's lemmas and stores each lemma's vector in a resumable cache
 * ({@link ReviewEmbedder}; a killed run is finished by running the same command again).
 */
@Command(name = "embed-reviews", mixinStandardHelpOptions = true,
        description = "Embed every review's lemmas with a frozen BERT (mean of each lemma's word pieces, last layer) "
                + "into a persistent, resumable cache (Chronicle Map). Rerun the same command to finish an "
                + "interrupted run.")
public final class EmbedReviewsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE",
            description = "Review files (plain, .gz or .zip), read in order as one dataset.")
    List<Path> files;

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME",
            description = "A BERT model directory, or a name under $DREX_HOME/models (see ./drex fetch-model).")
    String model;

    @Option(names = "--cache", required = true, paramLabel = "PATH", description = "The cache file (created if absent).")
    Path cache;

    @Option(names = "--max-words", defaultValue = "128", description = "Lemmas kept per review (default ${DEFAULT-VALUE}); lemmas whose word pieces would pass "
            + "the model's max positions (512 with [CLS] and [SEP]) are dropped whole from the end.")
    int maxWords;

    @Option(names = "--fp32", description = "Store float32 vectors instead of float16 (twice the size).")
    boolean fp32;

    @Option(names = "--batch", defaultValue = "32", description = "Reviews per BERT batch (default ${DEFAULT-VALUE}); "
            + "keep it fixed when resuming, so that the results equal an uninterrupted run's bit for bit.")
    int batch;

    @Option(names = "--limit", description = "Embed only the first N interactions of the cleaned dataset (for trials).")
    Integer limit;

    @Option(names = "--format", defaultValue = "auto", converter = DataCommand.FormatConverter.class,
            description = "auto, csv, json2014, jsonl2023 or persona2023 (default ${DEFAULT-VALUE}).")
    InputFormat format;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (batch < 1 || maxWords < 1 || (limit != null && limit < 1)) {
            err.println("error: --batch, --max-words and --limit must be >= 1");
            return 2;
        }
        try {
            Path modelDir = resolveModel(model);
            long t0 = System.nanoTime();
            Dataset data = DatasetBuilder.load(files, format, IssueLog.lenient());
            if (limit != null && limit < data.size()) data = data.select(java.util.stream.IntStream.range(0, limit).toArray());
            String checksum = ModelChecksum.of(modelDir);
            BertTokenizer tokenizer = BertTokenizer.fromDirectory(modelDir);
            TextPreprocessor preprocessor = new TextPreprocessor(PreprocessConfig.DEFAULTS.withMaxWords(maxWords));
            err.printf("read %,d reviews in %.1f s; model %s (sha256 %s)%n", data.size(), (System.nanoTime() - t0) / 1e9,
                    modelDir, checksum.substring(0, 12));
            err.flush();
            try (BertModel bert = BertModel.load(modelDir)) {
                ReviewEmbedder embedder = new ReviewEmbedder(bert, tokenizer, preprocessor, modelDir.getFileName().toString(), checksum);
                ReviewEmbedder.Report report = embedder.embed(data, cache, batch, !fp32, quiet ? null : System.err, null);
                out.println(report.summary());
                out.flush();
            }
            return 0;
        } catch (CacheException | DataFormatException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /**
     * {@code --model}: an existing directory as given, else {@code $DREX_HOME/models/NAME} (system property
     * {@code drex.home}, else the environment variable DREX_HOME).
     */
    static Path resolveModel(String model) throws IOException {
        Path asPath = Path.of(model);
        if (Files.isDirectory(asPath)) return asPath;
        String home = System.getProperty("drex.home", System.getenv("DREX_HOME"));
        if (home != null && !model.contains("/") && !model.contains(java.io.File.separator)) {
            Path named = Path.of(home, "models", model);
            if (Files.isDirectory(named)) return named;
            throw new IOException("no model '" + model + "' in " + named.getParent() + ": run ./drex fetch-model " + model);
        }
        throw new IOException("no model directory " + model + (home == null ? " (and drex.home is not set)" : "")
                + ": give a BERT directory or a name and run ./drex fetch-model NAME");
    }
}
