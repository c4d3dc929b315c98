package dev.drex.app.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Results as JSON (Jackson): a list of {@link SeedAggregate}, each with its per-seed runs (every metric,
 * split hash, user counts) and a {@code summary} of mean and std per metric. {@link #read} gives back the
 * aggregates (the summary is recomputed from the runs), so result files of different commands can be merged
 * into one table.
 */
public final class ResultsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static String toJson(List<SeedAggregate> results) {
        try {
            return MAPPER.writeValueAsString(results);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write results as JSON", e);
        }
    }

    public static List<SeedAggregate> fromJson(String json) throws IOException {
        return MAPPER.readValue(json, new TypeReference<List<SeedAggregate>>() { });
    }

    /** Writes {@link #toJson} to {@code file} (UTF-8, replaced if present). */
    public static void write(List<SeedAggregate> results, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, toJson(results) + System.lineSeparator());
    }

    public static List<SeedAggregate> read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new IOException(file + ": not a results file: " + e.getMessage(), e);
        }
    }
}
