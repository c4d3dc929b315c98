package dev.drex.app.embed;

import dev.drex.app.features.ReviewVectors.LemmaMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Chronicle Map wrapper: entry sizes far from the average, the writer lock, the crash marker. */
class EmbeddingCacheTest {

    @TempDir
    Path dir;

    private static final CacheHeader HEADER = new CacheHeader(CacheHeader.FORMAT, "m", "abc", 768, false, "pre", 512);

    @Test
    void holdsEntriesFarLargerThanTheAverageAndMoreEntriesThanPlanned() throws IOException {
        Path file = dir.resolve("sizes.cache");
        ReviewKey keys = new ReviewKey("abc", "pre");
        // Planned: 20 entries of ~3 KB (one lemma x 768 fp32). Stored: 100 such entries, then a 128-lemma fp32
        // review (393 KB, the largest the CLI can produce for bert-base).
        try (EmbeddingCache c = EmbeddingCache.openForWriting(file, HEADER, 20, 3100, 400_000)) {
            for (int i = 0; i < 100; i++) {
                byte[] k = keys.of("u", "i" + i, "", "");
                c.put(k, EntryCodec.encodeReview(k, new String[] {"w" + i}, new float[768], 768, false));
            }
            String[] lemmas = new String[128];
            float[] v = new float[128 * 768];
            for (int j = 0; j < lemmas.length; j++) lemmas[j] = "lemma" + j;
            for (int i = 0; i < v.length; i++) v[i] = i * 1e-3f;
            byte[] big = keys.of("u", "big", "", "");
            c.put(big, EntryCodec.encodeReview(big, lemmas, v, 768, false));
            assertEquals(102, c.size());
        }
        try (EmbeddingCache c = EmbeddingCache.openForReading(file)) {
            LemmaMatrix[] out = new LemmaMatrix[1];
            assertEquals(EmbeddingCache.Status.PRESENT, c.read(keys.of("u", "big", "", ""), out));
            assertEquals(128, out[0].rows());
            assertEquals(98303 * 1e-3f, out[0].vectors()[98303]);
            assertEquals(EmbeddingCache.Status.PRESENT, c.read(keys.of("u", "i99", "", ""), out));
            assertEquals("w99", out[0].lemmas()[0]);
            assertEquals(EmbeddingCache.Status.ABSENT, c.read(keys.of("u", "nope", "", ""), out));
        }
    }

    @Test
    void oneWriterAtATimeAndNoReaderWhileWriting() throws IOException {
        Path file = dir.resolve("lock.cache");
        try (EmbeddingCache w = EmbeddingCache.openForWriting(file, HEADER, 10, 100, 1000)) {
            assertTrue(Files.exists(EmbeddingCache.markerOf(file.toAbsolutePath())));
            CacheException second = assertThrows(CacheException.class, () -> EmbeddingCache.openForWriting(file, HEADER, 10, 100, 1000));
            assertTrue(second.getMessage().contains("being written by another embed-reviews process"), second.getMessage());
        }
        assertFalse(Files.exists(EmbeddingCache.markerOf(file.toAbsolutePath())), "a clean close removes the marker");
        try (EmbeddingCache r = EmbeddingCache.openForReading(file)) {
            assertEquals(HEADER, r.header());
            assertEquals(1, r.size());
            assertThrows(IllegalStateException.class, () -> r.put(CacheHeader.KEY, new byte[8]));
        }
        // A marker without a live writer: an interrupted run.
        Files.writeString(EmbeddingCache.markerOf(file.toAbsolutePath()), "");
        CacheException interrupted = assertThrows(CacheException.class, () -> EmbeddingCache.openForReading(file));
        assertTrue(interrupted.getMessage().contains("left incomplete by an interrupted embed-reviews run"), interrupted.getMessage());
        // The next writer recovers it and closes cleanly.
        try (EmbeddingCache w = EmbeddingCache.openForWriting(file, HEADER, 10, 100, 1000)) {
            assertTrue(w.recovered());
            assertArrayEquals(HEADER.encode(), w.rawValue(CacheHeader.KEY));
        }
        assertFalse(Files.exists(EmbeddingCache.markerOf(file.toAbsolutePath())));
    }
}
