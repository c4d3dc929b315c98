package dev.drex.app.features;

/**
 * Per-review lemma vectors from the frozen encoder (spec, "Review features" steps 1-2): for each
 * interaction of a {@link dev.drex.app.data.Dataset}, the review's lemmas and their [n x dim] matrix.
 *
 * <p>Implementations: the persisted embedding cache (Chronicle Map, filled by {@code ./drex embed-reviews}),
 * and in-memory ones for tests. Thread-safe for reads.
 */
public interface ReviewVectors {

    /** Width of each lemma vector (768 for bert-base, 384 for MiniLM). */
    int dim();

    /**
     * The vectors of interaction {@code k}'s review, or null when it has no usable review (empty text,
     * or every word removed by preprocessing): the review modality is then missing.
     */
    LemmaMatrix get(int k);

    /** Number of lemma rows of interaction {@code k}'s review, 0 when it has none ({@link #get} is null). */
    default int rows(int k) {
        LemmaMatrix m = get(k);
        return m == null ? 0 : m.rows();
    }

    /**
     * Copies interaction {@code k}'s [rows(k) x dim] vectors, row-major, into {@code dst} from {@code off}: the
     * values of {@code get(k).vectors()}, without building the lemma strings (what training reads, many times
     * per epoch). Does nothing when k has no review.
     */
    default void copyVectors(int k, float[] dst, int off) {
        LemmaMatrix m = get(k);
        if (m != null) System.arraycopy(m.vectors(), 0, dst, off, m.vectors().length);
    }

    /** A review's lemmas and their vectors, row-major: row j of {@code vectors} belongs to {@code lemmas[j]}. */
    record LemmaMatrix(String[] lemmas, float[] vectors, int dim) {
        public LemmaMatrix {
            if (lemmas.length == 0) throw new IllegalArgumentException("a lemma matrix needs at least one lemma");
            if (vectors.length != lemmas.length * dim) {
                throw new IllegalArgumentException(lemmas.length + " lemmas x " + dim + " != " + vectors.length + " values");
            }
        }

        public int rows() {
            return lemmas.length;
        }
    }
}
