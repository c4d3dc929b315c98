package dev.drex.engine.bert;

import dev.drex.engine.io.AtomicFiles;
import dev.drex.engine.io.SafetensorsReader;
import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.kernels.Gemm.PackedB;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A sidecar file holding a checkpoint's linear weights already packed in the GEMM kernel's panel
 * order ({@link PackedB}), memory-mapped so the GEMMs read it in place: no packing per forward
 * and no heap copy. It is derived data: written once, atomically ({@link AtomicFiles}: a reader
 * sees no file or a complete one), and rebuilt whenever it does not match its source.
 *
 * <p>Layout (little-endian): a header, then each packed weight at a 4096-byte aligned offset.
 * <pre>
 *   0   "DREXPACK"  magic                  36  int    entry count
 *   8   int   format version               40  long   file size in bytes
 *   12  int   panel width NR (the layout    48  long   entries: int keyLength, key (UTF-8), int out,
 *              depends on the vector width)            int in, int kc, long byteOffset
 *   16  long  source file size                  int    CRC-32C of the header bytes before it
 *   24  long  source modification time (ms)
 *   32  int   CRC-32C of the whole source file
 * </pre>
 * An entry {@code key} is the weight W [out, in] (Hugging Face layout; several source tensors
 * stacked along {@code out}, e.g. Q, K, V) stored as op(B) = W^T (in, out) packed with k blocks
 * {@code kc} deep. The file is used only if every field matches: format, panel width, the
 * source's size, modification time and content checksum, the requested entries (keys, shapes and
 * the kernel's current block depth) and the header checksum; anything else rebuilds it.
 */
final class PackedWeightsFile implements AutoCloseable {

    /** One weight to pack: W = the source tensors (each [rows_i, in]) stacked along rows, [out, in] in all. */
    record Entry(String key, List<String> sources, int out, int in) {}

    private static final byte[] MAGIC = "DREXPACK".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final long ALIGN = 4096;
    private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Path path;
    private final Arena arena;
    private final Map<String, PackedB> weights;
    private final boolean built;

    private PackedWeightsFile(Path path, Arena arena, Map<String, PackedB> weights, boolean built) {
        this.path = path;
        this.arena = arena;
        this.weights = weights;
        this.built = built;
    }

    /** The sidecar's file name for this machine's panel width (so machines with different vector widths do not clash). */
    static String fileName(Path weightsFile) {
        String name = weightsFile.getFileName().toString();
        String stem = name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
        return stem + ".packed-nr" + PackedB.panelWidth() + ".drex";
    }

