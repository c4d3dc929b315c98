package dev.drex.engine.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes named float32 tensors and string metadata as one safetensors file (format in
 * {@link SafetensorsReader}).
 *
 * <p>Tensors are written in name order (the reference writer orders by dtype alignment, then name;
 * all ours are F32). The JSON header is padded with spaces so the data starts at a multiple of 8
 * bytes, keeping every F32 tensor 4-byte aligned in a memory mapping. A tensor may be given as an
 * array or as a {@link TensorSource} that streams its values when the writer reaches it, so a
 * 400 MB checkpoint is never held in memory. The file appears atomically ({@link AtomicFiles}):
 * a killed run leaves no partial file under the target name.
 */
public final class SafetensorsWriter {

    /** Produces one tensor's values, row-major, exactly shape-product of them. */
    @FunctionalInterface
    public interface TensorSource {
        void writeTo(FloatSink sink) throws IOException;
    }

    /** Called after each tensor is written. */
    @FunctionalInterface
    public interface Progress {
        void tensorWritten(String name, int tensorsDone, int tensorsTotal, long bytesDone, long bytesTotal);
    }

    private record Pending(int[] shape, long elements, TensorSource source) {}

    private static final int BUFFER_BYTES = 1 << 20;

    private final Map<String, Pending> tensors = new TreeMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    /**
     * Adds a tensor held in memory; {@code values.length} must equal the shape product. The array is
     * not copied: it is read when {@link #write} runs.
     */
    public SafetensorsWriter add(String name, int[] shape, float[] values) {
        long n = elementCount(name, shape);
        if (values.length != n) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " needs "
                    + n + " values, got " + values.length);
        }
        return add(name, shape, sink -> sink.put(values));
    }

    /** Adds a tensor whose values {@code source} streams when the file is written. */
    public SafetensorsWriter add(String name, int[] shape, TensorSource source) {
        if (name == null || name.isEmpty() || name.equals("__metadata__")) {
            throw new IllegalArgumentException("invalid tensor name '" + name + "'");
        }
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("tensor '" + name + "' added twice");
        }
        tensors.put(name, new Pending(shape.clone(), elementCount(name, shape), source));
        return this;
    }

    /** Adds a {@code __metadata__} entry. */
    public SafetensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    public int size() {
        return tensors.size();
    }

    private static long elementCount(String name, int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("tensor '" + name + "': negative dimension in " + Arrays.toString(shape));
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public void write(Path target) throws IOException {
        write(target, null);
    }

    /** Writes the file atomically; {@code progress} (may be null) hears about each tensor. */
    public void write(Path target, Progress progress) throws IOException {
        byte[] header = header();
        long total = 0;
        for (Pending p : tensors.values()) total += p.elements() * 4;
        final long totalBytes = total;
        AtomicFiles.write(target, ch -> {
            ByteBuffer prefix = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
            prefix.putLong(header.length).put(header).flip();
            while (prefix.hasRemaining()) ch.write(prefix);
            ChannelSink sink = new ChannelSink(ch, target);
            long bytesDone = 0;
            int done = 0;
            for (Map.Entry<String, Pending> e : tensors.entrySet()) {
                Pending p = e.getValue();
                sink.begin(e.getKey(), p.elements());
                p.source().writeTo(sink);
                sink.end();
                bytesDone += p.elements() * 4;
                done++;
                if (progress != null) progress.tensorWritten(e.getKey(), done, tensors.size(), bytesDone, totalBytes);
            }
            sink.flush();
        });
    }

    /** The JSON header, space-padded so that 8 + its length is a multiple of 8. */
    private byte[] header() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Pending> e : tensors.entrySet()) {
            ObjectNode t = root.putObject(e.getKey());
            t.put("dtype", "F32");
            ArrayNode shape = t.putArray("shape");
            for (int d : e.getValue().shape()) shape.add(d);
            long end = offset + e.getValue().elements() * 4;
            t.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        StringBuilder text = new StringBuilder(root.toString());
        int length = text.toString().getBytes(StandardCharsets.UTF_8).length;
        while ((8 + length) % 8 != 0) {
            text.append(' ');
            length++;
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Buffers little-endian floats into the channel and checks each tensor gets exactly its count. */
    private static final class ChannelSink implements FloatSink {
        private final FileChannel channel;
        private final Path target;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        private String tensor;
        private long expected;
        private long written;

        ChannelSink(FileChannel channel, Path target) {
            this.channel = channel;
            this.target = target;
        }

        void begin(String name, long count) {
            tensor = name;
            expected = count;
            written = 0;
        }

        void end() throws IOException {
            if (written != expected) {
                throw new IOException(target + ": tensor '" + tensor + "': source produced " + written
                        + " values, expected " + expected);
            }
        }

        @Override
        public void put(float value) throws IOException {
            if (written == expected) {
                throw new IOException(target + ": tensor '" + tensor + "': source produced more than the expected "
                        + expected + " values");
            }
            if (!buffer.hasRemaining()) flush();
            buffer.putFloat(value);
            written++;
        }

        @Override
        public void put(float[] values, int offset, int length) throws IOException {
            if (length > expected - written) {
                throw new IOException(target + ": tensor '" + tensor + "': source produced more than the expected "
                        + expected + " values");
            }
            int i = 0;
            while (i < length) {
                if (buffer.remaining() < 4) flush();
                int n = Math.min(length - i, buffer.remaining() / 4);
                buffer.asFloatBuffer().put(values, offset + i, n);
                buffer.position(buffer.position() + 4 * n);
                i += n;
            }
            written += length;
        }

        void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) channel.write(buffer);
            buffer.clear();
        }
    }
}
