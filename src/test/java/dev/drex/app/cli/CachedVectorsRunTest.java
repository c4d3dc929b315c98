package dev.drex.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Dataset;
import dev.drex.app.embed.TinyBertDir;
import dev.drex.app.eval.MusicalInstruments;
import dev.drex.app.features.CachedReviewVectors;
import dev.drex.app.run.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-vector path end to end on a small slice of Musical Instruments: {@code embed-reviews} with a tiny
 * random BERT fills a cache, {@code train --vectors cache:PATH} records it, and the run loads back with
 * {@link CachedReviewVectors} for {@code explain}.
 */
class CachedVectorsRunTest {

    /** The reviews of the 40 most active users, as a 2014-style CSV. */
    private static Path slice(Path dir) throws Exception {
        Dataset mi = MusicalInstruments.dataset();
        int[] counts = mi.userCounts();
        List<Integer> users = new ArrayList<>(IntStream.range(0, mi.numUsers()).boxed().toList());
        users.sort(Comparator.comparingInt((Integer u) -> -counts[u]).thenComparing(mi::userId));
        boolean[] keep = new boolean[mi.numUsers()];
        for (int u : users.subList(0, 40)) keep[u] = true;
        StringBuilder csv = new StringBuilder("reviewerID,asin,reviewText,overall,summary,unixReviewTime\n");
        for (int k = 0; k < mi.size(); k++) {
            if (!keep[mi.user(k)]) continue;
            csv.append(mi.userId(mi.user(k))).append(',').append(mi.itemId(mi.item(k))).append(',').append(quote(mi.text(k))).append(',')
                    .append(mi.rating(k)).append(".0,").append(quote(mi.title(k))).append(',').append(mi.timestampMillis(k) / 1000).append('\n');
        }
        Path file = dir.resolve("slice.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static String quote(String s) {
        return "\"" + (s == null ? "" : s.replace("\"", "\"\"")) + "\"";
    }

    @Test
    void trainsOnTheCacheAndLoadsItBack(@TempDir Path dir) throws Exception {
        Path data = slice(dir);
        Path bert = TinyBertDir.write(dir.resolve("tiny-bert"), 16, 2, 128, 3);
        Path cache = dir.resolve("slice.cache");
        TrainedRun.Result e = TrainedRun.execute(new EmbedReviewsCommand(), "--data", data.toString(), "--model", bert.toString(), "--cache",
                cache.toString(), "--batch", "16", "--quiet");
        assertEquals(0, e.code(), e.all());

        Path run = dir.resolve("run");
        String[] common = {"--data", data.toString(), "--min-user", "2", "--min-item", "2", "--d", "8", "--window", "5", "--epochs", "1"};
        TrainedRun.Result missing = TrainedRun.execute(new TrainCommand(), concat(common, "--vectors", "cache:" + dir.resolve("nope.cache"), "--out",
                run.toString()));
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.cache does not exist: run ./drex embed-reviews"), missing.err());

        TrainedRun.Result t = TrainedRun.execute(new TrainCommand(), concat(common, "--vectors", "cache:" + cache, "--out", run.toString()));
        assertEquals(0, t.code(), t.all());
        assertTrue(t.out().contains("review vectors: " + cache), t.out());

        try (Run r = Run.load(run, null)) {
            assertTrue(r.reviews() instanceof CachedReviewVectors, "the run reads the cache back");
            assertEquals(16, r.reviews().dim());
            assertEquals("cache:" + cache.toAbsolutePath().normalize(), r.manifest().vectors());
            int k = r.split().test()[0];
            String user = r.data().userId(r.data().user(k)), item = r.data().itemId(r.data().item(k));
            TrainedRun.Result x = TrainedRun.execute(new ExplainCommand(), "--model", run.toString(), "--user", user, "--item", item);
            assertEquals(0, x.code(), x.all());
            assertTrue(x.out().startsWith("predicted rating ") && x.out().contains("user " + user + ", item " + item), x.out());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
