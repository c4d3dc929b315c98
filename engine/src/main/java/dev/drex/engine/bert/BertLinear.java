package dev.drex.engine.bert;

import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.kernels.Gemm.PackedB;
import java.lang.foreign.MemorySegment;

/**
 * The weight of one linear layer, W [out, in] (Hugging Face layout), applied as
 * {@code y = x W^T + beta y}: x (n, in) -> y (n, out), written at a column offset of y so several
 * projections can fill one wider output (Q, K and V side by side).
 *
 * <p>Two storages, the same product:
 * <ul>
 *   <li>mapped: W is a little-endian float32 {@link MemorySegment}, normally a slice of the
 *       memory-mapped safetensors file; each GEMM packs its B micro-panels from it into the
 *       per-thread packing buffers ({@link Gemm#sgemm(boolean, boolean, int, int, int, float,
 *       float[], int, int, MemorySegment, long, int, float, float[], int, int)}). No heap copy;</li>
 *   <li>pre-packed: W^T packed once into the kernel's panel order ({@link PackedB}), either in a
 *       memory-mapped sidecar file (read in place, no heap copy) or on the heap; no packing per call.</li>
 * </ul>
 */
final class BertLinear {

    private final int out, in;
    private final MemorySegment mapped; // [out, in], null when packed
    private final PackedB packed;       // op(B) = W^T (in, out), null when mapped

    private BertLinear(int out, int in, MemorySegment mapped, PackedB packed) {
        this.out = out;
        this.in = in;
        this.mapped = mapped;
        this.packed = packed;
    }

    /** W [out, in] read in place from a little-endian float32 segment of exactly out * in floats. */
    static BertLinear mapped(MemorySegment weight, int out, int in) {
        if (weight.byteSize() != (long) out * in * Float.BYTES) {
            throw new IllegalArgumentException("linear weight [" + out + ", " + in + "] needs " + (long) out * in * Float.BYTES
                    + " bytes, segment has " + weight.byteSize());
        }
        return new BertLinear(out, in, weight, null);
    }

    /** W^T pre-packed (its k = in, n = out). */
    static BertLinear packed(PackedB weightTransposed) {
        return new BertLinear(weightTransposed.n(), weightTransposed.k(), null, weightTransposed);
    }

    /** Output features. */
    int out() {
        return out;
    }

    /** Floats this weight holds on the heap (0 when read from a mapped file); counted by the caller for pre-packed weights. */
    long heapFloats() {
        return packed == null ? (mapped.isNative() ? 0 : (long) out * in) : (long) out * in;
    }

    /** y[:, yCol:yCol+out] = x W^T + beta y[:, yCol:yCol+out]; x (n, in) with stride in, y with stride ldy. */
    void apply(float[] x, int n, float beta, float[] y, int yCol, int ldy) {
        if (packed != null) {
            Gemm.sgemm(false, n, 1f, x, 0, in, packed, beta, y, yCol, ldy);
        } else {
            Gemm.sgemm(false, true, n, out, in, 1f, x, 0, in, mapped, 0, in, beta, y, yCol, ldy);
        }
    }
}
