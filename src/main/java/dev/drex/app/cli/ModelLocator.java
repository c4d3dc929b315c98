package dev.drex.app.cli;

import dev.drex.engine.io.ModelFetcher;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a {@code --model} argument: an existing directory is used as is; a known model name
 * ({@link ModelFetcher#knownModels()}) means {@code $DREX_HOME/models/NAME}.
 */
final class ModelLocator {

    private ModelLocator() {}

    /**
     * {@code $DREX_HOME/models}: the system property {@code drex.home} (set by the launcher), else
     * the environment variable {@code DREX_HOME}, else the current directory.
     */
    static Path modelsDir() {
        String home = System.getProperty("drex.home");
        if (home == null || home.isBlank()) home = System.getenv("DREX_HOME");
        if (home == null || home.isBlank()) home = ".";
        return Path.of(home).resolve("models");
    }

    /** The model directory for {@code model}; a clear error saying what to run when it is missing. */
    static Path resolve(String model) {
        Path asDir = Path.of(model);
        if (Files.isDirectory(asDir)) return asDir;
        if (ModelFetcher.knownModels().contains(model)) {
            Path dir = modelsDir().resolve(model);
            if (Files.isDirectory(dir)) return dir;
            throw new IllegalArgumentException("model '" + model + "' is not installed in " + modelsDir()
                    + ": run ./drex fetch-model " + model);
        }
        throw new IllegalArgumentException("--model '" + model + "' is neither a directory nor a known model name "
                + ModelFetcher.knownModels());
    }
}
