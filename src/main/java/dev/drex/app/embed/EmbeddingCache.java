package dev.drex.app.embed;

import dev.drex.app.features.ReviewVectors.LemmaMatrix;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A persisted Chronicle Map from {@link ReviewKey review keys} (32 bytes) to sealed {@link EntryCodec
 * review values}, plus one {@link CacheHeader} entry saying which model, preprocessing and precision
 * made it.
 *
 * <p>Crash safety. A writer holds an exclusive lock on the marker file {@code FILE.writing}, which
 * exists from the moment a writer opens the cache until it closes it cleanly. A marker found at open
 * therefore means the last writer died (kill -9, power loss): the writer then opens the map with
 * Chronicle's {@code recoverPersistedTo}, which releases the dead process's segment locks and repairs
 * the segment tiers; a reader refuses the file and asks for the embedding run to be finished. Entries
 * are written whole (one {@code put} per finished review), and each carries a CRC-32C over key and value,
 * so an entry torn by the crash reads as missing and is embedded again.
 *
 * <p>One writer at a time (enforced by the lock); readers must not open a cache while it is being written.
 */
public final class EmbeddingCache implements AutoCloseable {

    private final Path file;
    private final ChronicleMap<byte[], byte[]> map;
    private final CacheHeader header;
    private final Path marker;
    private final FileChannel markerChannel;   // null for readers
    private final FileLock markerLock;
    private final boolean recovered;

    private EmbeddingCache(Path file, ChronicleMap<byte[], byte[]> map, CacheHeader header, Path marker,
                           FileChannel markerChannel, FileLock markerLock, boolean recovered) {
        this.file = file;
        this.map = map;
        this.header = header;
        this.marker = marker;
        this.markerChannel = markerChannel;
        this.markerLock = markerLock;
        this.recovered = recovered;
    }

