package dev.drex.engine.io;

import java.util.Arrays;

/**
 * One tensor of a TensorFlow tensor bundle, decoded from its {@code BundleEntryProto}
 * (tensorflow/core/protobuf/tensor_bundle.proto):
 * <pre>
 *   1 dtype (DataType enum)   2 shape (TensorShapeProto: repeated 2 dim { 1 size int64 })
 *   3 shard_id int32          4 offset int64   5 size int64 (bytes in the shard's .data file)
 *   6 crc32c fixed32 (masked CRC-32C of the tensor's bytes)    7 slices (partitioned variables)
 * </pre>
 *
 * @param name        the variable name, e.g. {@code bert/encoder/layer_0/attention/self/query/kernel}
 * @param dtype       the element type
 * @param shape       dimensions, outermost first (row-major data)
 * @param shardId     which {@code .data-NNNNN-of-MMMMM} file holds the bytes
 * @param offset      byte offset in that file
 * @param size        byte count in that file
 * @param maskedCrc32c the stored checksum, masked as in {@link MaskedCrc32c}
 * @param sliced      true if the entry describes a partitioned variable (not supported for reading)
 */
public record TfBundleEntry(String name, TfDataType dtype, long[] shape, int shardId, long offset, long size,
                            int maskedCrc32c, boolean sliced) {

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long elementCount() {
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape);
    }

    /**
     * Decodes a BundleEntryProto.
     *
     * @param context names the file and tensor for error messages
     */
    static TfBundleEntry parse(String name, byte[] proto, String context) throws CheckpointFormatException {
        ProtoReader in = new ProtoReader(proto, context);
        TfDataType dtype = TfDataType.INVALID;
        long[] shape = new long[0];
        int shard = 0;
        long offset = 0;
        long size = 0;
        int crc = 0;
        boolean sliced = false;
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> {
                    long code = in.readVarint();
                    dtype = TfDataType.fromCode(code);
                    if (dtype == null) throw new CheckpointFormatException(context + ": unknown dtype code " + code);
                }
                case 2 -> shape = parseShape(in.readMessage("shape"), context);
                case 3 -> shard = (int) in.readVarint();
                case 4 -> offset = in.readVarint();
                case 5 -> size = in.readVarint();
                case 6 -> {
                    in.expectWireType(tag, ProtoReader.FIXED32, "crc32c");
                    crc = in.readFixed32();
                }
                case 7 -> {
                    sliced = true;
                    in.skip(tag);
                }
                default -> in.skip(tag);
            }
        }
        return new TfBundleEntry(name, dtype, shape, shard, offset, size, crc, sliced);
    }

    private static long[] parseShape(ProtoReader in, String context) throws CheckpointFormatException {
        long[] dims = new long[0];
        while (in.hasMore()) {
            int tag = in.readTag();
            if (ProtoReader.fieldNumber(tag) == 2) {
                ProtoReader dim = in.readMessage("dim");
                long size = 0;
                while (dim.hasMore()) {
                    int t = dim.readTag();
                    if (ProtoReader.fieldNumber(t) == 1) size = dim.readVarint();
                    else dim.skip(t);
                }
                if (size < 0) throw new CheckpointFormatException(context + ": dimension " + dims.length + " is " + size);
                dims = Arrays.copyOf(dims, dims.length + 1);
                dims[dims.length - 1] = size;
            } else if (ProtoReader.fieldNumber(tag) == 3 && in.readVarint() != 0) {
                throw new CheckpointFormatException(context + ": shape has unknown rank");
            } else if (ProtoReader.fieldNumber(tag) != 3) {
                in.skip(tag);
            }
        }
        return dims;
    }
}
