package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import dev.drex.app.features.RandomLemmaVectors;
import dev.drex.app.features.ReviewVectors;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import dev.drex.app.features.CachedReviewVectors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run's review vectors come from, as the CLI spells it ({@code --vectors}): {@code cache:PATH} (the
 * embedding cache {@code ./drex embed-reviews --cache PATH} filled, read through {@link CachedReviewVectors};
 * bare {@code cache} is an error asking for the path), or {@code random}
 * (a STAND-IN of seeded random unit vectors per lemma, for tests and dry runs; see {@link RandomLemmaVectors}).
 */
public final class VectorsSource {

    private VectorsSource() {
    }

    /** Fails unless {@code spec} is one of the accepted forms. */
    public static void check(String spec) {
        if (!spec.equals("random") && !spec.equals("cache") && !spec.startsWith("cache:")) {
            throw new IllegalArgumentException("--vectors must be cache, cache:PATH or random, got '" + spec + "'");
        }
    }

    /** {@code spec} with a cache path made absolute (what a run directory records). */
    public static String absolute(String spec) {
        check(spec);
        return spec.startsWith("cache:") ? "cache:" + Path.of(spec.substring("cache:".length())).toAbsolutePath().normalize() : spec;
    }

    /**
     * The review vectors of every interaction of {@code data}.
     *
     * @param randomDim width of the random stand-in
     * @param seed      seed of the random stand-in
     * @param log       where to say which vectors are used (null: silent)
     */
    public static ReviewVectors open(String spec, Dataset data, String encoder, int randomDim, long seed, PrintStream log) {
        check(spec);
        if (spec.equals("random")) {
            if (log != null) log.printf("review vectors: RANDOM STAND-IN (dim %d), not %s: numbers are not the paper's%n", randomDim, encoder);
            return new RandomLemmaVectors(data, new TextPreprocessor(PreprocessConfig.DEFAULTS), randomDim, seed);
        }
        if (spec.equals("cache")) {
            throw new IllegalArgumentException("--vectors cache needs the cache file: pass --vectors cache:PATH with the PATH given to "
                    + "./drex embed-reviews --cache (run ./drex embed-reviews --data ... --model " + encoder + " --cache PATH first), "
                    + "or --vectors random for the stand-in, or --no-reviews");
        }
        Path file = Path.of(spec.substring("cache:".length()));
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("review-vector cache " + file + " does not exist: run ./drex embed-reviews --data ... --model "
                    + encoder + " --cache " + file + " first (or pass --vectors random for the stand-in, or --no-reviews)");
        }
        try {
            CachedReviewVectors v = CachedReviewVectors.open(file, data, null, log);
            if (log != null) {
                log.printf("review vectors: %s (%s, dim %d, %d reviews without a usable lemma)%n", file, v.header().modelName(), v.dim(),
                        v.emptyReviews());
            }
            return v;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot use review-vector cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** Closes {@code v} when it holds a file open (the cache). */
    public static void close(ReviewVectors v) throws IOException {
        if (v instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
