package dev.drex.engine.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a TensorFlow tensor bundle (the checkpoint format of {@code tf.train.Saver} V2 and of
 * SavedModel {@code variables/}): a prefix {@code P} names the files {@code P.index} (a LevelDB
 * table, see {@link SsTableReader}, mapping tensor names to {@link TfBundleEntry} protos, with the
 * empty key holding a {@code BundleHeaderProto}) and {@code P.data-00000-of-0000N} (the raw
 * little-endian tensor bytes, concatenated).
 *
 * <p>Data files are memory-mapped; {@link #segment} is a zero-copy view valid until {@link #close}.
 * {@link #readFloats} checks the entry's size against its shape and dtype, the range against the
 * data file, and the masked CRC-32C of the bytes, and names the tensor when any check fails.
 */
public final class TfBundleReader implements AutoCloseable {

    private final Path prefix;
    private final int numShards;
    private final Map<String, TfBundleEntry> entries;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] shards;

    private TfBundleReader(Path prefix, int numShards, Map<String, TfBundleEntry> entries) {
        this.prefix = prefix;
        this.numShards = numShards;
        this.entries = entries;
        this.shards = new MemorySegment[numShards];
    }

    /**
     * Opens the bundle with the given prefix, e.g. {@code saved_model/variables/variables}.
     * Reads the whole index; data files are mapped on first use.
     */
    public static TfBundleReader open(Path prefix) throws IOException {
        Path index = indexPath(prefix);
        if (!Files.isRegularFile(index)) {
            throw new CheckpointFormatException(index + ": tensor bundle index not found");
        }
        int numShards = -1;
        Map<String, TfBundleEntry> entries = new LinkedHashMap<>();
        for (SsTableReader.Entry e : SsTableReader.readAll(index)) {
            String name = new String(e.key(), StandardCharsets.UTF_8);
            if (name.isEmpty()) {
                numShards = parseHeader(e.value(), index + ": BundleHeaderProto");
            } else {
                entries.put(name, TfBundleEntry.parse(name, e.value(), index + ": tensor '" + name + "'"));
            }
        }
        if (numShards < 1) {
            throw new CheckpointFormatException(index + ": no BundleHeaderProto (empty key) with num_shards >= 1");
        }
        for (TfBundleEntry entry : entries.values()) {
            if (entry.shardId() < 0 || entry.shardId() >= numShards) {
                throw new CheckpointFormatException(index + ": tensor '" + entry.name() + "' is in shard "
                        + entry.shardId() + " but the bundle has " + numShards + " shard(s)");
            }
        }
        return new TfBundleReader(prefix, numShards, entries);
    }

    /** Parses BundleHeaderProto {1 num_shards int32, 2 endianness (0 LITTLE, 1 BIG), 3 version} -> num_shards. */
    private static int parseHeader(byte[] proto, String context) throws CheckpointFormatException {
        ProtoReader in = new ProtoReader(proto, context);
        int numShards = 0;
        long endianness = 0;
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> numShards = (int) in.readVarint();
                case 2 -> endianness = in.readVarint();
                default -> in.skip(tag);
            }
        }
        if (endianness != 0) {
            throw new CheckpointFormatException(context + ": big-endian bundles are not supported (endianness "
                    + endianness + ", expected 0 = LITTLE)");
        }
        return numShards;
    }

    public static Path indexPath(Path prefix) {
        return prefix.resolveSibling(prefix.getFileName() + ".index");
    }

    /** The data file of one shard: {@code P.data-SSSSS-of-NNNNN}. */
    public Path dataPath(int shard) {
        return prefix.resolveSibling(String.format("%s.data-%05d-of-%05d", prefix.getFileName(), shard, numShards));
    }

    /** Every tensor entry, in the index's (sorted) order. */
    public List<TfBundleEntry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }

    /** The entry of one tensor; fails naming it if absent. */
    public TfBundleEntry entry(String name) throws CheckpointFormatException {
        TfBundleEntry e = entries.get(name);
        if (e == null) {
            throw new CheckpointFormatException(indexPath(prefix) + ": no tensor named '" + name + "'");
        }
        return e;
    }

    /**
     * A zero-copy view of a tensor's bytes after checking its size and range (not its checksum;
     * see {@link #verifyChecksum}). Valid until {@link #close}.
     */
    public MemorySegment segment(String name) throws IOException {
        TfBundleEntry e = entry(name);
        String where = dataPath(e.shardId()) + ": tensor '" + name + "'";
        if (e.sliced()) {
            throw new CheckpointFormatException(where + " is a partitioned (sliced) variable; not supported");
        }
        if (e.dtype().byteSize() == 0) {
            throw new CheckpointFormatException(where + " has variable-size dtype " + e.dtype() + "; not supported");
        }
        long expected = Math.multiplyExact(e.elementCount(), (long) e.dtype().byteSize());
        if (e.size() != expected) {
            throw new CheckpointFormatException(where + ": shape " + java.util.Arrays.toString(e.shape()) + " of "
                    + e.dtype() + " needs " + expected + " bytes but the index records " + e.size());
        }
        MemorySegment shard = shard(e.shardId());
        if (e.offset() < 0 || e.offset() + e.size() > shard.byteSize()) {
            throw new CheckpointFormatException(where + ": expected " + e.size() + " bytes at offset " + e.offset()
                    + " (ending at " + (e.offset() + e.size()) + ") but the data file has only " + shard.byteSize()
                    + " bytes (truncated?)");
        }
        return shard.asSlice(e.offset(), e.size());
    }

    /** Checks the masked CRC-32C of a tensor's bytes against the index; fails naming the tensor. */
    public void verifyChecksum(String name) throws IOException {
        TfBundleEntry e = entry(name);
        int actual = MaskedCrc32c.crc32c(segment(name));
        int stored = MaskedCrc32c.unmask(e.maskedCrc32c());
        if (actual != stored) {
            throw new CheckpointFormatException(String.format(
                    "%s: tensor '%s': crc32c mismatch: index records 0x%08x, data bytes give 0x%08x (corrupt file?)",
                    dataPath(e.shardId()), name, stored, actual));
        }
    }

    /** Reads a FLOAT tensor (row-major, shape as in {@link #entry}) after verifying size and checksum. */
    public float[] readFloats(String name) throws IOException {
        TfBundleEntry e = entry(name);
        if (e.dtype() != TfDataType.FLOAT) {
            throw new CheckpointFormatException(dataPath(e.shardId()) + ": tensor '" + name + "': expected dtype FLOAT, found "
                    + e.dtype());
        }
        if (e.elementCount() > Integer.MAX_VALUE - 8) {
            throw new CheckpointFormatException(dataPath(e.shardId()) + ": tensor '" + name + "' has "
                    + e.elementCount() + " elements, too many for one float[]");
        }
        MemorySegment bytes = segment(name);
        verifyChecksum(name);
        return bytes.toArray(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN));
    }

    private synchronized MemorySegment shard(int shard) throws IOException {
        if (shards[shard] == null) {
            Path path = dataPath(shard);
            if (!Files.isRegularFile(path)) {
                throw new CheckpointFormatException(path + ": tensor bundle data file not found");
            }
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                shards[shard] = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            }
        }
        return shards[shard];
    }

    @Override
    public void close() {
        arena.close();
    }
}
