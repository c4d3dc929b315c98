package dev.drex.engine.io;

/**
 * The TensorFlow {@code DataType} enum values a tensor bundle may hold (tensorflow/core/framework/
 * types.proto), with their element size in bytes; 0 marks variable-size types (strings).
 * Only {@link #FLOAT} tensors are read as floats; the rest are listed so errors can name them.
 */
public enum TfDataType {
    INVALID(0, 0), FLOAT(1, 4), DOUBLE(2, 8), INT32(3, 4), UINT8(4, 1), INT16(5, 2), INT8(6, 1),
    STRING(7, 0), COMPLEX64(8, 8), INT64(9, 8), BOOL(10, 1), BFLOAT16(14, 2), HALF(19, 2);

    private final int code;
    private final int byteSize;

    TfDataType(int code, int byteSize) {
        this.code = code;
        this.byteSize = byteSize;
    }

    /** Bytes per element, 0 for variable-size types. */
    public int byteSize() {
        return byteSize;
    }

    /** The enum for a proto value, or {@code null} if this reader does not know it. */
    public static TfDataType fromCode(long code) {
        for (TfDataType t : values()) {
            if (t.code == code) return t;
        }
        return null;
    }
}
