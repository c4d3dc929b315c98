package dev.drex.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drex.app.data.Dataset;
import dev.drex.app.data.DatasetBuilder;
import dev.drex.app.data.InputFormat;
import dev.drex.app.data.IssueLog;
import dev.drex.app.data.SplitFile;
import dev.drex.app.data.Splitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DataCommandTest {

    @TempDir
    Path dir;

    /** Runs {@code drex data ARGS}; returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DataCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Object[]{code, out.toString(), err.toString()};
    }

    private static Path musicalInstruments() {
        Path p = Path.of(System.getProperty("drex.shared.dir"),
                "data/amazon2014_musical_instruments_5core/Musical_instruments_reviews.csv.zip");
        if (!Files.exists(p)) throw new AssertionError("shared data file missing: " + p);
        return p;
    }

    @Test
    void statsAsJsonOnTheRealFile() throws Exception {
        Object[] result = run("stats", musicalInstruments().toString(), "--json", "--min-user", "20");
        assertEquals(0, result[0], (String) result[2]);
        JsonNode json = new ObjectMapper().readTree((String) result[1]);
        assertEquals(10_261, json.get("reviews").asInt());
        assertEquals(1_429, json.get("users").asInt());
        assertEquals(900, json.get("items").asInt());
        assertEquals(6_938, json.get("ratingHistogram").get("5").asInt());
        assertEquals(7, json.get("emptyTexts").asInt());
        assertEquals(0, json.get("kcore").get("reviews").asInt());
        assertEquals(748, json.get("kcore").get("perPass").get(0).get("reviews").asInt());
        assertEquals("csv", json.get("files").get(0).get("format").asText());
    }

    @Test
    void statsAsTable() {
        Object[] result = run("stats", musicalInstruments().toString(), "--format", "CSV");
        assertEquals(0, result[0], (String) result[2]);
        String table = (String) result[1];
        assertTrue(table.contains("reviews                10261"), table);
        assertTrue(table.contains("k-core 5/5             10261 reviews, 1429 users, 900 items after 1 pass"), table);
    }

    @Test
    void strictStopsAtTheFirstBadLineWithFileAndLine() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"reviewerID\": \"u\", \"asin\": \"i\", \"overall\": 5, \"unixReviewTime\": 1, \"reviewText\": \"ok\"}\n{broken\n");
        Object[] lenient = run("stats", file.toString());
        assertEquals(0, lenient[0]);
        assertTrue(((String) lenient[1]).contains("issue malformed_json"), (String) lenient[1]);
        Object[] strict = run("stats", file.toString(), "--strict");
        assertEquals(1, strict[0]);
        assertTrue(((String) strict[2]).contains(file + ":2: malformed JSON"), (String) strict[2]);
    }

    @Test
    void splitWritesAFileThatLoadsBackWithTheSameHash() throws Exception {
        Path out = dir.resolve("mi.split.tsv");
        Object[] result = run("split", musicalInstruments().toString(), "--out", out.toString(), "--seed", "5");
        assertEquals(0, result[0], (String) result[2]);
        String hash = SplitFile.recordedHash(out);
        assertTrue(((String) result[1]).contains("sha256 " + hash), (String) result[1]);
        Dataset data = DatasetBuilder.load(List.of(musicalInstruments()), InputFormat.AUTO, IssueLog.lenient());
        assertEquals(Splitter.random(data, 0.8, 0.1, 5).sha256(), SplitFile.load(out, data).sha256());
        Object[] empty = run("split", musicalInstruments().toString(), "--out", out.toString(), "--min-user", "20");
        assertEquals(1, empty[0]);
        assertTrue(((String) empty[2]).contains("nothing left"), (String) empty[2]);
    }

    @Test
    void badArgumentsAreReported() {
        Object[] unknownFormat = run("stats", "x.json", "--format", "xml");
        assertEquals(2, unknownFormat[0]);
        assertTrue(((String) unknownFormat[2]).contains("unknown format 'xml'"), (String) unknownFormat[2]);
        Object[] missing = run("stats", dir.resolve("absent.json").toString());
        assertEquals(1, missing[0]);
        assertTrue(((String) missing[2]).contains("absent.json"), (String) missing[2]);
    }
}
