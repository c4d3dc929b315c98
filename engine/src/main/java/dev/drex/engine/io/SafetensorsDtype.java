package dev.drex.engine.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The safetensors element types this engine reads, each converted to float on demand.
 * Data are little-endian (safetensors spec). Writing is always {@link #F32}.
 * <ul>
 *   <li>F32: IEEE-754 binary32.</li>
 *   <li>F16: IEEE-754 binary16 ({@link Float#float16ToFloat}).</li>
 *   <li>BF16: bfloat16, the top 16 bits of a binary32, so {@code float = bits << 16}.</li>
 * </ul>
 */
public enum SafetensorsDtype {
    F32(4), F16(2), BF16(2);

    private static final ValueLayout.OfFloat FLOAT_LE =
            ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT_LE =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final int byteSize;

    SafetensorsDtype(int byteSize) {
        this.byteSize = byteSize;
    }

    public int byteSize() {
        return byteSize;
    }

    /** The dtype for a header string, or {@code null} if unsupported. */
    public static SafetensorsDtype parse(String name) {
        for (SafetensorsDtype d : values()) {
            if (d.name().equals(name)) return d;
        }
        return null;
    }

    /**
     * Converts {@code count} elements of this dtype starting at element {@code from} of
     * {@code data} into {@code out[outOffset ..]}.
     */
    public void toFloats(MemorySegment data, long from, float[] out, int outOffset, int count) {
        switch (this) {
            case F32 -> MemorySegment.copy(data, FLOAT_LE, from * 4, out, outOffset, count);
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    out[outOffset + i] = Float.float16ToFloat(data.get(SHORT_LE, (from + i) * 2));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    out[outOffset + i] = Float.intBitsToFloat((data.get(SHORT_LE, (from + i) * 2) & 0xffff) << 16);
                }
            }
        }
    }
}
