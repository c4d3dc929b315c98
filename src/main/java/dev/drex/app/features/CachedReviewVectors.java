package dev.drex.app.features;

import dev.drex.app.data.Dataset;
import dev.drex.app.embed.CacheException;
import dev.drex.app.embed.EmbeddingCache;
import dev.drex.app.embed.ReviewKey;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link ReviewVectors} read from the embedding cache that {@code ./drex embed-reviews} filled: interaction
 * {@code k} of the dataset is looked up under its {@link ReviewKey} (the cache header's model checksum and
 * preprocessing fingerprint, the pair's ids, the title and text), and its fp16 or fp32 vectors are returned
 * as floats. Every interaction is checked at {@link #open}: a review absent from the cache is an error
 * telling to run embed-reviews, never a silent gap. Thread-safe for reads; close when done.
 */
public final class CachedReviewVectors implements ReviewVectors, AutoCloseable {

    private final EmbeddingCache cache;
    private final byte[][] keys;
    private final int emptyReviews;

    private CachedReviewVectors(EmbeddingCache cache, byte[][] keys, int emptyReviews) {
        this.cache = cache;
        this.keys = keys;
        this.emptyReviews = emptyReviews;
    }

    /** {@link #open(Path, Dataset, String)} without checking the preprocessing settings. */
    public static CachedReviewVectors open(Path cacheFile, Dataset data) throws IOException {
        return open(cacheFile, data, null);
    }

    /**
     * Opens {@code cacheFile} for {@code data}.
     *
     * @param preprocessFingerprint if not null, the {@code TextPreprocessor.settingsFingerprint()} the cache
     *                              must have been made with
     * @throws CacheException naming the file: absent, interrupted, foreign, other preprocessing, a corrupted
     *                        entry, or reviews missing (with how many and the first one)
     */
    public static CachedReviewVectors open(Path cacheFile, Dataset data, String preprocessFingerprint) throws IOException {
        EmbeddingCache cache;
        try {
            cache = EmbeddingCache.openForReading(cacheFile);
        } catch (CacheException e) {
            throw new CacheException(e.getMessage() + "; run ./drex embed-reviews --data ... --model ... --cache "
                    + cacheFile + " first", e);
        }
        try {
            if (preprocessFingerprint != null && !preprocessFingerprint.equals(cache.header().preprocess())) {
                throw new CacheException(cacheFile + " was made with preprocessing '" + cache.header().preprocess()
                        + "', wanted '" + preprocessFingerprint + "'");
            }
            ReviewKey keyOf = new ReviewKey(cache.header().modelChecksum(), cache.header().preprocess());
            byte[][] keys = new byte[data.size()][];
            int missing = 0;
            int corrupt = 0;
            int empty = 0;
            int firstBad = -1;
            EmbeddingCache.Status firstStatus = null;
            ReviewVectors.LemmaMatrix[] out = new ReviewVectors.LemmaMatrix[1];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = keyOf.of(data.userId(data.user(k)), data.itemId(data.item(k)), data.title(k), data.text(k));
                out[0] = null;
                EmbeddingCache.Status s = cache.read(keys[k], out);
                if (s == EmbeddingCache.Status.PRESENT) {
                    if (out[0] == null) empty++;
                    continue;
                }
                if (s == EmbeddingCache.Status.ABSENT) missing++;
                else corrupt++;
                if (firstBad < 0) {
                    firstBad = k;
                    firstStatus = s;
                }
            }
            if (firstBad >= 0) {
                throw new CacheException(cacheFile + ": " + missing + " of " + keys.length + " reviews are not in the cache"
                        + (corrupt > 0 ? " and " + corrupt + " are corrupted" : "") + " (first: interaction " + firstBad
                        + " at " + data.source(firstBad) + ", " + firstStatus.name().toLowerCase() + "); run ./drex "
                        + "embed-reviews --data <these review files> --model " + cache.header().modelName() + " --cache "
                        + cacheFile + " to add them");
            }
            return new CachedReviewVectors(cache, keys, empty);
        } catch (IOException | RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    @Override
    public int dim() {
        return cache.header().dim();
    }

    @Override
    public LemmaMatrix get(int k) {
        LemmaMatrix[] out = new LemmaMatrix[1];
        EmbeddingCache.Status s = cache.read(keys[k], out);
        if (s != EmbeddingCache.Status.PRESENT) {
            throw new IllegalStateException(cache.file() + ": review of interaction " + k + " became " + s
                    + " after open (was the cache rewritten while reading?)");
        }
        return out[0];
    }

    /** Number of interactions whose review has no usable lemma ({@link #get} returns null for them). */
    public int emptyReviews() {
        return emptyReviews;
    }

    /** The cache's header (model, precision, preprocessing). */
    public dev.drex.app.embed.CacheHeader header() {
        return cache.header();
    }

    @Override
    public void close() throws IOException {
        cache.close();
    }
}
