package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import dev.drex.app.features.RandomLemmaVectors;
import dev.drex.app.features.ReviewVectors;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import java.io.PrintStream;

/**
 * Where a run's review vectors come from, as the CLI spells it ({@code --vectors}): {@code cache} (the
 * encoder's embedding cache filled by {@code ./drex embed-reviews}), {@code cache:PATH}, or {@code random}
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
        throw new IllegalArgumentException("the " + encoder + " review-vector cache is not yet available: run ./drex embed-reviews first"
                + " (or pass --vectors random for the stand-in, or --no-reviews)");
    }
}
