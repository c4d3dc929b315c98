package dev.drex.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grids: DReX's inside the spec grid, the sizes the help promises, no repeated point. */
class StudyGridsTest {

    @Test
    void drexGridsAreSubsetsOfTheSpecGrid() {
        for (StudyGrids.Size size : StudyGrids.Size.values()) {
            assertTrue(StudyGrids.inSpecGrid(StudyGrids.of("drex", size)), size + ": " + StudyGrids.of("drex", size));
            assertTrue(StudyGrids.inSpecGrid(StudyGrids.of("drex-mlp", size)));
        }
        assertFalse(StudyGrids.inSpecGrid(List.of(new StudyPoint(1e-3, 1e-3, 8, 0f))), "d 8 is not in the spec grid");
    }

    @Test
    void defaultGridIsSmallEnoughAndStartsAtTheDocumentedDefaults() {
        int total = 0;
        for (String name : StudyModels.NAMES) {
            List<StudyPoint> g = StudyGrids.of(name, StudyGrids.Size.DEFAULT);
            assertEquals(g.size(), g.stream().map(StudyPoint::key).distinct().count(), name + " repeats a point");
            assertTrue(g.size() <= 8, name + " has " + g.size() + " points");
            total += g.size();
        }
        assertEquals(31, total, "the documented default grid: 4+4+4+3+4+4+3+4+1 points");
        assertEquals(new StudyPoint(1e-3, 1e-3, 64, 0f), StudyGrids.of("drex", StudyGrids.Size.DEFAULT).getFirst(), "the spec's defaults");
        assertEquals(List.of(StudyPoint.NONE), StudyGrids.of("global-mean", StudyGrids.Size.DEFAULT));
        for (String name : StudyModels.NAMES) {
            assertEquals(name.equals("global-mean") ? 1 : 2, StudyGrids.of(name, StudyGrids.Size.SMALL).size(), name);
        }
    }

    @Test
    void helpListsTheGridsTheCodeUses() throws Exception {
        var field = Class.forName("dev.drex.app.cli.CompareCommand").getDeclaredField("GRID_HELP");
        field.setAccessible(true);
        assertEquals(String.join("\n", StudyGrids.help(StudyGrids.Size.DEFAULT)), field.get(null), "CompareCommand's --help is out of date");
    }

    @Test
    void pointKeysAndDescriptions() {
        StudyPoint p = new StudyPoint(1e-3, null, 32, 0.2f);
        assertEquals("lr0.001_d32_dropout0.2", p.key());
        assertEquals("lr=0.001 d=32 dropout=0.2", p.describe());
        assertEquals(List.of("lr", "d", "dropout"), p.parameters());
        assertEquals("default", StudyPoint.NONE.key());
    }
}
