package dev.drex.engine.kernels;

/**
 * Scalar twin of {@link ReductionsSimd}: sequential float accumulation, left to right. See
 * {@link Reductions} for the contract and the accuracy of each method.
 */
public final class ReductionsScalar {
    private ReductionsScalar() {}

    public static float sum(float[] x, int off, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) s += x[off + i];
        return s;
    }

    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) s = Math.fma(a[aOff + i], b[bOff + i], s);
        return s;
    }

    public static float max(float[] x, int off, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    public static float sumSquares(float[] x, int off, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) s = Math.fma(x[off + i], x[off + i], s);
        return s;
    }

    public static void sumRowsInto(float[] x, int xOff, int rows, int cols, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) ElementwiseScalar.add(out, outOff, x, xOff + r * cols, out, outOff, cols);
    }
}
