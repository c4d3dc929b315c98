package dev.drex.engine.kernels;

/**
 * Reductions over flat float arrays, dispatching to {@link ReductionsSimd} or, with
 * {@code -Ddrex.simd=false}, to {@link ReductionsScalar}.
 *
 * <p>Precision: everything accumulates in float. The rounding error of a float sum of n terms is
 * bounded by about n * 2^-24 * sum |x_i| (sequential) and is typically far smaller with the SIMD
 * twin's 2L independent partial sums. That is ample for the row lengths of a network (n up to ~10^5:
 * softmax rows, LayerNorm rows, a batch of bias gradients). Use double (not these kernels) when
 * summing millions of terms, when terms cancel heavily (a loss summed over a whole epoch, a mean
 * subtracted from large values), or when the result feeds a comparison of nearly equal quantities.
 */
public final class Reductions {
    private Reductions() {}

    /** sum_i x[i] over n elements; 0 for n = 0. */
    public static float sum(float[] x, int off, int n) {
        return Simd.ENABLED ? ReductionsSimd.sum(x, off, n) : ReductionsScalar.sum(x, off, n);
    }

    /** sum_i a[i] b[i], with fused multiply-adds; 0 for n = 0. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return Simd.ENABLED ? ReductionsSimd.dot(a, aOff, b, bOff, n) : ReductionsScalar.dot(a, aOff, b, bOff, n);
    }

    /** max_i x[i]; -Infinity for n = 0. Exact (order does not matter). */
    public static float max(float[] x, int off, int n) {
        return Simd.ENABLED ? ReductionsSimd.max(x, off, n) : ReductionsScalar.max(x, off, n);
    }

    /** sum_i x[i]^2; 0 for n = 0. */
    public static float sumSquares(float[] x, int off, int n) {
        return Simd.ENABLED ? ReductionsSimd.sumSquares(x, off, n) : ReductionsScalar.sumSquares(x, off, n);
    }

    /**
     * out[c] += sum_r x[r, c]: x (rows, cols) -> out (cols), the gradient of a bias broadcast over rows.
     * Each column is a sequential float sum over rows in both twins, so the twins agree exactly.
     */
    public static void sumRowsInto(float[] x, int xOff, int rows, int cols, float[] out, int outOff) {
        if (Simd.ENABLED) ReductionsSimd.sumRowsInto(x, xOff, rows, cols, out, outOff);
        else ReductionsScalar.sumRowsInto(x, xOff, rows, cols, out, outOff);
    }
}
