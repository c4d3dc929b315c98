package dev.drex.engine.ops;

/**
 * TEMPORARY scalar stand-in for {@code dev.drex.engine.kernels.Reductions} (same signatures), used until
 * the {@code kernels} branch lands; then this file is deleted and the real kernel imported.
 */
final class Reductions {
    private Reductions() {}

    static float sum(float[] x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += x[off + i];
        return (float) s;
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += (double) a[aOff + i] * b[bOff + i];
        return (float) s;
    }

    static void sumRowsInto(float[] x, int xOff, int rows, int cols, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[outOff + c] += x[xOff + r * cols + c];
    }
}
