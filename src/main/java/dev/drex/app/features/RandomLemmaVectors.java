package dev.drex.app.features;

import dev.drex.app.data.Dataset;
import dev.drex.tokenizer.text.TextPreprocessor;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A STAND-IN for the frozen-BERT lemma vectors, for tests and for runs before the embedding cache exists
 * (CLI: {@code --vectors random}, never the default): each distinct lemma gets a random unit vector of
 * width {@code dim}, drawn from a generator seeded by (seed, lemma), so a lemma's vector does not depend
 * on which other reviews were read. Lemmas come from {@link TextPreprocessor#lemmas} of each review's
 * title and text; a review with no lemma is missing (null).
 *
 * <p>The vectors carry no meaning beyond lemma identity: a model on them learns which lemmas matter
 * (through attention and W_t) like a bag-of-words model.
 */
public final class RandomLemmaVectors implements ReviewVectors {
    private final int dim;
    private final LemmaMatrix[] reviews;

    /** Preprocesses every review of {@code data} and builds its matrix. */
    public RandomLemmaVectors(Dataset data, TextPreprocessor preprocessor, int dim, long seed) {
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        this.dim = dim;
        this.reviews = new LemmaMatrix[data.size()];
        Map<String, float[]> table = new HashMap<>();
        for (int k = 0; k < data.size(); k++) {
            List<String> lemmas = preprocessor.lemmas(data.title(k), data.text(k));
            if (lemmas.isEmpty()) continue;
            float[] v = new float[lemmas.size() * dim];
            for (int j = 0; j < lemmas.size(); j++) {
                float[] e = table.computeIfAbsent(lemmas.get(j), w -> unitVector(w, dim, seed));
                System.arraycopy(e, 0, v, j * dim, dim);
            }
            reviews[k] = new LemmaMatrix(lemmas.toArray(new String[0]), v, dim);
        }
    }

    /** A random unit vector from a generator seeded by the lemma's 64-bit FNV-1a hash mixed with {@code seed}. */
    static float[] unitVector(String lemma, int dim, long seed) {
        long h = 0xcbf29ce484222325L;
        for (byte b : lemma.getBytes(StandardCharsets.UTF_8)) h = (h ^ (b & 0xff)) * 0x100000001b3L;
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(h ^ (seed * 0x9E3779B97F4A7C15L));
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) rng.nextGaussian();
            norm += (double) v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dim; i++) v[i] *= inv;
        return v;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public LemmaMatrix get(int k) {
        return reviews[k];
    }

    /** A view of {@code base} in which the listed interactions have no review (for missing-modality tests). */
    public static ReviewVectors without(ReviewVectors base, boolean[] removed) {
        return new ReviewVectors() {
            @Override
            public int dim() {
                return base.dim();
            }

            @Override
            public LemmaMatrix get(int k) {
                return removed[k] ? null : base.get(k);
            }
        };
    }
}
