package dev.drex.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LevelDB table, protobuf and tensor-bundle readers on bundles built byte by byte in the test. */
class TfBundleReaderTest {

    @TempDir
    Path dir;

    @Test
    void maskedCrc32cMatchesPublishedValues() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xe3069283, MaskedCrc32c.crc32c(check, 0, check.length)); // CRC-32C check value
        assertEquals(0x8a9136aa, MaskedCrc32c.crc32c(new byte[32], 0, 32));    // LevelDB crc32c_test
        int c = 0x12345678;
        assertEquals(Integer.rotateRight(c, 15) + 0xa282ead8, MaskedCrc32c.mask(c));
        assertEquals(c, MaskedCrc32c.unmask(MaskedCrc32c.mask(c)));
    }

    @Test
    void protoReaderDecodesVarintsFixedAndNestedFields() throws IOException {
        byte[] msg = new TestBytes.Proto().varint(1, 300).varint(2, -1L).fixed32(3, 0xcafebabe)
                .string(4, "hé").message(5, new TestBytes.Proto().varint(1, 7)).toBytes();
        ProtoReader in = new ProtoReader(msg, "test");
        assertEquals(1, ProtoReader.fieldNumber(in.readTag()));
        assertEquals(300, in.readVarint());
        in.readTag();
        assertEquals(-1L, in.readVarint());
        in.readTag();
        assertEquals(0xcafebabe, in.readFixed32());
        in.readTag();
        assertEquals("hé", in.readString());
        in.readTag();
        ProtoReader nested = in.readMessage("nested");
        nested.readTag();
        assertEquals(7, nested.readVarint());
        assertTrue(!in.hasMore());
        ProtoReader truncated = new ProtoReader(new byte[] {(byte) 0x80}, "cut");
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, truncated::readVarint);
        assertTrue(e.getMessage().contains("cut") && e.getMessage().contains("past the end"), e.getMessage());
    }

    @Test
    void tableReaderRestoresPrefixCompressedKeysAcrossBlocks() throws IOException {
        List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            entries.add(Map.entry(String.format("bert/encoder/layer_%02d/kernel", i).getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) i, 42}));
        }
        List<SsTableReader.Entry> read = SsTableReader.readAll(TestBytes.table(entries, 5, 0), "t.index");
        assertEquals(entries.size(), read.size());
        for (int i = 0; i < entries.size(); i++) {
            assertArrayEquals(entries.get(i).getKey(), read.get(i).key());
            assertArrayEquals(entries.get(i).getValue(), read.get(i).value());
        }
    }

    @Test
    void tableReaderRejectsBadMagicCorruptBlocksAndSnappy() {
        List<Map.Entry<byte[], byte[]>> entries = List.of(Map.entry("a".getBytes(), new byte[] {1}));
        byte[] good = TestBytes.table(entries, 4, 0);

        byte[] badMagic = good.clone();
        badMagic[badMagic.length - 1] ^= 1;
        assertMessage(() -> SsTableReader.readAll(badMagic, "m.index"), "m.index", "bad table magic");

        byte[] corrupt = good.clone();
        corrupt[3] ^= 0x40; // inside the first data block
        assertMessage(() -> SsTableReader.readAll(corrupt, "c.index"), "c.index", "data block at offset 0", "checksum mismatch");

        byte[] snappy = TestBytes.table(entries, 4, 1);
        assertMessage(() -> SsTableReader.readAll(snappy, "s.index"), "s.index", "snappy");

        assertMessage(() -> SsTableReader.readAll(new byte[10], "short.index"), "short.index", "10 bytes");
    }

    @Test
    void bundleReaderListsAndReadsFloatTensors() throws IOException {
        Path prefix = dir.resolve("variables");
        float[] kernel = {1, 2, 3, 4, 5, 6};
        float[] bias = {-0.5f, 0.25f, 8f};
        TestBytes.writeBundle(prefix, List.of(
                new TestBytes.Tensor("dense/kernel", new long[] {2, 3}, kernel),
                new TestBytes.Tensor("dense/bias", new long[] {3}, bias),
                new TestBytes.Tensor("scale", new long[0], new float[] {2.5f})));
        try (TfBundleReader r = TfBundleReader.open(prefix)) {
            assertEquals(List.of("dense/bias", "dense/kernel", "scale"), r.entries().stream().map(TfBundleEntry::name).toList());
            TfBundleEntry k = r.entry("dense/kernel");
            assertEquals(TfDataType.FLOAT, k.dtype());
            assertArrayEquals(new long[] {2, 3}, k.shape());
            assertEquals(12, k.offset());
            assertEquals(24, k.size());
            assertArrayEquals(kernel, r.readFloats("dense/kernel"));
            assertArrayEquals(bias, r.readFloats("dense/bias"));
            assertArrayEquals(new float[] {2.5f}, r.readFloats("scale"));
            assertMessage(() -> r.entry("nope"), "variables.index", "'nope'");
        }
    }

    @Test
    void truncatedDataFileNamesTheTensorAndBothSizes() throws IOException {
        Path prefix = dir.resolve("variables");
        TestBytes.writeBundle(prefix, List.of(
                new TestBytes.Tensor("a", new long[] {4}, new float[4]),
                new TestBytes.Tensor("b", new long[] {2, 2}, new float[] {1, 2, 3, 4})));
        Path data = dir.resolve("variables.data-00000-of-00001");
        byte[] bytes = Files.readAllBytes(data);
        Files.write(data, Arrays.copyOf(bytes, bytes.length - 6));
        try (TfBundleReader r = TfBundleReader.open(prefix)) {
            assertArrayEquals(new float[4], r.readFloats("a")); // the intact tensor still reads
            assertMessage(() -> r.readFloats("b"), "variables.data-00000-of-00001", "tensor 'b'",
                    "expected 16 bytes at offset 16", "ending at 32", "only 26 bytes");
        }
    }

    @Test
    void checksumMismatchNamesTheTensor() throws IOException {
        Path prefix = dir.resolve("variables");
        TestBytes.writeBundle(prefix, List.of(new TestBytes.Tensor("w", new long[] {3}, new float[] {1, 2, 3})));
        Path data = dir.resolve("variables.data-00000-of-00001");
        byte[] bytes = Files.readAllBytes(data);
        bytes[5] ^= 0x01; // flip one mantissa bit of the second value
        Files.write(data, bytes);
        try (TfBundleReader r = TfBundleReader.open(prefix)) {
            assertMessage(() -> r.readFloats("w"), "tensor 'w'", "crc32c mismatch");
        }
    }

    @Test
    void missingDataFileIsNamed() throws IOException {
        Path prefix = dir.resolve("variables");
        TestBytes.writeBundle(prefix, List.of(new TestBytes.Tensor("w", new long[] {1}, new float[] {1})));
        Files.delete(dir.resolve("variables.data-00000-of-00001"));
        try (TfBundleReader r = TfBundleReader.open(prefix)) {
            assertMessage(() -> r.readFloats("w"), "variables.data-00000-of-00001", "not found");
        }
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message should contain \"" + f + "\": " + e.getMessage());
        }
    }
}
