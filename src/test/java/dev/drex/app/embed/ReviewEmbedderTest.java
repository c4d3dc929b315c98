package dev.drex.app.embed;

import dev.drex.app.data.Dataset;
import dev.drex.app.features.CachedReviewVectors;
import dev.drex.app.features.ReviewVectors.LemmaMatrix;
import dev.drex.engine.bert.BertModel;
import dev.drex.engine.bert.BertOutput;
import dev.drex.tokenizer.bert.BertTokenizer;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedding run on a tiny random BERT: vectors, resumption, corrupted entries, foreign caches, reading back. */
class ReviewEmbedderTest {

    @TempDir
    static Path dir;

    static Path modelDir;
    static BertModel model;
    static BertTokenizer tokenizer;
    static String checksum;
    static final TextPreprocessor PRE = new TextPreprocessor(PreprocessConfig.DEFAULTS.withMaxWords(40));
    static final Dataset DATA = SyntheticReviews.dataset(60, 40, 7);

    @BeforeAll
    static void model() throws IOException {
        // 24 positions: reviews of more than 22 pieces get truncated.
        modelDir = TinyBertDir.write(dir.resolve("tiny"), 16, 2, 24, 11);
        model = BertModel.load(modelDir);
        tokenizer = BertTokenizer.fromDirectory(modelDir);
        checksum = ModelChecksum.of(modelDir);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static ReviewEmbedder embedder(TextPreprocessor pre) {
        return new ReviewEmbedder(model, tokenizer, pre, "tiny", checksum);
    }

    @Test
    void storesTheMeanOfEachLemmasPiecesAndReadsThemBack() throws IOException {
        Path cache = dir.resolve("a.cache");
        ReviewEmbedder.Report r = embedder(PRE).embed(DATA, cache, 4, false, null, null);
        assertEquals(DATA.size(), r.reviews());
        assertEquals(DATA.size(), r.embedded());
        assertEquals(2, r.emptyReviews());
        assertTrue(r.truncatedReviews() > 10, "truncated " + r.truncatedReviews());
        assertEquals(DATA.size(), r.entries());
        try (CachedReviewVectors vectors = CachedReviewVectors.open(cache, DATA, PRE.settingsFingerprint())) {
            assertEquals(16, vectors.dim());
            assertEquals(2, vectors.emptyReviews());
            int checked = 0;
            for (int k = 0; k < DATA.size(); k++) {
                List<String> lemmas = PRE.lemmas(DATA.title(k), DATA.text(k));
                LemmaMatrix m = vectors.get(k);
                if (k <= 1) {
                    assertNull(m, "review " + k + " has no lemma");
                    continue;
                }
                assertNotNull(m);
                // The same review alone through BERT, pieces pooled by hand.
                LemmaPieces p = LemmaPieces.of(lemmas, tokenizer, 24);
                assertArrayEquals(p.lemmas(), m.lemmas());
                assertTrue(p.length() <= 24);
                BertOutput out = model.forward(new int[][] {p.ids()}, null);
                for (int j = 0; j < p.size(); j++) {
                    for (int c = 0; c < 16; c++) {
                        double mean = 0;
                        for (int t = p.starts()[j]; t < p.ends()[j]; t++) mean += out.hidden(0, t, c);
                        mean /= p.ends()[j] - p.starts()[j];
                        assertEquals(mean, m.vectors()[j * 16 + c], 1e-4, "review " + k + " lemma " + j + " dim " + c);
                    }
                }
                checked++;
            }
            assertEquals(DATA.size() - 2, checked);
        }
        // A second run finds everything.
        ReviewEmbedder.Report again = embedder(PRE).embed(DATA, cache, 4, false, null, null);
        assertEquals(0, again.embedded());
        assertEquals(DATA.size(), again.alreadyCached());
        assertEquals(0, again.batchesRun());
    }

    @Test
    void aCorruptedOrMissingEntryIsEmbeddedAgainToTheSameBytes() throws IOException {
        Path cache = dir.resolve("b.cache");
        embedder(PRE).embed(DATA, cache, 4, true, null, null);
        ReviewKey keys = new ReviewKey(checksum, PRE.settingsFingerprint());
        byte[] victim = keys.of(DATA.userId(DATA.user(5)), DATA.itemId(DATA.item(5)), DATA.title(5), DATA.text(5));
        byte[] original;
        CacheHeader header = embedder(PRE).header(true);
        try (EmbeddingCache c = EmbeddingCache.openForWriting(cache, header, 1, 1, 1)) {
            original = c.rawValue(victim);
            byte[] torn = original.clone();
            torn[torn.length / 2] ^= 0x40;   // as if the write had been cut
            c.put(victim, torn);
        }
        IOException e = assertThrows(IOException.class, () -> CachedReviewVectors.open(cache, DATA));
        assertTrue(e.getMessage().contains("1 are corrupted") && e.getMessage().contains("embed-reviews"), e.getMessage());

        ReviewEmbedder.Report r = embedder(PRE).embed(DATA, cache, 4, true, null, null);
        assertEquals(1, r.embedded());
        assertEquals(1, r.batchesRun());
        try (EmbeddingCache c = EmbeddingCache.openForReading(cache)) {
            assertArrayEquals(original, c.rawValue(victim));
        }
        // A dataset with a review the cache has never seen: a clear error naming it.
        Dataset more = SyntheticReviews.dataset(61, 40, 7);
        IOException missing = assertThrows(IOException.class, () -> CachedReviewVectors.open(cache, more));
        assertTrue(missing.getMessage().contains("1 of 61 reviews are not in the cache")
                && missing.getMessage().contains("./drex embed-reviews"), missing.getMessage());
    }

    @Test
    void fp16IsHalfTheSizeOfFp32AndWithinHalfPrecision() throws IOException {
        Path c16 = dir.resolve("c16.cache");
        Path c32 = dir.resolve("c32.cache");
        embedder(PRE).embed(DATA, c16, 8, true, null, null);
        embedder(PRE).embed(DATA, c32, 8, false, null, null);
        try (CachedReviewVectors a = CachedReviewVectors.open(c16, DATA); CachedReviewVectors b = CachedReviewVectors.open(c32, DATA)) {
            for (int k = 2; k < DATA.size(); k++) {
                float[] x = a.get(k).vectors();
                float[] y = b.get(k).vectors();
                for (int i = 0; i < x.length; i++) assertEquals(y[i], x[i], Math.abs(y[i]) * 0x1p-11f + 1e-7f);
            }
        }
    }

    @Test
    void foreignCachesFailNamingTheFileAndTheDifference() throws IOException {
        Path cache = dir.resolve("d.cache");
        embedder(PRE).embed(DATA, cache, 8, true, null, null);

        // another preprocessing setting
        TextPreprocessor other = new TextPreprocessor(PreprocessConfig.DEFAULTS.withMaxWords(20));
        CacheException pre = assertThrows(CacheException.class, () -> embedder(other).embed(DATA, cache, 8, true, null, null));
        assertTrue(pre.getMessage().contains(cache.toString()) && pre.getMessage().contains("preprocessing")
                && pre.getMessage().contains("maxWords=20"), pre.getMessage());
        // fp32 into an fp16 cache
        CacheException prec = assertThrows(CacheException.class, () -> embedder(PRE).embed(DATA, cache, 8, false, null, null));
        assertTrue(prec.getMessage().contains("precision: cache stores fp16, wanted fp32"), prec.getMessage());
        // another model (same shapes, other weights)
        Path otherDir = TinyBertDir.write(dir.resolve("tiny2"), 16, 2, 24, 12);
        try (BertModel m2 = BertModel.load(otherDir)) {
            ReviewEmbedder e2 = new ReviewEmbedder(m2, tokenizer, PRE, "tiny2", ModelChecksum.of(otherDir));
            CacheException model = assertThrows(CacheException.class, () -> e2.embed(DATA, cache, 8, true, null, null));
            assertTrue(model.getMessage().contains("model: cache has 'tiny'") && model.getMessage().contains("'tiny2'"),
                    model.getMessage());
        }
        // the failed attempts left the cache usable
        try (CachedReviewVectors v = CachedReviewVectors.open(cache, DATA)) {
            assertNotNull(v.get(3));
        }

        // random bytes
        Path junk = dir.resolve("junk.cache");
        byte[] bytes = new byte[200_000];
        new SplittableRandom(3).nextBytes(bytes);
        Files.write(junk, bytes);
        CacheException w = assertThrows(CacheException.class, () -> embedder(PRE).embed(DATA, junk, 8, true, null, null));
        assertTrue(w.getMessage().startsWith(junk.toAbsolutePath().toString()) && w.getMessage().contains("not a readable drex embedding cache"),
                w.getMessage());
        CacheException r = assertThrows(CacheException.class, () -> CachedReviewVectors.open(junk, DATA));
        assertTrue(r.getMessage().contains("not a readable drex embedding cache"), r.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(junk), "a foreign file is never modified");
        // absent
        CacheException absent = assertThrows(CacheException.class, () -> CachedReviewVectors.open(dir.resolve("none.cache"), DATA));
        assertTrue(absent.getMessage().contains("no embedding cache at") && absent.getMessage().contains("embed-reviews"),
                absent.getMessage());
    }

    @Test
    void modelChecksumIsCachedInASidecarAndFollowsTheFile() throws IOException {
        Path d = TinyBertDir.write(dir.resolve("tiny3"), 16, 2, 24, 13);
        String first = ModelChecksum.of(d);
        Path sidecar = d.resolve(ModelChecksum.SIDECAR);
        assertTrue(Files.isRegularFile(sidecar));
        assertEquals(first, ModelChecksum.of(d));
        // A sidecar for another size/mtime is ignored.
        Files.writeString(sidecar, "sha256 " + "0".repeat(64) + " size 1 mtime 1\n");
        assertEquals(first, ModelChecksum.of(d));
        // Rewriting the weights (other seed) changes the checksum; so does the vocabulary.
        TinyBertDir.write(d, 16, 2, 24, 14);
        Files.setLastModifiedTime(d.resolve("model.safetensors"), java.nio.file.attribute.FileTime.fromMillis(123_000));
        String second = ModelChecksum.of(d);
        assertTrue(!second.equals(first));
        Files.writeString(d.resolve("vocab.txt"), "\n[extra]", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(!ModelChecksum.of(d).equals(second));
    }
}
