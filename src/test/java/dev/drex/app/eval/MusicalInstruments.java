package dev.drex.app.eval;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.DatasetBuilder;
import dev.drex.app.data.InputFormat;
import dev.drex.app.data.IssueLog;
import dev.drex.app.data.KCoreFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Musical Instruments (Amazon 2014, 5-core) from the shared folder, loaded once per test JVM; fails (never skips) when absent. */
public final class MusicalInstruments {

    public static final String RELATIVE = "data/amazon2014_musical_instruments_5core/Musical_instruments_reviews.csv.zip";

    private static Dataset cached;

    private MusicalInstruments() {
    }

    public static Path file() {
        String dir = System.getProperty("drex.shared.dir");
        if (dir == null) throw new AssertionError("system property drex.shared.dir is not set (run through Maven)");
        Path path = Path.of(dir).resolve(RELATIVE);
        if (!Files.exists(path)) throw new AssertionError("shared data file missing: " + path);
        return path;
    }

    /** The 5/5 k-core (which keeps all 10,261 interactions). */
    public static synchronized Dataset dataset() {
        if (cached == null) {
            try {
                cached = KCoreFilter.apply(DatasetBuilder.load(List.of(file()), InputFormat.AUTO, IssueLog.lenient()), 5, 5).dataset();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cached;
    }
}
