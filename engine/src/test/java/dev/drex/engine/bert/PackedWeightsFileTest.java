package dev.drex.engine.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidecar of pre-packed weights ({@link BertWeightStorage#PACKED_FILE}): built once, reused,
 * rebuilt when it no longer matches its source (even a same-size rewrite with the old modification
 * time, caught by the checksum) or is damaged, written where it is told, and never required (an
 * unwritable location falls back to the mapped weights). Every model's output is compared, bit
 * for bit, with the same checkpoint read through the safetensors mapping.
 */
class PackedWeightsFileTest {

    @TempDir
    Path dir;

    static final int[][] IDS = {{2, 5, 6, 0, 7, 3}, {2, 10, 12, 7, 8, 5, 9, 13, 4, 3}};

    @Test
    void builtOnceThenReused() throws IOException {
        TinyBert.write(dir, "gelu", false, 11);
        Path sidecar;
        try (BertModel model = BertModel.load(dir, BertWeightStorage.PACKED_FILE, null)) {
            assertEquals(BertWeightStorage.PACKED_FILE, model.weightStorage());
            sidecar = model.packedWeightsFile();
            assertEquals(dir.resolve("model.packed-nr" + dev.drex.engine.kernels.Gemm.PackedB.panelWidth() + ".drex"),
                    sidecar.toAbsolutePath());
            assertSameAsMapped(model);
        }
        Object inode = fileKey(sidecar);
        FileTime written = Files.getLastModifiedTime(sidecar);
        try (BertModel again = BertModel.load(dir, BertWeightStorage.PACKED_FILE, null)) {
            assertEquals(inode, fileKey(sidecar), "reused, not rewritten (an atomic rewrite is a new file)");
            assertEquals(written, Files.getLastModifiedTime(sidecar));
            assertSameAsMapped(again);
        }
        assertEquals(List.of(), leftovers(dir), "no temporary files left");
    }

    @Test
    void aChangedSourceIsDetectedEvenWithTheOldSizeAndTime() throws IOException {
        TinyBert.write(dir, "gelu", false, 1);
        Path weights = dir.resolve("model.safetensors");
        float before;
        try (BertModel model = BertModel.load(dir, BertWeightStorage.PACKED_FILE, null)) {
            before = model.forward(IDS, null).hidden(0, 1, 0);
        }
        long size = Files.size(weights);
        FileTime time = Files.getLastModifiedTime(weights);
        TinyBert.write(dir, "gelu", false, 2); // other weights, same shapes
        Files.setLastModifiedTime(weights, time);
        assertEquals(size, Files.size(weights));
        try (BertModel model = BertModel.load(dir, BertWeightStorage.PACKED_FILE, null)) {
            assertNotEquals(before, model.forward(IDS, null).hidden(0, 1, 0));
            assertSameAsMapped(model);
        }
    }

    @Test
    void aDamagedSidecarIsRebuilt() throws IOException {
        TinyBert.write(dir, "gelu_new", true, 3);
        Path sidecar;
        try (BertModel model = BertModel.load(dir, BertWeightStorage.PACKED_FILE, null)) {
            sidecar = model.packedWeightsFile();
        }
        // a flipped header byte (an entry's shape), then a truncated file
        try (FileChannel ch = FileChannel.open(sidecar, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, 60);
            b.put(0, (byte) (b.get(0) ^ 1)).rewind();
            ch.write(b, 60);
        }
        Object damaged = fileKey(sidecar);
        try (BertModel model = BertModel.load(dir, BertWeightStorage.PACKED_FILE, null)) {
            assertNotEquals(damaged, fileKey(sidecar), "rebuilt");
            assertSameAsMapped(model);
        }
        try (FileChannel ch = FileChannel.open(sidecar, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 1);
        }
        try (BertModel model = BertModel.load(dir, BertWeightStorage.PACKED_FILE, null)) {
            assertEquals(Files.size(sidecar) % 4096, 0L);
            assertSameAsMapped(model);
        }
    }

    @Test
    void aChosenDirectoryHoldsTheSidecarAndTheModelDirectoryIsUntouched() throws IOException {
        Path model = dir.resolve("tiny-model"), cache = dir.resolve("cache/packed");
        TinyBert.write(model, "gelu", false, 4);
        List<Path> files = list(model);
        try (BertModel m = BertModel.load(model, BertWeightStorage.PACKED_FILE, cache)) {
            assertEquals(cache.resolve("tiny-model.model.packed-nr" + dev.drex.engine.kernels.Gemm.PackedB.panelWidth() + ".drex"),
                    m.packedWeightsFile());
            assertTrue(Files.isRegularFile(m.packedWeightsFile()));
            assertSameAsMapped(m);
        }
        assertEquals(files, list(model));
    }

    @Test
    void anUnwritableLocationFallsBackToTheMappedWeights() throws IOException {
        TinyBert.write(dir, "gelu", false, 5);
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        try (BertModel model = BertModel.load(dir, BertWeightStorage.PACKED_FILE, notADirectory)) {
            assertEquals(BertWeightStorage.MAPPED, model.weightStorage());
            assertEquals(null, model.packedWeightsFile());
            assertSameAsMapped(model);
        }
    }

    @Test
    void packedWeightsAreNotOnTheHeap() throws IOException {
        TinyBert.write(dir, "gelu", false, 6);
        try (BertModel packed = BertModel.load(dir, BertWeightStorage.PACKED_FILE, null);
             BertModel mapped = BertModel.load(dir, BertWeightStorage.MAPPED, null)) {
            assertEquals(mapped.heapBytes(), packed.heapBytes());
        }
    }

    /** Same bits as the model read through the safetensors mapping: the same packed values in the same order of operations. */
    private void assertSameAsMapped(BertModel model) throws IOException {
        BertOutput out = model.forward(IDS, null);
        try (BertModel mapped = BertModel.load(modelDir(), BertWeightStorage.MAPPED, null)) {
            BertOutput ref = mapped.forward(IDS, null);
            for (int b = 0; b < IDS.length; b++) {
                for (int t = 0; t < IDS[b].length; t++) {
                    for (int j = 0; j < out.hidden(); j++) {
                        if (Float.floatToRawIntBits(out.hidden(b, t, j)) != Float.floatToRawIntBits(ref.hidden(b, t, j))) {
                            fail("hidden[" + b + ", " + t + ", " + j + "] = " + out.hidden(b, t, j) + ", mapped " + ref.hidden(b, t, j));
                        }
                    }
                }
            }
            for (int i = 0; i < out.pooled().length; i++) assertEquals(ref.pooled()[i], out.pooled()[i], "pooled " + i);
        }
    }

    /** The directory of the test's one checkpoint. */
    private Path modelDir() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals("model.safetensors")).findFirst().orElseThrow().getParent();
        }
    }

    private static Object fileKey(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        assertFalse(key == null, "this file system reports no file keys");
        return key;
    }

    private static List<Path> leftovers(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
        }
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }
}
