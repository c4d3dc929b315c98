package dev.drex.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON Lines input for the model commands: one JSON object per line, from a file or stdin. Every
 * error names the source and the 1-based line number.
 */
final class JsonLinesInput implements AutoCloseable {

    /** One parsed line. */
    record Line(int number, JsonNode json) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader reader;
    private final String source;
    private int lineNumber;

    JsonLinesInput(Path file) throws IOException {
        if (file == null) {
            this.reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            this.source = "stdin";
        } else {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.source = file.toString();
        }
    }

    /** The next line as a JSON object, or null at the end of input. */
    Line next() throws IOException {
        String text = reader.readLine();
        if (text == null) return null;
        lineNumber++;
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw error(lineNumber, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw error(lineNumber, "expected a JSON object, found: " + abbreviate(text));
        return new Line(lineNumber, node);
    }

    /** An error about line {@code number} of this input. */
    IllegalArgumentException error(int number, String message) {
        return new IllegalArgumentException(source + ", line " + number + ": " + message);
    }

    /** The string field {@code key} of a line, or an error naming the line. */
    String text(Line line, String key) {
        JsonNode n = line.json().get(key);
        if (n == null || !n.isTextual()) throw error(line.number(), "expected a string field \"" + key + "\"");
        return n.asText();
    }

    /** The int-array field {@code key} of a line, or an error naming the line. */
    int[] ints(Line line, String key) {
        JsonNode n = line.json().get(key);
        if (n == null || !n.isArray()) throw error(line.number(), "expected an array of integers \"" + key + "\"");
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = n.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(line.number(), "\"" + key + "\"[" + i + "] is not an integer: " + v);
            }
            out[i] = v.asInt();
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    @Override
    public void close() throws IOException {
        if (!source.equals("stdin")) reader.close();
    }
}
