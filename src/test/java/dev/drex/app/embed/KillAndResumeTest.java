package dev.drex.app.embed;

import dev.drex.app.data.Dataset;
import dev.drex.engine.bert.BertModel;
import dev.drex.tokenizer.bert.BertTokenizer;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 in the middle of an embedding run, rerun the same command, and the cache ends byte for byte
 * equal to an uninterrupted run's. The run is a separate JVM (same java, class path and JVM flags) killed
 * with SIGKILL ({@link Process#destroyForcibly}) once it has stored a third of the reviews.
 */
class KillAndResumeTest {

    private static final int REVIEWS = 150;
    private static final long SEED = 5;
    private static final int BATCH = 4;

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesToTheBytesOfAnUninterruptedOne() throws Exception {
        Path modelDir = TinyBertDir.write(dir.resolve("tiny"), 16, 2, 64, 21);
        Path resumed = dir.resolve("resumed.cache");
        Path reference = dir.resolve("reference.cache");

        // 1. Killed once it has stored REVIEWS / 3 reviews (and is sleeping or writing the next batch).
        Process first = start(modelDir, resumed, 20);
        List<String> firstOut = readUntil(first, REVIEWS / 3);
        first.destroyForcibly();    // SIGKILL on Unix
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertTrue(first.exitValue() != 0, "the child was killed, exit " + first.exitValue());
        assertTrue(firstOut.stream().noneMatch(l -> l.startsWith("done")), "killed before the end: " + firstOut);
        assertTrue(Files.exists(EmbeddingCache.markerOf(resumed.toAbsolutePath())), "the marker of an unfinished run stays");
        IOException incomplete = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> dev.drex.app.features.CachedReviewVectors.open(resumed, data()));
        assertTrue(incomplete.getMessage().contains("left incomplete by an interrupted embed-reviews"), incomplete.getMessage());

        // 2. The same command again, to completion.
        Process second = start(modelDir, resumed, 0);
        List<String> secondOut = readUntil(second, Integer.MAX_VALUE);
        assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), "second run output " + secondOut + "\n" + Files.readString(dir.resolve("child.err")));
        String done = secondOut.stream().filter(l -> l.startsWith("done")).findFirst().orElse(null);
        assertNotNull(done, secondOut.toString());
        assertTrue(done.contains("recovered=true") && done.contains("entries=" + REVIEWS), done);
        int cached = Integer.parseInt(done.replaceAll(".*cached=(\\d+).*", "$1"));
        assertTrue(cached >= REVIEWS / 3 - BATCH && cached < REVIEWS, "the resumed run reused " + cached + " reviews: " + done);
        assertTrue(!Files.exists(EmbeddingCache.markerOf(resumed.toAbsolutePath())));

        // 3. An uninterrupted run in this JVM, and every entry compared byte for byte.
        Dataset data = data();
        String checksum = ModelChecksum.of(modelDir);
        TextPreprocessor pre = new TextPreprocessor(PreprocessConfig.DEFAULTS.withMaxWords(EmbedChild.MAX_WORDS));
        try (BertModel model = BertModel.load(modelDir)) {
            new ReviewEmbedder(model, BertTokenizer.fromDirectory(modelDir), pre, "tiny", checksum)
                    .embed(data, reference, BATCH, true, null, null);
        }
        ReviewKey keys = new ReviewKey(checksum, pre.settingsFingerprint());
        try (EmbeddingCache a = EmbeddingCache.openForReading(reference); EmbeddingCache b = EmbeddingCache.openForReading(resumed)) {
            assertEquals(REVIEWS + 1, a.size());
            assertEquals(a.size(), b.size());
            assertArrayEquals(a.rawValue(CacheHeader.KEY), b.rawValue(CacheHeader.KEY));
            for (int k = 0; k < data.size(); k++) {
                byte[] key = keys.of(data.userId(data.user(k)), data.itemId(data.item(k)), data.title(k), data.text(k));
                byte[] expected = a.rawValue(key);
                assertNotNull(expected, "review " + k);
                assertArrayEquals(expected, b.rawValue(key), "review " + k);
            }
        }
    }

    private static Dataset data() {
        return SyntheticReviews.dataset(REVIEWS, EmbedChild.MAX_WORDS, SEED);
    }

    private Process start(Path modelDir, Path cache, long sleepMs) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-javaagent")) cmd.add(a);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbedChild.class.getName(), modelDir.toString(),
                cache.toString(), Integer.toString(REVIEWS), Long.toString(SEED), Integer.toString(BATCH), Long.toString(sleepMs)));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.err").toFile())).start();
    }

    /** The child's stdout lines until it reports at least {@code stored} reviews stored, or ends. */
    private List<String> readUntil(Process p, int stored) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
            if (line.startsWith("stored ") && Integer.parseInt(line.substring(7)) >= stored) break;
        }
        return lines;
    }
}
