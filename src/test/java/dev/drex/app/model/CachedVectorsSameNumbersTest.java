package dev.drex.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.drex.app.data.Dataset;
import dev.drex.app.embed.CacheHeader;
import dev.drex.app.embed.EmbeddingCache;
import dev.drex.app.embed.EntryCodec;
import dev.drex.app.embed.ReviewKey;
import dev.drex.app.features.CachedReviewVectors;
import dev.drex.app.features.RandomLemmaVectors;
import dev.drex.app.features.ReviewVectors;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory review vectors of {@link CachedReviewVectors} against reading the Chronicle Map for every
 * review of every batch (the earlier path): an fp16 cache of Musical Instruments (random lemma vectors of
 * width 24, so every dot product has a tail) gives the same floats for every interaction, and one epoch of
 * DReX on each gives the same bits.
 */
class CachedVectorsSameNumbersTest {

    /** Writes an fp16 cache with a review entry (possibly empty) for every interaction of the split's dataset. */
    private static Path writeCache(Path dir, int dim) throws Exception {
        Dataset data = MusicalInstruments.split().dataset();
        RandomLemmaVectors source = new RandomLemmaVectors(data, new TextPreprocessor(PreprocessConfig.DEFAULTS), dim, 3);
        String fingerprint = new TextPreprocessor(PreprocessConfig.DEFAULTS).settingsFingerprint();
        CacheHeader header = new CacheHeader(CacheHeader.FORMAT, "random-" + dim, "checksum", dim, true, fingerprint, 512);
        ReviewKey keys = new ReviewKey(header.modelChecksum(), header.preprocess());
        Path file = dir.resolve("mi.cache");
        try (EmbeddingCache cache = EmbeddingCache.openForWriting(file, header, data.size() + 1L, 3000, 64 * 1024)) {
            for (int k = 0; k < data.size(); k++) {
                byte[] key = keys.of(data.userId(data.user(k)), data.itemId(data.item(k)), data.title(k), data.text(k));
                ReviewVectors.LemmaMatrix m = source.get(k);
                cache.put(key, m == null ? EntryCodec.encodeReview(key, new String[0], new float[0], dim, true)
                        : EntryCodec.encodeReview(key, m.lemmas(), m.vectors(), dim, true));
            }
        }
        return file;
    }

    /** The cache read the earlier way: every call goes to the map (rows and copyVectors through get). */
    private static ReviewVectors mapOnly(CachedReviewVectors cache) {
        return new ReviewVectors() {
            public int dim() {
                return cache.dim();
            }

            public LemmaMatrix get(int k) {
                return cache.get(k);
            }
        };
    }

    @Test
    void inMemoryVectorsEqualTheMapsAndTrainToTheSameBits(@TempDir Path dir) throws Exception {
        int dim = 24;
        Path file = writeCache(dir, dim);
        Dataset data = MusicalInstruments.split().dataset();
        try (CachedReviewVectors cache = CachedReviewVectors.open(file, data)) {
            ReviewVectors map = mapOnly(cache);
            int withReview = 0;
            for (int k = 0; k < data.size(); k++) {
                ReviewVectors.LemmaMatrix m = cache.get(k);
                assertEquals(m == null ? 0 : m.rows(), cache.rows(k), "rows of interaction " + k);
                if (m == null) continue;
                withReview++;
                float[] copy = new float[m.vectors().length];
                cache.copyVectors(k, copy, 0);
                for (int i = 0; i < copy.length; i++) {
                    if (Float.floatToRawIntBits(copy[i]) != Float.floatToRawIntBits(m.vectors()[i])) {
                        fail("interaction " + k + " value " + i + ": in memory " + copy[i] + ", in the map " + m.vectors()[i]);
                    }
                }
            }
            assertEquals(data.size() - cache.emptyReviews(), withReview);
            DrexConfig config = DrexConfig.defaults().withEpochs(1).withMinEpochs(0);
            SameNumbersTest.assertSameBits(SameNumbersTest.train(config, map, false, 1), SameNumbersTest.train(config, cache, true, 2),
                    "in-memory vectors and side-by-side folds on 2 threads vs the map and one graph on 1 thread");
        }
    }
}
