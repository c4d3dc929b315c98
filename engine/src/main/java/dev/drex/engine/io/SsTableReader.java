package dev.drex.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads every key/value pair of an immutable sorted table in the LevelDB format, which is what a
 * TensorFlow tensor bundle's {@code .index} file is (TensorFlow's {@code lib/io/table} is a port of
 * LevelDB's table; see LevelDB {@code doc/table_format.md}).
 *
 * <p>Layout of the file:
 * <pre>
 *   [data block 0] ... [data block n-1] [meta blocks] [metaindex block] [index block] [footer]
 *   footer (48 bytes) = metaindex BlockHandle, index BlockHandle, zero padding to 40 bytes,
 *                       magic 0xdb4775248b80fb57 (fixed64, little-endian)
 *   BlockHandle       = offset varint64, size varint64
 *   each block        = contents (size bytes), then a 5-byte trailer:
 *                       compression type (1 byte: 0 none, 1 snappy),
 *                       masked CRC-32C of contents + type byte (fixed32)
 *   block contents    = entries, then restart offsets (fixed32 each), then their count (fixed32)
 *   entry             = shared varint32, unshared varint32, value length varint32,
 *                       key bytes after the shared prefix, value bytes
 * </pre>
 * The index block maps a separator key of each data block to that block's BlockHandle. Index files
 * are small (kilobytes), so the whole file is read into memory and every pair is returned in order.
 * Every block checksum is verified. Snappy-compressed blocks are refused with a clear message:
 * TensorFlow writes bundle indexes uncompressed.
 */
public final class SsTableReader {

    /** One key/value pair; keys are raw bytes (TensorFlow uses UTF-8 tensor names). */
    public record Entry(byte[] key, byte[] value) {}

    static final long MAGIC = 0xdb4775248b80fb57L;
    static final int FOOTER_SIZE = 48;
    static final int TRAILER_SIZE = 5;

    private final byte[] file;
    private final String name;

    private SsTableReader(byte[] file, String name) {
        this.file = file;
        this.name = name;
    }

    /** Reads every pair of the table file at {@code path}, in key order. */
    public static List<Entry> readAll(Path path) throws IOException {
        return readAll(Files.readAllBytes(path), path.toString());
    }

    /** Reads every pair of a table held in {@code bytes}; {@code name} names it in errors. */
    public static List<Entry> readAll(byte[] bytes, String name) throws CheckpointFormatException {
        return new SsTableReader(bytes, name).entries();
    }

    private List<Entry> entries() throws CheckpointFormatException {
        if (file.length < FOOTER_SIZE) {
            throw error("file is " + file.length + " bytes, smaller than the " + FOOTER_SIZE + "-byte table footer");
        }
        ByteBuffer le = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long magic = le.getLong(file.length - 8);
        if (magic != MAGIC) {
            throw error(String.format("bad table magic: expected 0x%016x, found 0x%016x (not a LevelDB/TensorFlow table)",
                    MAGIC, magic));
        }
        ProtoReader footer = new ProtoReader(Arrays.copyOfRange(file, file.length - FOOTER_SIZE, file.length - 8),
                name + ": footer");
        footer.readVarint(); // metaindex offset: no meta blocks are needed
        footer.readVarint(); // metaindex size
        long indexOffset = footer.readVarint();
        long indexSize = footer.readVarint();
        byte[] index = block(indexOffset, indexSize, "index block");
        List<Entry> result = new ArrayList<>();
        for (Entry handle : blockEntries(index, "index block")) {
            ProtoReader h = new ProtoReader(handle.value(), name + ": block handle");
            long offset = h.readVarint();
            long size = h.readVarint();
            String what = "data block at offset " + offset;
            result.addAll(blockEntries(block(offset, size, what), what));
        }
        return result;
    }

    /** Returns a block's contents after checking bounds, compression type and checksum. */
    private byte[] block(long offset, long size, String what) throws CheckpointFormatException {
        long limit = file.length - FOOTER_SIZE;
        if (offset < 0 || size < 0 || offset + size + TRAILER_SIZE > limit) {
            throw error(what + ": block [" + offset + ", " + (offset + size) + ") plus its " + TRAILER_SIZE
                    + "-byte trailer does not fit before the footer at " + limit);
        }
        int start = (int) offset;
        int end = (int) (offset + size);
        int type = file[end] & 0xff;
        int stored = ByteBuffer.wrap(file, end + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int actual = MaskedCrc32c.crc32c(file, start, (int) size + 1); // contents + type byte
        if (MaskedCrc32c.unmask(stored) != actual) {
            throw error(String.format("%s: checksum mismatch: stored crc32c 0x%08x, computed 0x%08x",
                    what, MaskedCrc32c.unmask(stored), actual));
        }
        return switch (type) {
            case 0 -> Arrays.copyOfRange(file, start, end);
            case 1 -> throw error(what + ": block is snappy-compressed; only uncompressed tables are supported"
                    + " (TensorFlow writes bundle indexes uncompressed)");
            default -> throw error(what + ": unknown compression type " + type + " (expected 0 = none)");
        };
    }

    /** Decodes the prefix-compressed entries of one block. */
    private List<Entry> blockEntries(byte[] block, String what) throws CheckpointFormatException {
        if (block.length < 4) {
            throw error(what + ": " + block.length + " bytes, too small for a restart count");
        }
        ByteBuffer le = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        long restarts = Integer.toUnsignedLong(le.getInt(block.length - 4));
        long entriesEnd = block.length - 4 - 4 * restarts;
        if (restarts == 0 || entriesEnd < 0) {
            throw error(what + ": restart count " + restarts + " does not fit a block of " + block.length + " bytes");
        }
        ProtoReader in = new ProtoReader(Arrays.copyOf(block, (int) entriesEnd), name + ": " + what);
        List<Entry> entries = new ArrayList<>();
        byte[] key = new byte[0];
        while (in.hasMore()) {
            long shared = in.readVarint();
            long unshared = in.readVarint();
            long valueLength = in.readVarint();
            if (shared > key.length) {
                throw error(what + ": entry " + entries.size() + " shares " + shared
                        + " key bytes but the previous key has only " + key.length);
            }
            byte[] suffix = in.readFixedBytes(unshared);
            byte[] next = Arrays.copyOf(key, (int) (shared + unshared));
            System.arraycopy(suffix, 0, next, (int) shared, suffix.length);
            key = next;
            entries.add(new Entry(key, in.readFixedBytes(valueLength)));
        }
        return entries;
    }

    private CheckpointFormatException error(String message) {
        return new CheckpointFormatException(name + ": " + message);
    }
}
