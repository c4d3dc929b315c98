package dev.drex.app.features;

import dev.drex.app.data.Dataset;
import dev.drex.app.embed.CacheException;
import dev.drex.app.embed.EmbeddingCache;
import dev.drex.app.embed.ReviewKey;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@link ReviewVectors} read from the embedding cache that {@code ./drex embed-reviews} filled: interaction
 * {@code k} of the dataset is looked up under its {@link ReviewKey} (the cache header's model checksum and
 * preprocessing fingerprint, the pair's ids, the title and text), and its fp16 or fp32 vectors are returned
 * as floats. Every interaction is checked at {@link #open}: a review absent from the cache is an error
 * telling to run embed-reviews, never a silent gap. Thread-safe for reads; close when done.
 *
 * <p>In memory: {@link #open} reads every review once and keeps its vectors on the heap in the cache's own
 * precision ({@link ReviewMatrices}: 2 bytes a value for fp16, 4 for fp32), so that {@link #rows} and
 * {@link #copyVectors}, which training calls for every history review of every batch, never touch the map
 * again. Heap needed: rows x dim x 2 bytes in all for an fp16 cache (Musical Instruments: 431,944 lemma rows,
 * x 384 for MiniLM = 332 MB, x 768 for bert-base = 664 MB; the launcher's default -Xmx8g is ample, and a
 * MiniLM training run fits in -Xmx1g). {@link #get} (lemmas and vectors, for
 * explanations) still reads the map.
 */
public final class CachedReviewVectors implements ReviewVectors, AutoCloseable {

    private final EmbeddingCache cache;
    private final byte[][] keys;
    private final int emptyReviews;
    private final ReviewMatrices matrices;

    private CachedReviewVectors(EmbeddingCache cache, byte[][] keys, int emptyReviews, ReviewMatrices matrices) {
        this.cache = cache;
        this.keys = keys;
        this.emptyReviews = emptyReviews;
        this.matrices = matrices;
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
        return open(cacheFile, data, preprocessFingerprint, null);
    }

    /**
     * As {@link #open(Path, Dataset, String)}, printing a progress line to {@code progress} (null: silent) while
     * the reviews are read into memory when that takes over 2 s, and a summary line at the end.
     */
    public static CachedReviewVectors open(Path cacheFile, Dataset data, String preprocessFingerprint, PrintStream progress)
            throws IOException {
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
            ReviewMatrices matrices = new ReviewMatrices(keys.length, cache.header().dim(), cache.header().fp16());
            LoadProgress bar = new LoadProgress(progress, "reading review vectors into memory", keys.length);
            for (int k = 0; k < keys.length; k++) {
                keys[k] = keyOf.of(data.userId(data.user(k)), data.itemId(data.item(k)), data.title(k), data.text(k));
                out[0] = null;
                EmbeddingCache.Status s = cache.read(keys[k], out);
                bar.advance(k + 1);
                if (s == EmbeddingCache.Status.PRESENT) {
                    if (out[0] == null) empty++;
                    else matrices.put(k, out[0].vectors(), out[0].rows());
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
            bar.finish(String.format("review vectors in memory: %,d reviews, %,d lemma rows x %d, %,.0f MB (%s)", keys.length - empty,
                    matrices.totalRows(), cache.header().dim(), matrices.bytes() / 1e6, cache.header().fp16() ? "fp16" : "fp32"));
            return new CachedReviewVectors(cache, keys, empty, matrices);
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

    @Override
    public int rows(int k) {
        return matrices.rows(k);
    }

    /** The in-memory copy, decoded (fp16 to float is exact): the same values as {@code get(k).vectors()}. */
    @Override
    public void copyVectors(int k, float[] dst, int off) {
        matrices.copy(k, dst, off);
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
