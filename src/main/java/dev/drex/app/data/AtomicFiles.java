package dev.drex.app.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Text files written atomically, for the application's small outputs (splits, run manifests, results):
 * a thin UTF-8 front of the engine's {@link dev.drex.engine.io.AtomicFiles} (temporary file in the same
 * directory, fsync, atomic rename, directory fsync).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} (UTF-8) to {@code target}; readers see the old file or the whole new one. */
    public static void writeString(Path target, String text) throws IOException {
        dev.drex.engine.io.AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
