package dev.drex.engine.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test-side encoders that build, byte by byte, the formats the readers parse: protobuf fields, a
 * LevelDB table, a TensorFlow tensor bundle. Written from the format descriptions, independently
 * of the readers, so a shared misunderstanding would show up as a failing interop test.
 */
final class TestBytes {

    private TestBytes() {}

    /** A protobuf message under construction. */
    static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            tag(field, 0);
            writeVarint(out, value);
            return this;
        }

        Proto fixed32(int field, int value) {
            tag(field, 5);
            for (int i = 0; i < 4; i++) out.write(value >>> (8 * i));
            return this;
        }

        Proto bytes(int field, byte[] value) {
            tag(field, 2);
            writeVarint(out, value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.toBytes());
        }

        private void tag(int field, int wireType) {
            writeVarint(out, ((long) field << 3) | wireType);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }

    static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    static byte[] varints(long... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long v : values) writeVarint(out, v);
        return out.toByteArray();
    }

    /** Block contents: prefix-compressed entries, a restart point every {@code restartInterval} entries. */
    static byte[] block(List<Map.Entry<byte[], byte[]>> entries, int restartInterval) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> restarts = new java.util.ArrayList<>();
        byte[] previous = new byte[0];
        for (int i = 0; i < entries.size(); i++) {
            byte[] key = entries.get(i).getKey();
            byte[] value = entries.get(i).getValue();
            int shared = 0;
            if (i % restartInterval == 0) {
                restarts.add(out.size());
            } else {
                while (shared < Math.min(previous.length, key.length) && previous[shared] == key[shared]) shared++;
            }
            writeVarint(out, shared);
            writeVarint(out, key.length - shared);
            writeVarint(out, value.length);
            out.write(key, shared, key.length - shared);
            out.writeBytes(value);
            previous = key;
        }
        ByteBuffer tail = ByteBuffer.allocate(4 * restarts.size() + 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int r : restarts) tail.putInt(r);
        tail.putInt(restarts.size());
        out.writeBytes(tail.array());
        return out.toByteArray();
    }

    /** Appends contents + trailer (type byte, masked crc32c of contents and type) and returns the handle. */
    static byte[] appendBlock(ByteArrayOutputStream file, byte[] contents, int compressionType) {
        long offset = file.size();
        file.writeBytes(contents);
        byte[] withType = java.util.Arrays.copyOf(contents, contents.length + 1);
        withType[contents.length] = (byte) compressionType;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(withType);
        int c = (int) crc.getValue();
        int masked = ((c >>> 15) | (c << 17)) + 0xa282ead8;
        file.write(compressionType);
        file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(masked).array());
        return varints(offset, contents.length);
    }

    /**
     * A whole LevelDB table: the sorted entries split into data blocks of {@code perBlock} entries,
     * an empty metaindex block, an index block, and the 48-byte footer.
     */
    static byte[] table(List<Map.Entry<byte[], byte[]>> sorted, int perBlock, int compressionType) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<Map.Entry<byte[], byte[]>> index = new java.util.ArrayList<>();
        for (int start = 0; start < sorted.size(); start += perBlock) {
            List<Map.Entry<byte[], byte[]>> chunk = sorted.subList(start, Math.min(sorted.size(), start + perBlock));
            byte[] handle = appendBlock(file, block(chunk, 3), compressionType);
            index.add(Map.entry(chunk.get(chunk.size() - 1).getKey(), handle)); // last key separates blocks
        }
        byte[] metaHandle = appendBlock(file, block(List.of(), 16), 0);
        byte[] indexHandle = appendBlock(file, block(index, 1), 0);
        ByteBuffer footer = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        footer.put(metaHandle).put(indexHandle);
        footer.position(40);
        footer.putLong(0xdb4775248b80fb57L);
        file.writeBytes(footer.array());
        return file.toByteArray();
    }

    /** One float tensor of a hand-built bundle. */
    record Tensor(String name, long[] shape, float[] values) {}

    /**
     * Writes a one-shard bundle {@code prefix.index} + {@code prefix.data-00000-of-00001} holding
     * the tensors (sorted by name as TensorFlow writes them), with correct sizes and checksums.
     */
    static void writeBundle(Path prefix, List<Tensor> tensors) throws java.io.IOException {
        List<Tensor> sorted = new java.util.ArrayList<>(tensors);
        sorted.sort(java.util.Comparator.comparing(Tensor::name));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<Map.Entry<byte[], byte[]>> entries = new java.util.ArrayList<>();
        Proto header = new Proto().varint(1, 1).varint(2, 0).message(3, new Proto().varint(1, 1));
        entries.add(Map.entry(new byte[0], header.toBytes()));
        for (Tensor t : sorted) {
            ByteBuffer bytes = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : t.values()) bytes.putFloat(v);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes.array());
            int c = (int) crc.getValue();
            Proto shape = new Proto();
            for (long d : t.shape()) shape.message(2, new Proto().varint(1, d));
            Proto entry = new Proto().varint(1, 1).message(2, shape);
            if (data.size() > 0) entry.varint(4, data.size()); // proto3: zero offset is omitted
            entry.varint(5, bytes.capacity()).fixed32(6, ((c >>> 15) | (c << 17)) + 0xa282ead8);
            entries.add(Map.entry(t.name().getBytes(StandardCharsets.UTF_8), entry.toBytes()));
            data.writeBytes(bytes.array());
        }
        Files.write(prefix.resolveSibling(prefix.getFileName() + ".index"), table(entries, 4, 0));
        Files.write(prefix.resolveSibling(prefix.getFileName() + ".data-00000-of-00001"), data.toByteArray());
    }
}
