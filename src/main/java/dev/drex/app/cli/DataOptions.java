package dev.drex.app.cli;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.InputFormat;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.run.ExperimentRunner;
import dev.drex.app.run.RunData;
import dev.drex.app.run.VectorsSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The data and review-vector options shared by {@code tune} and {@code experiment}. */
final class DataOptions {
    @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE", description = "Review files, read in order as one dataset.")
    List<Path> data;

    @Option(names = "--format", defaultValue = "auto", converter = DataCommand.FormatConverter.class,
            description = "auto, csv, json2014, jsonl2023 or persona2023 (default ${DEFAULT-VALUE}).")
    InputFormat format;

    @Option(names = "--min-user", defaultValue = "5", description = "k-core: minimum ratings per user (default ${DEFAULT-VALUE}; paper 20).")
    int minUser;

    @Option(names = "--min-item", defaultValue = "5", description = "k-core: minimum ratings per item (default ${DEFAULT-VALUE}).")
    int minItem;

    @Option(names = "--encoder", defaultValue = "bert-base-uncased", description = "Encoder whose cached lemma vectors to use (default ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--vectors", defaultValue = "cache", description = "cache:PATH (the file ./drex embed-reviews --cache PATH filled), or random (a STAND-IN: seeded random unit vectors "
            + "per lemma, for tests and dry runs) (default ${DEFAULT-VALUE}).")
    String vectors;

    @Option(names = "--random-dim", defaultValue = "32", description = "Width of the random stand-in vectors (default ${DEFAULT-VALUE}).")
    int randomDim;

    /** The data files as absolute paths (what run directories record). */
    List<String> absolutePaths() {
        return data.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
    }

    /** The vectors spec with a cache path made absolute. */
    String vectorsSpec() {
        return VectorsSource.absolute(vectors);
    }

    Dataset load() throws IOException {
        return RunData.load(data, format, minUser, minItem);
    }

    /** The review vectors, or null when {@code needed} is false. */
    ReviewVectors vectors(Dataset dataset, boolean needed, PrintStream log) {
        VectorsSource.check(vectors);
        return needed ? VectorsSource.open(vectors, dataset, encoder, randomDim, ExperimentRunner.VECTORS_SEED, log) : null;
    }
}
