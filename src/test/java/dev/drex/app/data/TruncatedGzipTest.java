package dev.drex.app.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A gzip cut at any byte yields every complete line before the cut, then one TRUNCATED_INPUT warning.
 * The expected line count comes from an independent decoder: a raw {@link Inflater} over the same prefix.
 */
class TruncatedGzipTest {

    @TempDir
    Path dir;

    private static List<Review> read(Path file, IssueLog log) throws IOException {
        List<Review> out = new ArrayList<>();
        ReviewReader.read(file, InputFormat.JSON2014, log, out::add);
        return out;
    }

    /** Complete lines ('\n'-terminated) in what a raw inflater can decode from {@code gz[0, length)}. */
    private static int completeLinesIn(byte[] gz, int length) throws DataFormatException {
        if (length < 10) return 0;
        int start = 10;
        if ((gz[3] & 0x08) != 0) { // FNAME: zero-terminated file name
            while (start < length && gz[start] != 0) start++;
            start++;
        }
        if (start >= length) return 0;
        Inflater inflater = new Inflater(true);
        inflater.setInput(gz, start, length - start);
        byte[] out = new byte[1 << 16];
        int lines = 0;
        while (!inflater.finished()) {
            int n = inflater.inflate(out);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
            for (int k = 0; k < n; k++) if (out[k] == '\n') lines++;
        }
        inflater.end();
        return lines;
    }

    @Test
    void everyCompleteLineThenAWarningAtSeveralCuts() throws Exception {
        Path original = SharedData.file(SharedData.ALL_BEAUTY);
        byte[] gz = Files.readAllBytes(original);
        IssueLog fullLog = IssueLog.lenient();
        List<Review> full = read(original, fullLog);
        assertEquals(0, fullLog.count(IssueKind.TRUNCATED_INPUT), "the shared file itself is a complete gzip");
        assertEquals(completeLinesIn(gz, gz.length), full.size());

        int[] cuts = {0, 5, 10, 25, 40, 1000, 50_000, 317_141, gz.length - 9, gz.length - 8, gz.length - 4, gz.length - 1};
        int previous = -1;
        for (int cut : cuts) {
            Path cutFile = dir.resolve("cut-" + cut + ".json.gz");
            Files.write(cutFile, Arrays.copyOf(gz, cut));
            IssueLog log = IssueLog.lenient();
            List<Review> reviews = read(cutFile, log);
            assertEquals(completeLinesIn(gz, cut), reviews.size(), "cut at byte " + cut);
            assertEquals(full.subList(0, reviews.size()),
                    reviews.stream().map(r -> new Review(r.userId(), r.itemId(), r.rating(), r.title(), r.text(),
                            r.timestampMillis(), original.toString(), r.line())).toList(), "a prefix of the full file, cut " + cut);
            assertEquals(1, log.count(IssueKind.TRUNCATED_INPUT), "one warning, cut " + cut);
            assertEquals(0, log.rejected(), "no partial line is passed on as a bad record, cut " + cut);
            assertTrue(log.examples(IssueKind.TRUNCATED_INPUT).getFirst().toString().startsWith(cutFile.toString()));
            assertTrue(reviews.size() >= previous);
            previous = reviews.size();
        }
        assertEquals(full.size(), previous, "cutting the trailer loses no line");

        // Strict mode: a clean file (no duplicates, no empty text) cut short stops with the truncation error.
        StringBuilder clean = new StringBuilder();
        for (int k = 0; k < 2000; k++) {
            clean.append("{\"reviewerID\": \"u").append(k).append("\", \"asin\": \"i").append(k % 7)
                    .append("\", \"overall\": 4, \"unixReviewTime\": ").append(1000 + k)
                    .append(", \"reviewText\": \"review number ").append(k).append(" is fine\"}\n");
        }
        byte[] cleanGz;
        try (var bytes = new java.io.ByteArrayOutputStream(); var gout = new java.util.zip.GZIPOutputStream(bytes)) {
            gout.write(clean.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            gout.finish();
            cleanGz = bytes.toByteArray();
        }
        Path cutFile = dir.resolve("strict.json.gz");
        Files.write(cutFile, Arrays.copyOf(cleanGz, cleanGz.length / 2));
        var e = assertThrows(dev.drex.app.data.DataFormatException.class, () -> read(cutFile, IssueLog.strict()));
        assertTrue(e.getMessage().contains("strict.json.gz") && e.getMessage().contains("ends early"), e.getMessage());
    }
}
