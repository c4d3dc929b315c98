package dev.drex.app.features;

/**
 * The lemma-vector matrices of a dataset's reviews kept on the heap, one row-major [rows x dim] array per
 * interaction, in the precision the embedding cache stores: IEEE binary16 ({@code short}, 2 bytes a value)
 * or float32. Decoding fp16 to float ({@link Float#float16ToFloat}) is exact, so {@link #copy} gives the very
 * floats the cache's decoder gives. Filled once, then read-only: thread-safe for reads.
 */
final class ReviewMatrices {
    private final int dim;
    private final boolean fp16;
    private final short[][] half;
    private final float[][] full;
    private final int[] rows;
    private long totalRows;

    /** Room for {@code interactions} reviews of width {@code dim}, stored as fp16 or float32. */
    ReviewMatrices(int interactions, int dim, boolean fp16) {
        this.dim = dim;
        this.fp16 = fp16;
        this.half = fp16 ? new short[interactions][] : null;
        this.full = fp16 ? null : new float[interactions][];
        this.rows = new int[interactions];
    }

    /**
     * Stores interaction k's [n x dim] {@code vectors}. For fp16 the values must be fp16 values (as the cache
     * decoded them): converting back is then exact.
     */
    void put(int k, float[] vectors, int n) {
        if (vectors.length != n * dim) throw new IllegalArgumentException(vectors.length + " values for " + n + " x " + dim);
        rows[k] = n;
        totalRows += n;
        if (fp16) {
            short[] h = new short[vectors.length];
            for (int i = 0; i < h.length; i++) h[i] = Float.floatToFloat16(vectors[i]);
            half[k] = h;
        } else {
            full[k] = vectors.clone();
        }
    }

    /** Rows of interaction k's matrix, 0 when it has none. */
    int rows(int k) {
        return rows[k];
    }

    /** Interaction k's matrix as floats into dst from off (nothing when it has none). */
    void copy(int k, float[] dst, int off) {
        if (fp16) {
            short[] h = half[k];
            if (h == null) return;
            for (int i = 0; i < h.length; i++) dst[off + i] = Float.float16ToFloat(h[i]);
        } else if (full[k] != null) {
            System.arraycopy(full[k], 0, dst, off, full[k].length);
        }
    }

    long totalRows() {
        return totalRows;
    }

    /** Heap taken by the values. */
    long bytes() {
        return totalRows * dim * (fp16 ? 2L : 4L);
    }
}
