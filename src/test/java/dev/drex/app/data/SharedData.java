package dev.drex.app.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the real review files in the shared folder (system property {@code drex.shared.dir}). */
final class SharedData {

    static final String MUSICAL_INSTRUMENTS = "data/amazon2014_musical_instruments_5core/Musical_instruments_reviews.csv.zip";
    static final String ALL_BEAUTY = "data/amazon2018_all_beauty_5core/All_Beauty_5.json.gz";
    static final String PERSONA_DIR = "data/amazon2023_persona_sample";

    private SharedData() {
    }

    /** The shared file {@code relative}; fails (never skips) when it is absent. */
    static Path file(String relative) {
        String dir = System.getProperty("drex.shared.dir");
        if (dir == null) throw new AssertionError("system property drex.shared.dir is not set (run through Maven)");
        Path path = Path.of(dir).resolve(relative);
        if (!Files.exists(path)) throw new AssertionError("shared data file missing: " + path);
        return path;
    }
}
