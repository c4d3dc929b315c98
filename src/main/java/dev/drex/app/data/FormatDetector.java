package dev.drex.app.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises a review file's format from its first non-empty line:
 * <ul>
 *   <li>a JSON object with {@code history} -> {@link InputFormat#PERSONA2023};</li>
 *   <li>a JSON object with {@code parent_asin} or {@code user_id} -> {@link InputFormat#JSONL2023};</li>
 *   <li>a JSON object with {@code reviewerID} or {@code asin} -> {@link InputFormat#JSON2014};</li>
 *   <li>otherwise a CSV header with the columns of {@link CsvReviewParser#REQUIRED} -> {@link InputFormat#CSV}.</li>
 * </ul>
 * Anything else is a {@link DataFormatException} naming the file and line.
 */
public final class FormatDetector {

    private FormatDetector() {
    }

    /** Detects the format of {@code file} (plain, gzip or zip). */
    public static InputFormat detect(Path file) throws IOException {
        try (LineReader lines = new LineReader(InputFiles.open(file))) {
            String line = lines.next();
            while (line != null && line.isBlank()) line = lines.next();
            if (line == null) {
                String why = lines.truncated() ? "it ends early before its first complete line (" + lines.truncationDetail() + ")"
                        : "it is empty";
                throw new DataFormatException(file + ": cannot detect the review format: " + why);
            }
            return detectLine(file.toString(), lines.lineNumber(), CsvReviewParser.stripBom(line));
        }
    }

    /** Detects the format from one line (the first non-empty one of {@code file}). */
    static InputFormat detectLine(String file, long lineNumber, String line) throws IOException {
        String where = file + ":" + lineNumber + ": ";
        if (line.stripLeading().startsWith("{")) {
            JsonNode root;
            try {
                root = JsonReviewParser.MAPPER.readTree(line);
            } catch (JacksonException e) {
                throw new DataFormatException(where + "cannot detect the review format: the first line starts with '{' "
                        + "but is not valid JSON (" + e.getOriginalMessage() + ")");
            }
            if (root.has("history")) return InputFormat.PERSONA2023;
            if (root.has("parent_asin") || root.has("user_id")) return InputFormat.JSONL2023;
            if (root.has("reviewerID") || root.has("asin")) return InputFormat.JSON2014;
            List<String> keys = new ArrayList<>();
            root.fieldNames().forEachRemaining(keys::add);
            throw new DataFormatException(where + "cannot detect the review format: JSON keys " + keys
                    + " name neither a 2023 review (user_id, parent_asin), a 2014 review (reviewerID, asin)"
                    + " nor a persona user (history)");
        }
        CsvRecordReader csv = new CsvRecordReader(new LineReader(
                new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8))));
        CsvRecordReader.Record header = csv.next();
        List<String> names = header == null ? List.of() : header.fields().stream().map(String::trim).toList();
        if (names.containsAll(CsvReviewParser.REQUIRED)) return InputFormat.CSV;
        throw new DataFormatException(where + "cannot detect the review format: not JSON, and not a CSV header with "
                + CsvReviewParser.REQUIRED + " (first line: " + ReviewFactory.quote(line) + ")");
    }
}