    /**
     * Maps the sidecar {@code file} for these entries of the reader's checkpoint, building (or
     * rebuilding) it first when it is missing or does not match.
     *
     * @throws IOException if the file cannot be written or read
     */
    static PackedWeightsFile openOrBuild(SafetensorsReader reader, List<Entry> entries, Path file) throws IOException {
        Path source = reader.path();
        long size = Files.size(source), mtime = Files.getLastModifiedTime(source).toMillis();
        int crc = crc32c(source);
        byte[] header = header(entries, size, mtime, crc);
        boolean built = false;
        if (!matches(file, header)) {
            build(reader, entries, header, file);
            built = true;
        }
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            if (mapped.byteSize() != fileSize(header) || mapped.asSlice(0, header.length).mismatch(MemorySegment.ofArray(header)) != -1) {
                throw new IOException(file + ": packed weights changed while being opened (another process rebuilt them?)");
            }
            Map<String, PackedB> weights = new LinkedHashMap<>();
            long offset = dataStart(header.length);
            for (Entry e : entries) {
                long bytes = PackedB.byteSize(e.in(), e.out());
                weights.put(e.key(), PackedB.ofSegment(e.in(), e.out(), Gemm.blockDepth(e.in()), mapped.asSlice(offset, bytes)));
                offset = align(offset + bytes);
            }
            return new PackedWeightsFile(file, arena, weights, built);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The packed W^T of an entry. */
    PackedB get(String key) {
        PackedB b = weights.get(key);
        if (b == null) throw new IllegalArgumentException(path + ": no packed weight '" + key + "'");
        return b;
    }

    /** True if this open had to (re)build the file. */
    boolean built() {
        return built;
    }

    Path path() {
        return path;
    }

    /** Unmaps the file; the weights from {@link #get} must not be used afterwards. */
    @Override
    public void close() {
        arena.close();
    }

    /** The exact header bytes the file must start with. */
    private static byte[] header(List<Entry> entries, long sourceSize, long sourceMtime, int sourceCrc) {
        int bytes = 48 + 4;
        for (Entry e : entries) bytes += 4 + e.key().getBytes(StandardCharsets.UTF_8).length + 4 + 4 + 4 + 8;
        ByteBuffer h = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putInt(FORMAT_VERSION).putInt(PackedB.panelWidth()).putLong(sourceSize).putLong(sourceMtime)
                .putInt(sourceCrc).putInt(entries.size());
        long offset = dataStart(bytes);
        for (Entry e : entries) offset = align(offset + PackedB.byteSize(e.in(), e.out()));
        h.putLong(offset);
        offset = dataStart(bytes);
        for (Entry e : entries) {
            byte[] key = e.key().getBytes(StandardCharsets.UTF_8);
            h.putInt(key.length).put(key).putInt(e.out()).putInt(e.in()).putInt(Gemm.blockDepth(e.in())).putLong(offset);
            offset = align(offset + PackedB.byteSize(e.in(), e.out()));
        }
        CRC32C crc = new CRC32C();
        crc.update(h.array(), 0, h.position());
        h.putInt((int) crc.getValue());
        return h.array();
    }

    private static long fileSize(byte[] header) {
        return ByteBuffer.wrap(header, 40, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static long dataStart(int headerBytes) {
        return align(headerBytes);
    }

    private static long align(long x) {
        return (x + ALIGN - 1) / ALIGN * ALIGN;
    }

    /** True if {@code file} exists, has the expected size and starts with exactly {@code header}. */
    private static boolean matches(Path file, byte[] header) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != fileSize(header)) return false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer found = ByteBuffer.allocate(header.length);
            while (found.hasRemaining() && ch.read(found) >= 0) {
                // read until full or end of file
            }
            return !found.hasRemaining() && found.flip().equals(ByteBuffer.wrap(header));
        }
    }

    /** Packs every entry and writes header + panels atomically to {@code file}. */
    private static void build(SafetensorsReader reader, List<Entry> entries, byte[] header, Path file) throws IOException {
        AtomicFiles.write(file, ch -> {
            write(ch, ByteBuffer.wrap(header), 0);
            long offset = dataStart(header.length);
            for (Entry e : entries) {
                float[] w = new float[Math.multiplyExact(e.out(), e.in())];   // [out, in], sources stacked
                int row = 0;
                for (String name : e.sources()) {
                    float[] part = reader.readFloats(name);
                    if (part.length % e.in() != 0 || row * e.in() + part.length > w.length) {
                        throw new IOException(reader.path() + ": tensor '" + name + "' does not fit weight '" + e.key() + "' ["
                                + e.out() + ", " + e.in() + "]");
                    }
                    System.arraycopy(part, 0, w, row * e.in(), part.length);
                    row += part.length / e.in();
                }
                if (row != e.out()) {
                    throw new IOException(reader.path() + ": the sources of '" + e.key() + "' have " + row + " rows, expected " + e.out());
                }
                PackedB packed = Gemm.packB(true, e.in(), e.out(), w, 0, e.in());
                byte[] bytes = new byte[Math.toIntExact(PackedB.byteSize(e.in(), e.out()))];
                packed.copyTo(MemorySegment.ofArray(bytes), 0);
                write(ch, ByteBuffer.wrap(bytes), offset);
                offset = align(offset + bytes.length);
            }
            if (ch.size() < offset) write(ch, ByteBuffer.allocate(1), offset - 1); // the last entry's alignment padding
        });
    }

    private static void write(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) position += ch.write(buf, position);
    }

    /** CRC-32C of a whole file, read in 4 MiB chunks (not mapped, so it does not count in this process's RSS). */
    static int crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocateDirect(4 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf.clear()) > 0) crc.update(buf.flip());
        }
        return (int) crc.getValue();
    }
}
