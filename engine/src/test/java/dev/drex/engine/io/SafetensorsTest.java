package dev.drex.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsNamesShapesValuesAndMetadata() throws IOException {
        Random random = new Random(7);
        float[] matrix = new float[3 * 5];
        for (int i = 0; i < matrix.length; i++) matrix[i] = (float) random.nextGaussian();
        float[] streamed = new float[1000];
        for (int i = 0; i < streamed.length; i++) streamed[i] = i * 0.5f - 3;
        Path file = dir.resolve("model.safetensors");
        new SafetensorsWriter()
                .add("layer.weight", new int[] {3, 5}, matrix)
                .add("scalar", new int[0], new float[] {42f})
                .add("empty", new int[] {0, 4}, new float[0])
                .add("streamed", new int[] {10, 100}, sink -> {
                    for (int i = 0; i < 500; i++) sink.put(streamed[i]);        // one at a time
                    sink.put(streamed, 500, 500);                             // and in bulk
                })
                .metadata("format", "pt")
                .write(file);

        try (SafetensorsReader r = SafetensorsReader.open(file)) {
            assertEquals(Set.of("layer.weight", "scalar", "empty", "streamed"), r.names());
            assertArrayEquals(new int[] {3, 5}, r.shape("layer.weight"));
            assertArrayEquals(new int[0], r.shape("scalar"));
            assertArrayEquals(new int[] {0, 4}, r.shape("empty"));
            assertArrayEquals(matrix, r.readFloats("layer.weight"));
            assertArrayEquals(new float[] {42f}, r.readFloats("scalar"));
            assertEquals(0, r.readFloats("empty").length);
            assertArrayEquals(streamed, r.readFloats("streamed"));
            assertEquals(Map.of("format", "pt"), r.metadata());
            assertEquals(4000, r.segment("streamed").byteSize());
        }
        // Header padded so the data region starts 8-byte aligned.
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + headerLength) % 8);
        assertNoTempFiles();
    }

    @Test
    void writerProducesTheExactByteLayoutOfTheSpec() throws IOException {
        Path file = dir.resolve("one.safetensors");
        new SafetensorsWriter().add("x", new int[] {2}, new float[] {1f, -2f}).write(file);
        String json = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        // 8 + json length padded with spaces to a multiple of 8.
        int padded = json.length() + (8 - (8 + json.length()) % 8) % 8;
        ByteBuffer expected = ByteBuffer.allocate(8 + padded + 8).order(ByteOrder.LITTLE_ENDIAN);
        expected.putLong(padded).put(json.getBytes(StandardCharsets.US_ASCII));
        while (expected.position() < 8 + padded) expected.put((byte) ' ');
        expected.putFloat(1f).putFloat(-2f);
        assertArrayEquals(expected.array(), Files.readAllBytes(file));
    }

    @Test
    void readsAHandBuiltFileWithF32Bf16AndF16() throws IOException {
        // Layout written byte by byte, as another implementation would: metadata last, no padding.
        String json = "{\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[12,14]},"
                + "\"__metadata__\":{\"source\":\"hand\"}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + 14).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        b.putFloat(0.25f).putFloat(-7.5f);                  // a
        b.putShort((short) 0x3f80).putShort((short) 0xc040); // b: bf16 1.0, -3.0
        b.putShort((short) 0x3c00);                         // h: f16 1.0
        Path file = write("hand.safetensors", b.array());
        try (SafetensorsReader r = SafetensorsReader.open(file)) {
            assertEquals(List.of("b", "a", "h"), List.copyOf(r.names()));
            assertArrayEquals(new float[] {0.25f, -7.5f}, r.readFloats("a"));
            assertArrayEquals(new float[] {1f, -3f}, r.readFloats("b"));
            assertArrayEquals(new float[] {1f}, r.readFloats("h"));
            assertEquals(SafetensorsDtype.BF16, r.dtype("b"));
            assertEquals("hand", r.metadata().get("source"));
        }
    }

    @Test
    void fileShorterThanEightBytesIsRejected() throws IOException {
        Path file = write("tiny.safetensors", new byte[] {1, 2, 3});
        assertError(file, "tiny.safetensors", "3 bytes", "at least 8");
    }

    @Test
    void headerLengthBeyondTheFileIsRejected() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + 10).order(ByteOrder.LITTLE_ENDIAN).putLong(1000);
        Path file = write("long.safetensors", b.array());
        assertError(file, "long.safetensors", "header length 1000", "file size 18");
    }

    @Test
    void truncatedDataIsRejectedNamingTheTensor() throws IOException {
        Path good = dir.resolve("good.safetensors");
        new SafetensorsWriter().add("w", new int[] {4, 4}, new float[16]).write(good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = write("cut.safetensors", java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertError(cut, "cut.safetensors", "'w'", "64", "54");
    }

    @Test
    void unsupportedDtypeIsRejected() throws IOException {
        Path file = handBuilt("dtype.safetensors", "{\"t\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8);
        assertError(file, "dtype.safetensors", "'t'", "I64", "F32");
    }

    @Test
    void shapeThatDoesNotMatchTheByteLengthIsRejected() throws IOException {
        Path file = handBuilt("shape.safetensors", "{\"t\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", 20);
        assertError(file, "shape.safetensors", "'t'", "[2, 3]", "needs 24 bytes", "span 20");
    }

    @Test
    void overlappingTensorsAreRejected() throws IOException {
        Path file = handBuilt("overlap.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12);
        assertError(file, "overlap.safetensors", "'b' [4, 12) overlaps tensor 'a' [0, 8)");
    }

    @Test
    void gapsAndTrailingBytesAreRejected() throws IOException {
        Path gap = handBuilt("gap.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8);
        assertError(gap, "gap.safetensors", "'a' begins at data byte 4, expected 0");
        Path trailing = handBuilt("trail.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8);
        assertError(trailing, "trail.safetensors", "cover 4", "has 8");
    }

    @Test
    void garbageJsonIsRejected() throws IOException {
        assertError(handBuilt("garbage.safetensors", "{\"a\": [1, 2", 0), "garbage.safetensors", "not well-formed JSON");
        assertError(handBuilt("notbrace.safetensors", "[1, 2]", 0), "notbrace.safetensors", "start with '{'");
        assertError(handBuilt("dup.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "dup.safetensors", "not well-formed JSON", "a");
    }

    @Test
    void tensorWithoutOffsetsIsRejected() throws IOException {
        Path file = handBuilt("nooff.safetensors", "{\"t\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4);
        assertError(file, "nooff.safetensors", "'t'", "data_offsets");
    }

    @Test
    void sourceProducingTheWrongCountFailsAndLeavesNoFile() throws IOException {
        Path file = dir.resolve("bad.safetensors");
        SafetensorsWriter w = new SafetensorsWriter().add("short", new int[] {3}, sink -> sink.put(1f));
        IOException e = assertThrows(IOException.class, () -> w.write(file));
        assertTrue(e.getMessage().contains("'short'") && e.getMessage().contains("produced 1 values, expected 3"), e.getMessage());
        assertFalse(Files.exists(file));
        assertNoTempFiles();
    }

    @Test
    void failedRewriteKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("keep.safetensors");
        new SafetensorsWriter().add("v", new int[] {1}, new float[] {5f}).write(file);
        SafetensorsWriter failing = new SafetensorsWriter().add("v", new int[] {2}, sink -> {
            sink.put(1f);
            throw new IOException("source died");
        });
        assertThrows(IOException.class, () -> failing.write(file));
        try (SafetensorsReader r = SafetensorsReader.open(file)) {
            assertArrayEquals(new float[] {5f}, r.readFloats("v"));
        }
        assertNoTempFiles();
    }

    private Path handBuilt(String name, String json, int dataBytes) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        return write(name, b.array());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertError(Path file, String... fragments) {
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> SafetensorsReader.open(file).close());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message should contain \"" + f + "\": " + e.getMessage());
        }
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains(".tmp-")).toList());
        }
    }
}
