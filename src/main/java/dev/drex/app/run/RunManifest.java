package dev.drex.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drex.app.data.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a run directory needs besides its config and weights to rebuild the model's inputs
 * ({@code RUN_DIR/run.json}): the absolute data files and their format, the k-core thresholds, where the
 * review vectors came from, and the SHA-256 of the split the model was trained on.
 *
 * @param data        absolute paths of the review files, read in this order
 * @param format      {@link InputFormat} name
 * @param vectors     {@link VectorsSource} spec: "random", "cache" or "cache:PATH"; "none" when the model uses no reviews
 * @param randomDim   width of the random stand-in vectors (used only when {@code vectors} is "random")
 * @param vectorsSeed seed of the random stand-in vectors
 * @param encoder     the encoder whose cache {@code vectors} "cache" names
 */
public record RunManifest(List<String> data, String format, int minUser, int minItem, String vectors, int randomDim, long vectorsSeed,
                          String encoder, String splitSha256) {

    /** The file name inside a run directory. */
    public static final String FILE = "run.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES).enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public RunManifest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(splitSha256, "splitSha256");
        data = List.copyOf(data);
    }

    /** The data paths as {@link Path}s. */
    public List<Path> dataPaths() {
        return data.stream().map(Path::of).toList();
    }

    /** The recorded format. */
    public InputFormat inputFormat() {
        return InputFormat.valueOf(format);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run manifest as JSON", e);
        }
    }

    /** Writes {@code RUN_DIR/run.json} atomically. */
    public void write(Path runDir) throws IOException {
        dev.drex.engine.io.AtomicFiles.write(runDir.resolve(FILE), (toJson() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code RUN_DIR/run.json}; a missing file or field is an error naming it. */
    public static RunManifest read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " is missing: " + runDir + " is not a run directory written by ./drex train"
                    + " (runs trained before run.json existed must be retrained)");
        }
        try {
            return JSON.readValue(text, RunManifest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a run manifest: " + e.getOriginalMessage());
        }
    }
}
