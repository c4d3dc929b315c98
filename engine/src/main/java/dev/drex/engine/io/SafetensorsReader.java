package dev.drex.engine.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a safetensors file (Hugging Face's tensor format) by memory-mapping it once; every tensor
 * is a zero-copy slice of the mapping.
 *
 * <p>Format: {@code [u64 little-endian N][N bytes of UTF-8 JSON header][data]}. The header maps
 * each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to
 * the data start) and may hold {@code "__metadata__": {string: string}}. It starts with '{' and may
 * be padded at the end with spaces.
 *
 * <p>Validation on {@link #open} (as strict as the reference implementation): the file holds the
 * 8-byte length; the header fits in the file and is under 100 MB; the JSON is well formed with no
 * duplicate keys; each tensor has a supported dtype, non-negative shape and two offsets; its byte
 * length equals shape product x dtype size; the tensors do not overlap and tile the data region with
 * no gaps and nothing after the last one. Each error names the file and tensor, expected vs found.
 *
 * <p>Segments and the reader are valid until {@link #close}, which unmaps the file.
 */
public final class SafetensorsReader implements AutoCloseable {

    /** The largest header accepted, as in the reference implementation. */
    public static final long MAX_HEADER_BYTES = 100L << 20;

    /** One tensor's header entry; {@code begin}/{@code end} are absolute file offsets. */
    private record Info(String name, SafetensorsDtype dtype, int[] shape, long begin, long end) {}

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path path;
    private final Arena arena;
    private final MemorySegment file;
    private final Map<String, Info> tensors;
    private final Map<String, String> metadata;

    private SafetensorsReader(Path path, Arena arena, MemorySegment file, Map<String, Info> tensors,
                              Map<String, String> metadata) {
        this.path = path;
        this.arena = arena;
        this.file = file;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /** Maps and validates the file; see the class comment for what is checked. */
    public static SafetensorsReader open(Path path) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment file;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                file = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            }
            String where = path.toString();
            if (file.byteSize() < 8) {
                throw new CheckpointFormatException(where + ": file is " + file.byteSize()
                        + " bytes; a safetensors file needs at least 8 (the header length)");
            }
            long headerLength = file.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > file.byteSize() - 8) {
                throw new CheckpointFormatException(where + ": header length " + Long.toUnsignedString(headerLength)
                        + " is not sane: expected 2.." + Math.min(MAX_HEADER_BYTES, file.byteSize() - 8)
                        + " (file size " + file.byteSize() + " minus 8, at most 100 MB)");
            }
            byte[] header = file.asSlice(8, headerLength).toArray(ValueLayout.JAVA_BYTE);
            if (header[0] != '{') {
                throw new CheckpointFormatException(where + ": header must start with '{', found byte 0x"
                        + Integer.toHexString(header[0] & 0xff));
            }
            JsonNode root;
            try {
                root = JSON.readTree(new String(header, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new CheckpointFormatException(where + ": header is not well-formed JSON: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                throw new CheckpointFormatException(where + ": header is not a JSON object");
            }
            long dataStart = 8 + headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Info> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                if (field.getKey().equals("__metadata__")) {
                    parseMetadata(where, field.getValue(), metadata);
                } else {
                    Info info = parseTensor(where, field.getKey(), field.getValue(), dataStart);
                    tensors.put(info.name(), info);
                }
            }
            checkLayout(where, tensors.values(), dataStart, file.byteSize());
            return new SafetensorsReader(path, arena, file, tensors, Collections.unmodifiableMap(metadata));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static void parseMetadata(String where, JsonNode node, Map<String, String> out)
            throws CheckpointFormatException {
        if (!node.isObject()) {
            throw new CheckpointFormatException(where + ": __metadata__ must be an object of strings, found " + node.getNodeType());
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new CheckpointFormatException(where + ": __metadata__ value of '" + e.getKey()
                        + "' must be a string, found " + e.getValue().getNodeType());
            }
            out.put(e.getKey(), e.getValue().asText());
        }
    }

    private static Info parseTensor(String where, String name, JsonNode node, long dataStart)
            throws CheckpointFormatException {
        String at = where + ": tensor '" + name + "'";
        if (!node.isObject()) {
            throw new CheckpointFormatException(at + ": expected an object with dtype, shape, data_offsets, found "
                    + node.getNodeType());
        }
        JsonNode dtypeNode = node.get("dtype");
        JsonNode shapeNode = node.get("shape");
        JsonNode offsetsNode = node.get("data_offsets");
        if (dtypeNode == null || !dtypeNode.isTextual()) throw new CheckpointFormatException(at + ": missing string 'dtype'");
        if (shapeNode == null || !shapeNode.isArray()) throw new CheckpointFormatException(at + ": missing array 'shape'");
        if (offsetsNode == null || !offsetsNode.isArray() || offsetsNode.size() != 2) {
            throw new CheckpointFormatException(at + ": missing 'data_offsets' [begin, end]");
        }
        SafetensorsDtype dtype = SafetensorsDtype.parse(dtypeNode.asText());
        if (dtype == null) {
            throw new CheckpointFormatException(at + ": unsupported dtype '" + dtypeNode.asText()
                    + "' (expected one of " + Arrays.toString(SafetensorsDtype.values()) + ")");
        }
        int[] shape = new int[shapeNode.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
                throw new CheckpointFormatException(at + ": shape " + shapeNode + " has a dimension that is not a non-negative int");
            }
            shape[i] = d.asInt();
            elements = Math.multiplyExact(elements, shape[i]);
        }
        long begin = offset(at, offsetsNode.get(0));
        long end = offset(at, offsetsNode.get(1));
        if (end < begin) {
            throw new CheckpointFormatException(at + ": data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        long expected = Math.multiplyExact(elements, (long) dtype.byteSize());
        if (end - begin != expected) {
            throw new CheckpointFormatException(at + ": shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + expected + " bytes but data_offsets [" + begin + ", " + end + "] span " + (end - begin));
        }
        return new Info(name, dtype, shape, dataStart + begin, dataStart + end);
    }

    private static long offset(String at, JsonNode n) throws CheckpointFormatException {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new CheckpointFormatException(at + ": data_offsets must be non-negative integers, found " + n);
        }
        return n.asLong();
    }

    /** The tensors, sorted by offset, must tile [dataStart, fileSize) exactly. */
    private static void checkLayout(String where, java.util.Collection<Info> infos, long dataStart, long fileSize)
            throws CheckpointFormatException {
        List<Info> sorted = new ArrayList<>(infos);
        sorted.sort(Comparator.comparingLong(Info::begin).thenComparingLong(Info::end));
        long expectedBegin = dataStart;
        Info previous = null;
        for (Info t : sorted) {
            if (t.end() > fileSize) {
                throw new CheckpointFormatException(where + ": tensor '" + t.name() + "': data_offsets end at byte "
                        + (t.end() - dataStart) + " of the data region, which has only " + (fileSize - dataStart)
                        + " bytes (file truncated?)");
            }
            if (t.begin() < expectedBegin) {
                throw new CheckpointFormatException(where + ": tensor '" + t.name() + "' [" + (t.begin() - dataStart)
                        + ", " + (t.end() - dataStart) + ") overlaps tensor '" + previous.name() + "' ["
                        + (previous.begin() - dataStart) + ", " + (previous.end() - dataStart) + ")");
            }
            if (t.begin() > expectedBegin) {
                throw new CheckpointFormatException(where + ": tensor '" + t.name() + "' begins at data byte "
                        + (t.begin() - dataStart) + ", expected " + (expectedBegin - dataStart)
                        + " (gap after " + (previous == null ? "the header" : "tensor '" + previous.name() + "'") + ")");
            }
            expectedBegin = t.end();
            previous = t;
        }
        if (expectedBegin != fileSize) {
            throw new CheckpointFormatException(where + ": tensors cover " + (expectedBegin - dataStart)
                    + " data bytes but the data region has " + (fileSize - dataStart) + " (trailing bytes)");
        }
    }

    /** The file this reader maps. */
    public Path path() {
        return path;
    }

    /** Tensor names in header order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(tensors.keySet());
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** The tensor's shape (a copy), outermost dimension first. */
    public int[] shape(String name) throws CheckpointFormatException {
        return info(name).shape().clone();
    }

    public SafetensorsDtype dtype(String name) throws CheckpointFormatException {
        return info(name).dtype();
    }

    /** Number of elements (product of the shape). */
    public long elementCount(String name) throws CheckpointFormatException {
        Info i = info(name);
        return (i.end() - i.begin()) / i.dtype().byteSize();
    }

    /** The tensor's raw little-endian bytes: a zero-copy slice of the mapping, valid until {@link #close}. */
    public MemorySegment segment(String name) throws CheckpointFormatException {
        Info i = info(name);
        return file.asSlice(i.begin(), i.end() - i.begin());
    }

    /** The tensor's values converted to float (F16/BF16 widened), row-major. */
    public float[] readFloats(String name) throws CheckpointFormatException {
        long n = elementCount(name);
        if (n > Integer.MAX_VALUE - 8) {
            throw new CheckpointFormatException(path + ": tensor '" + name + "' has " + n + " elements, too many for one float[]");
        }
        float[] out = new float[(int) n];
        info(name).dtype().toFloats(segment(name), 0, out, 0, out.length);
        return out;
    }

    /** The {@code __metadata__} map (empty if absent). */
    public Map<String, String> metadata() {
        return metadata;
    }

    private Info info(String name) throws CheckpointFormatException {
        Info i = tensors.get(name);
        if (i == null) {
            throw new CheckpointFormatException(path + ": no tensor named '" + name + "' (the file has " + tensors.size() + ")");
        }
        return i;
    }

    /** Unmaps the file; segments obtained from this reader become invalid. */
    @Override
    public void close() {
        arena.close();
    }
}
