package dev.drex.engine.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over protocol-buffer wire-format bytes: just enough of the encoding to read
 * TensorFlow's {@code BundleEntryProto} and ONNX's {@code ModelProto} without a protobuf library.
 *
 * <p>Wire format (protobuf "Encoding" doc): a message is a sequence of fields, each a varint tag
 * {@code (fieldNumber << 3) | wireType} followed by a payload whose form the wire type gives:
 * 0 = varint, 1 = fixed 64-bit little-endian, 2 = length-delimited (varint length, then bytes:
 * strings, bytes, nested messages, packed repeated scalars), 5 = fixed 32-bit little-endian.
 * Groups (3, 4) are obsolete and rejected.
 *
 * <p>Byte payloads are returned as slices of the underlying segment, never copied, so a 90 MB
 * initializer in a memory-mapped ONNX file costs nothing until it is read.
 */
public final class ProtoReader {

    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LENGTH_DELIMITED = 2;
    public static final int FIXED32 = 5;

    private static final ValueLayout.OfInt INT_LE =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG_LE =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment data;
    private final String context;
    private long position;

    /**
     * @param data    the message bytes (the reader covers all of them)
     * @param context what these bytes are, for error messages, e.g. {@code "model.onnx: TensorProto"}
     */
    public ProtoReader(MemorySegment data, String context) {
        this.data = data;
        this.context = context;
    }

    public ProtoReader(byte[] data, String context) {
        this(MemorySegment.ofArray(data), context);
    }

    /** True while unread fields remain. */
    public boolean hasMore() {
        return position < data.byteSize();
    }

    /** Reads the next field's tag; see {@link #fieldNumber} and {@link #wireType}. */
    public int readTag() throws CheckpointFormatException {
        long tag = readVarint();
        if (tag >>> 32 != 0 || (tag >>> 3) == 0) {
            throw error("invalid field tag " + tag);
        }
        return (int) tag;
    }

    public static int fieldNumber(int tag) {
        return tag >>> 3;
    }

    public static int wireType(int tag) {
        return tag & 7;
    }

    /** Reads a base-128 varint (at most 10 bytes), low groups first. */
    public long readVarint() throws CheckpointFormatException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= data.byteSize()) {
                throw error("varint runs past the end of the message");
            }
            byte b = data.get(ValueLayout.JAVA_BYTE, position++);
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw error("varint longer than 10 bytes");
    }

    public int readFixed32() throws CheckpointFormatException {
        require(4, "fixed32");
        int v = data.get(INT_LE, position);
        position += 4;
        return v;
    }

    public long readFixed64() throws CheckpointFormatException {
        require(8, "fixed64");
        long v = data.get(LONG_LE, position);
        position += 8;
        return v;
    }

    /** Reads a length-delimited payload and returns it as a slice (no copy). */
    public MemorySegment readBytes() throws CheckpointFormatException {
        long length = readVarint();
        if (length < 0 || length > data.byteSize() - position) {
            throw error("length-delimited field of " + length + " bytes but only "
                    + (data.byteSize() - position) + " bytes remain");
        }
        MemorySegment slice = data.asSlice(position, length);
        position += length;
        return slice;
    }

    /** Reads exactly {@code length} raw bytes (no length prefix), as a copy. */
    public byte[] readFixedBytes(long length) throws CheckpointFormatException {
        if (length < 0 || length > data.byteSize() - position) {
            throw error("expected " + length + " bytes but only " + (data.byteSize() - position) + " remain");
        }
        byte[] bytes = data.asSlice(position, length).toArray(ValueLayout.JAVA_BYTE);
        position += length;
        return bytes;
    }

    public String readString() throws CheckpointFormatException {
        return new String(readBytes().toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    /** Reads a nested message and returns a reader over it; {@code what} names it in errors. */
    public ProtoReader readMessage(String what) throws CheckpointFormatException {
        return new ProtoReader(readBytes(), context + " > " + what);
    }

    /** Skips the payload of a field whose tag has just been read. */
    public void skip(int tag) throws CheckpointFormatException {
        switch (wireType(tag)) {
            case VARINT -> readVarint();
            case FIXED64 -> readFixed64();
            case LENGTH_DELIMITED -> readBytes();
            case FIXED32 -> readFixed32();
            default -> throw error("unsupported wire type " + wireType(tag) + " in field " + fieldNumber(tag));
        }
    }

    /**
     * Reads one occurrence of a repeated varint field, which writers may emit unpacked (wire type 0,
     * one value) or packed (wire type 2, many values). Returns the values read.
     */
    public long[] readRepeatedVarint(int tag) throws CheckpointFormatException {
        if (wireType(tag) == VARINT) {
            return new long[] {readVarint()};
        }
        if (wireType(tag) != LENGTH_DELIMITED) {
            throw error("field " + fieldNumber(tag) + ": expected varint or packed varints, found wire type " + wireType(tag));
        }
        ProtoReader packed = new ProtoReader(readBytes(), context);
        long[] values = new long[8];
        int n = 0;
        while (packed.hasMore()) {
            if (n == values.length) values = java.util.Arrays.copyOf(values, n * 2);
            values[n++] = packed.readVarint();
        }
        return java.util.Arrays.copyOf(values, n);
    }

    /** Fails unless the tag has the given wire type. */
    public void expectWireType(int tag, int wireType, String fieldName) throws CheckpointFormatException {
        if (wireType(tag) != wireType) {
            throw error("field " + fieldName + " (#" + fieldNumber(tag) + "): expected wire type " + wireType
                    + ", found " + wireType(tag));
        }
    }

    private void require(long bytes, String what) throws CheckpointFormatException {
        if (data.byteSize() - position < bytes) {
            throw error(what + " runs past the end of the message");
        }
    }

    private CheckpointFormatException error(String message) {
        return new CheckpointFormatException(context + ": malformed protobuf at byte " + position + ": " + message);
    }
}
