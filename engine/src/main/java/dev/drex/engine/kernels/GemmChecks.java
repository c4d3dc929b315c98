package dev.drex.engine.kernels;

import java.lang.foreign.MemorySegment;

/** Argument validation shared by the SGEMM entry points: clear errors instead of wrong sums. */
final class GemmChecks {

    private GemmChecks() {}

    /** Throws {@link IllegalArgumentException} naming the matrix whose shape or storage is wrong. */
    static void check(boolean transA, boolean transB, int m, int n, int k,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        // A stored (m,k) or (k,m); B stored (k,n) or (n,k); C stored (m,n).
        matrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        matrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        matrix("C", c, cOff, ldc, m, n);
    }

    /** Checks that a stored (rows, cols) matrix with row stride ld fits in the array from off. */
    static void matrix(String name, float[] x, int off, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) return;
        if (x == null) throw new IllegalArgumentException("sgemm: matrix " + name + " is null");
        if (ld < cols) {
            throw new IllegalArgumentException("sgemm: matrix " + name + " has row stride " + ld
                    + " smaller than its " + cols + " columns");
        }
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || last > x.length) {
            throw new IllegalArgumentException("sgemm: matrix " + name + " (" + rows + "x" + cols + ", offset " + off
                    + ", stride " + ld + ") needs " + last + " floats but its array has " + x.length);
        }
    }

    /** {@link #check} for a B operand held as float32 in a segment, {@code byteOff} bytes in. */
    static void check(boolean transA, boolean transB, int m, int n, int k,
            float[] a, int aOff, int lda, MemorySegment b, long byteOff, int ldb, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        matrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        segment("B", b, byteOff, ldb, transB ? n : k, transB ? k : n);
        matrix("C", c, cOff, ldc, m, n);
    }

    /** Checks that a stored (rows, cols) float32 matrix with row stride ld fits in the segment from byteOff. */
    static void segment(String name, MemorySegment x, long byteOff, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) return;
        if (x == null) throw new IllegalArgumentException("sgemm: matrix " + name + " is null");
        if (ld < cols) {
            throw new IllegalArgumentException("sgemm: matrix " + name + " has row stride " + ld
                    + " smaller than its " + cols + " columns");
        }
        long lastByte = byteOff + ((long) (rows - 1) * ld + cols) * Float.BYTES;
        if (byteOff < 0 || lastByte > x.byteSize()) {
            throw new IllegalArgumentException("sgemm: matrix " + name + " (" + rows + "x" + cols + ", byte offset "
                    + byteOff + ", stride " + ld + ") needs " + lastByte + " bytes but its segment has " + x.byteSize());
        }
    }
}
