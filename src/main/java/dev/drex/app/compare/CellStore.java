package dev.drex.app.compare;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drex.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The on-disk state of a study: {@code DIR/study.json} (the {@link StudySettings}; a directory holding another
 * study's settings is refused) and {@code DIR/cells/KEY.json}, one per finished cell, each written atomically
 * (temporary file, then rename), so a killed study loses at most the cell in progress and restarts at it.
 */
public final class CellStore {
    /** The JSON mapper of every study file (NaN written as "NaN"). */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private final Path dir;

    private CellStore(Path dir) {
        this.dir = dir;
    }

    /** Opens {@code dir}: refuses a study of other data ({@link StudySettings#sameData}), then records {@code settings} in study.json. */
    public static CellStore open(Path dir, StudySettings settings) throws IOException {
        Files.createDirectories(dir.resolve("cells"));
        Path file = dir.resolve("study.json");
        if (Files.exists(file)) {
            StudySettings old = JSON.readValue(Files.readString(file), StudySettings.class);
            if (!old.sameData(settings)) {
                throw new IllegalArgumentException(dir + " holds a study with other settings:\n" + JSON.writeValueAsString(old) + "\nthis one:\n"
                        + JSON.writeValueAsString(settings) + "\nuse another --out or delete it");
            }
        }
        AtomicFiles.write(file, JSON.writeValueAsString(settings).getBytes(StandardCharsets.UTF_8));
        return new CellStore(dir);
    }

    /** The file of a cell. */
    public Path file(String key) {
        return dir.resolve("cells").resolve(key + ".json");
    }

    /**
     * The finished cell of {@code model} at ({@code seed}, {@code point}), or null. A cell trained under other fixed
     * settings and inputs than {@code settings} ({@link CompareStudy}'s record of the model's fixed settings and inputs) is an
     * error naming the file.
     */
    public CellResult read(StudyModel model, long seed, StudyPoint point, String settings) throws IOException {
        Path f = file(CellResult.key(model.name(), seed, point));
        if (!Files.exists(f)) return null;
        CellResult c;
        try {
            c = JSON.readValue(Files.readString(f), CellResult.class);
        } catch (IOException e) {
            throw new IOException(f + ": not a study cell (damaged? delete the file and rerun: that cell alone is recomputed): " + e.getMessage(), e);
        }
        if (!c.model().equals(model.name()) || c.seed() != seed || !c.point().equals(point)) {
            throw new IllegalStateException(f + " holds " + c.key() + ", not " + CellResult.key(model.name(), seed, point));
        }
        if (!c.fixedSettings().equals(settings)) {
            throw new IllegalArgumentException(f + " was trained with other fixed settings or inputs (" + c.fixedSettings() + ") than now ("
                    + settings + "): use another --out, or delete the cells of " + model.name());
        }
        return c;
    }

    /** Writes {@code cell} atomically. */
    public void write(CellResult cell) throws IOException {
        AtomicFiles.write(file(cell.key()), JSON.writeValueAsString(cell).getBytes(StandardCharsets.UTF_8));
    }
}