    /** {@code FILE.writing}: present while a writer has the cache open (or after it died). */
    public static Path markerOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".writing");
    }

    /**
     * Opens {@code file} for adding reviews, creating it if absent, sized for {@code expectedEntries} values of
     * {@code averageValueBytes} on average and at most {@code maxValueBytes} each (Chronicle grows the entry
     * count up to 8x beyond that; the largest value is fixed at creation, through the chunk size: Chronicle
     * stores an entry in at most a few hundred chunks).
     *
     * @throws CacheException if another process is writing it, if it is not a drex embedding cache, or if
     *                        it was made with another model, preprocessing or precision than {@code wanted}
     */
    public static EmbeddingCache openForWriting(Path file, CacheHeader wanted, long expectedEntries,
                                                double averageValueBytes, long maxValueBytes) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) Files.createDirectories(absolute.getParent());
        Path marker = markerOf(absolute);
        boolean dirty = Files.exists(marker);
        FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;    // held by this very JVM
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new CacheException(file + " is being written by another embed-reviews process (lock " + marker + ")");
        }
        ChronicleMap<byte[], byte[]> map = null;
        try {
            boolean exists = Files.exists(absolute) && Files.size(absolute) > 0;
            ChronicleMapBuilder<byte[], byte[]> builder = builder(expectedEntries, averageValueBytes, maxValueBytes);
            try {
                map = openMap(absolute, exists && dirty ? "recover" : "open", builder);
            } catch (CacheException e) {
                if (!dirty) throw e;
                throw new CacheException(e.getMessage() + "; an interrupted run may have died while creating it: "
                        + "delete " + file + " and " + marker + " and run again", e);
            }
            CacheHeader header = readHeader(absolute, map);
            if (header == null) {
                if (map.size() != 0) throw new CacheException(file + " is a Chronicle Map without a drex embedding-cache header");
                map.put(CacheHeader.KEY, wanted.encode());
                header = wanted;
            }
            checkCompatible(file, header, wanted);
            return new EmbeddingCache(absolute, map, header, marker, channel, lock, exists && dirty);
        } catch (IOException | RuntimeException e) {
            if (map != null) map.close();
            if (!dirty) Files.deleteIfExists(marker);
            lock.release();
            channel.close();
            throw e;
        }
    }

    /**
     * Opens an existing cache for reading.
     *
     * @throws CacheException if it is absent, left incomplete by an interrupted writer, being written,
     *                        or not a drex embedding cache
     */
    public static EmbeddingCache openForReading(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) throw new CacheException("no embedding cache at " + file);
        Path marker = markerOf(absolute);
        if (Files.exists(marker)) {
            boolean running;
            try (FileChannel ch = FileChannel.open(marker, StandardOpenOption.WRITE); FileLock l = ch.tryLock()) {
                running = l == null;
            } catch (java.nio.channels.OverlappingFileLockException e) {
                running = true;     // held by this very JVM
            }
            throw new CacheException(file + (running ? " is being written by an embed-reviews process right now"
                    : " was left incomplete by an interrupted embed-reviews run") + " (marker " + marker + ")");
        }
        ChronicleMap<byte[], byte[]> map = openMap(absolute, "open", builder(1, 1024, 1024));
        try {
            CacheHeader header = readHeader(absolute, map);
            if (header == null) throw new CacheException(file + " is a Chronicle Map without a drex embedding-cache header");
            return new EmbeddingCache(absolute, map, header, marker, null, null, false);
        } catch (IOException | RuntimeException e) {
            map.close();
            throw e;
        }
    }

    /** Values of up to this many chunks fit (Chronicle's limit is about 500 with its default tier sizes). */
    private static final int MAX_CHUNKS_PER_VALUE = 256;

    /**
     * Entries per segment such that a segment tier holds at least 2 x {@link #MAX_CHUNKS_PER_VALUE} chunks
     * (Chronicle's chunks per tier are about entries per segment x average chunks per entry, and an entry
     * must fit in one tier), and at least 1/16 of all entries.
     */
    private static long entriesPerSegment(long entries, double averageValueBytes, int chunk) {
        double averageChunks = Math.max(1, (averageValueBytes + ReviewKey.BYTES) / chunk);
        long forBigValues = (long) Math.ceil(2 * MAX_CHUNKS_PER_VALUE / averageChunks);
        return Math.max(forBigValues, Math.max(16, entries / 16));
    }

    private static ChronicleMapBuilder<byte[], byte[]> builder(long entries, double averageValueBytes, long maxValueBytes) {
        int chunk = (int) Math.max(64, Math.min(1 << 20, (maxValueBytes + ReviewKey.BYTES + MAX_CHUNKS_PER_VALUE - 1) / MAX_CHUNKS_PER_VALUE));
        return ChronicleMap.of(byte[].class, byte[].class)
                .actualChunkSize(chunk)
                .maxChunksPerEntry(MAX_CHUNKS_PER_VALUE)
                .entriesPerSegment(entriesPerSegment(entries, averageValueBytes, chunk))
                .name("drex-embedding-cache")
                .constantKeySizeBySample(new byte[ReviewKey.BYTES])
                .averageValueSize(Math.max(64, averageValueBytes))
                .entries(Math.max(16, entries))
                .maxBloatFactor(8);
    }

    private static ChronicleMap<byte[], byte[]> openMap(Path file, String how, ChronicleMapBuilder<byte[], byte[]> builder)
            throws CacheException {
        try {
            return how.equals("recover") ? builder.recoverPersistedTo(file.toFile(), false) : builder.createPersistedTo(file.toFile());
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError vm) throw vm;
            throw new CacheException(file + " is not a readable drex embedding cache (Chronicle Map could not "
                    + how + " it: " + e + ")", e);
        }
    }

    private static CacheHeader readHeader(Path file, ChronicleMap<byte[], byte[]> map) throws CacheException {
        byte[] value = map.get(CacheHeader.KEY);
        if (value == null) return null;
        CacheHeader header = CacheHeader.decode(value);
        if (header == null) throw new CacheException(file + ": the embedding-cache header is corrupted");
        return header;
    }

    private static void checkCompatible(Path file, CacheHeader have, CacheHeader wanted) throws CacheException {
        List<String> d = have.differences(wanted);
        if (!d.isEmpty()) {
            throw new CacheException(file + " was made with other settings; use another --cache or delete it. "
                    + String.join("; ", d));
        }
    }

    /** Fails naming the file and the differences unless this cache was made as {@code wanted} describes. */
    public void requireCompatible(CacheHeader wanted) throws CacheException {
        checkCompatible(file, header, wanted);
    }

    public CacheHeader header() {
        return header;
    }

    public Path file() {
        return file;
    }

    /** True if the last writer had died and the map was recovered on open. */
    public boolean recovered() {
        return recovered;
    }

    /** Number of entries, the header included. */
    public long size() {
        return map.size();
    }

    /** True if the review {@code key} has a value whose checksum matches. */
    public boolean hasValid(byte[] key) {
        return EntryCodec.open(key, map.get(key)) != null;
    }

    /** The raw sealed value of {@code key}, or null (for tests comparing caches byte for byte). */
    public byte[] rawValue(byte[] key) {
        return map.get(key);
    }

    /** Entry outcome of {@link #read}. */
    public enum Status { PRESENT, ABSENT, CORRUPT }

    /**
     * Reads review {@code key} into {@code out[0]} (null for a review with no lemmas) and says whether it was
     * there; a value failing its checksum or shape check is {@link Status#CORRUPT}.
     */
    public Status read(byte[] key, LemmaMatrix[] out) {
        byte[] value = map.get(key);
        if (value == null) return Status.ABSENT;
        byte[] body = EntryCodec.open(key, value);
        if (body == null) return Status.CORRUPT;
        try {
            out[0] = EntryCodec.decodeReview(body, header.dim(), header.fp16());
            return Status.PRESENT;
        } catch (RuntimeException e) {
            return Status.CORRUPT;
        }
    }

    /** Stores a review's sealed value (see {@link EntryCodec#encodeReview}). */
    public void put(byte[] key, byte[] sealedValue) {
        if (markerChannel == null) throw new IllegalStateException(file + " is open for reading only");
        map.put(key, sealedValue);
    }

    /** Length of the cache file in bytes (Chronicle preallocates segments, so it exceeds the values' total). */
    public long fileBytes() throws IOException {
        return Files.size(file);
    }

    @Override
    public void close() throws IOException {
        map.close();
        if (markerChannel != null) {
            Files.deleteIfExists(marker);
            markerLock.release();
            markerChannel.close();
        }
    }
}
