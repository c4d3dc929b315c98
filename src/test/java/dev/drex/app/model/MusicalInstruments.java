package dev.drex.app.model;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.DatasetBuilder;
import dev.drex.app.data.InputFormat;
import dev.drex.app.data.IssueLog;
import dev.drex.app.data.KCoreFilter;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.features.RandomLemmaVectors;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real data the DReX tests train on, loaded once per JVM: Musical Instruments (2014), 5/5-core,
 * random 80/10/10 split with seed 1, and {@link RandomLemmaVectors} of width 32 (seed 7).
 */
public final class MusicalInstruments {
    public static final String FILE = "data/amazon2014_musical_instruments_5core/Musical_instruments_reviews.csv.zip";
    private static Split split;
    private static RandomLemmaVectors vectors;

    private MusicalInstruments() {}

    public static synchronized Split split() {
        if (split == null) {
            String dir = System.getProperty("drex.shared.dir");
            if (dir == null) throw new AssertionError("system property drex.shared.dir is not set (run through Maven)");
            Path path = Path.of(dir).resolve(FILE);
            if (!Files.exists(path)) throw new AssertionError("shared data file missing: " + path);
            try {
                Dataset raw = DatasetBuilder.load(List.of(path), InputFormat.AUTO, IssueLog.lenient());
                split = Splitter.random(KCoreFilter.apply(raw, 5, 5).dataset(), 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return split;
    }

    public static synchronized RandomLemmaVectors vectors() {
        if (vectors == null) vectors = new RandomLemmaVectors(split().dataset(), new TextPreprocessor(PreprocessConfig.DEFAULTS), 32, 7);
        return vectors;
    }

    /** The global mean of the train ratings' RMSE on validation: the floor every model must beat. */
    public static double globalMeanValidationRmse() {
        Split s = split();
        Dataset d = s.dataset();
        double mean = 0;
        for (int k : s.train()) mean += d.rating(k);
        mean /= s.train().length;
        double se = 0;
        for (int k : s.validation()) se += (d.rating(k) - mean) * (d.rating(k) - mean);
        return Math.sqrt(se / s.validation().length);
    }
}
