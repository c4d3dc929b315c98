package dev.drex.app.compare;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged cell file is an error naming the file and saying how to recover; the other cells stay as they are. */
class CellStoreTest {
    @TempDir
    Path dir;

    @Test
    void aTruncatedCellNamesItsFileAndTheRemedy() throws IOException {
        CellStore store = CellStore.open(dir, new StudySettings(List.of("/x.csv"), "AUTO", 5, 5, "random", 8, "enc", "none", 0));
        StudyModel mean = new GlobalMeanStudyModel();
        Path f = store.file(CellResult.key(mean.name(), 1, StudyPoint.NONE));
        Files.writeString(f, "{\"model\" : \"global-mean\", \"seed\" : 1, \"poi");
        Path other = store.file("other");
        Files.writeString(other, "kept");
        IOException e = assertThrows(IOException.class, () -> store.read(mean, 1, StudyPoint.NONE, mean.fixedSettings()));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("delete the file and rerun"), e.getMessage());
        assertTrue(Files.readString(other).equals("kept"), "other cells untouched");
    }
}
