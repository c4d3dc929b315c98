package dev.drex.app.cli;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.DatasetBuilder;
import dev.drex.app.data.InputFormat;
import dev.drex.app.data.IssueLog;
import dev.drex.app.embed.TinyBertDir;
import dev.drex.app.features.CachedReviewVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbedReviewsCommandTest {

    @TempDir
    Path dir;

    private static Object[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EmbedReviewsCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Object[] {code, out.toString(), err.toString()};
    }

    private static Path musicalInstruments() {
        Path p = Path.of(System.getProperty("drex.shared.dir"),
                "data/amazon2014_musical_instruments_5core/Musical_instruments_reviews.csv.zip");
        if (!Files.exists(p)) throw new AssertionError("shared data file missing: " + p);
        return p;
    }

    @Test
    void embedsTheFirstReviewsOfTheRealFileAndResumesWithNothingToDo() throws Exception {
        Path model = TinyBertDir.write(dir.resolve("tiny"), 16, 2, 128, 3);
        Path cache = dir.resolve("mi.cache");
        String[] args = {"--data", musicalInstruments().toString(), "--model", model.toString(), "--cache", cache.toString(),
                "--limit", "50", "--batch", "8", "--quiet"};
        Object[] first = run(args);
        assertEquals(0, first[0], (String) first[2]);
        assertTrue(((String) first[1]).startsWith("50 reviews: 50 embedded, 0 already cached"), (String) first[1]);
        Object[] second = run(args);
        assertEquals(0, second[0], (String) second[2]);
        assertTrue(((String) second[1]).startsWith("50 reviews: 0 embedded, 50 already cached"), (String) second[1]);

        Dataset all = DatasetBuilder.load(List.of(musicalInstruments()), InputFormat.AUTO, IssueLog.lenient());
        try (CachedReviewVectors v = CachedReviewVectors.open(cache, all.select(IntStream.range(0, 50).toArray()))) {
            assertEquals(16, v.dim());
            assertTrue(v.get(10).rows() > 0);
        }
        // --fp32 against this fp16 cache: a clear error, exit 1
        String[] fp32 = java.util.Arrays.copyOf(args, args.length + 1);
        fp32[args.length] = "--fp32";
        Object[] mismatch = run(fp32);
        assertEquals(1, mismatch[0]);
        assertTrue(((String) mismatch[2]).contains("precision: cache stores fp16, wanted fp32"), (String) mismatch[2]);
    }

    @Test
    void anUnknownModelNameSaysToFetchIt() {
        String old = System.getProperty("drex.home");
        System.setProperty("drex.home", dir.toString());
        try {
            Object[] r = run("--data", musicalInstruments().toString(), "--model", "no-such-model", "--cache",
                    dir.resolve("x.cache").toString());
            assertEquals(1, r[0]);
            assertTrue(((String) r[2]).contains("run ./drex fetch-model no-such-model"), (String) r[2]);
        } finally {
            if (old == null) System.clearProperty("drex.home");
            else System.setProperty("drex.home", old);
        }
    }
}
