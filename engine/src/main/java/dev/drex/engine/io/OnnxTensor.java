package dev.drex.engine.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One ONNX {@code TensorProto} initializer: name, element type, dims, and its data, either the
 * little-endian {@code raw_data} bytes or the {@code float_data} values (kept as a zero-copy slice).
 *
 * @param dataType ONNX {@code TensorProto.DataType}: 1 FLOAT, 6 INT32, 7 INT64, 10 FLOAT16, 11 DOUBLE ...
 */
public record OnnxTensor(String name, int dataType, long[] dims, MemorySegment data, boolean packedFloatData,
                         Path file) {

    public static final int FLOAT = 1;

    private static final ValueLayout.OfFloat FLOAT_LE =
            ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    public long elementCount() {
        long n = 1;
        for (long d : dims) n = Math.multiplyExact(n, d);
        return n;
    }

    /** The dims as ints (all BERT dims fit). */
    public int[] shape() {
        int[] s = new int[dims.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.toIntExact(dims[i]);
        return s;
    }

    /** The values of a FLOAT tensor, row-major; fails naming the tensor on a type or size mismatch. */
    public float[] floats() throws CheckpointFormatException {
        String at = file + ": initializer '" + name + "'";
        if (dataType != FLOAT) {
            throw new CheckpointFormatException(at + ": expected data_type 1 (FLOAT), found " + dataType);
        }
        long n = elementCount();
        long bytes = data == null ? 0 : data.byteSize();
        if (bytes != n * 4) {
            throw new CheckpointFormatException(at + ": dims " + Arrays.toString(dims) + " need " + n * 4
                    + " bytes of data, found " + bytes);
        }
        return data.toArray(FLOAT_LE);
    }

    /**
     * Parses a TensorProto. Repeated {@code float_data} may come packed (one length-delimited
     * field) or, from old writers, as single fixed32 fields; the latter are rejected as unsupported.
     */
    static OnnxTensor parse(ProtoReader in, Path file) throws CheckpointFormatException {
        String name = "";
        int dataType = 0;
        long[] dims = new long[0];
        MemorySegment raw = null;
        MemorySegment floatData = null;
        long location = 0;
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> {
                    long[] more = in.readRepeatedVarint(tag);
                    long[] all = Arrays.copyOf(dims, dims.length + more.length);
                    System.arraycopy(more, 0, all, dims.length, more.length);
                    dims = all;
                }
                case 2 -> dataType = (int) in.readVarint();
                case 4 -> {
                    if (ProtoReader.wireType(tag) != ProtoReader.LENGTH_DELIMITED) {
                        throw new CheckpointFormatException(file + ": initializer '" + name
                                + "': unpacked float_data is not supported");
                    }
                    floatData = in.readBytes();
                }
                case 8 -> name = in.readString();
                case 9 -> raw = in.readBytes();
                case 14 -> location = in.readVarint();
                default -> in.skip(tag);
            }
        }
        if (location == 1) {
            throw new CheckpointFormatException(file + ": initializer '" + name
                    + "' keeps its data in an external file; only self-contained models are supported");
        }
        for (long d : dims) {
            if (d < 0) throw new CheckpointFormatException(file + ": initializer '" + name + "' has dims " + Arrays.toString(dims));
        }
        boolean packed = raw == null && floatData != null;
        return new OnnxTensor(name, dataType, dims, raw != null ? raw : floatData, packed, file);
    }
}
