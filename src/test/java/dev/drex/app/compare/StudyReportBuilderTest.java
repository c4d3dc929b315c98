package dev.drex.app.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sensitivity lines from a star grid's tuning cells, by hand. */
class StudyReportBuilderTest {

    private static CellResult cell(StudyPoint p, double rmse) {
        return new CellResult("drex", 1, p, "fixed", "sha", TrainedCell.VALIDATION_RMSE, rmse, rmse, rmse * 0.8, 1, new double[] {1},
                new double[] {rmse}, 1, 1, 0, null, null, null);
    }

    private static StudyResults.ModelOutcome outcome(StudyPoint chosen, List<CellResult> tuning) {
        return new StudyResults.ModelOutcome("drex", "DReX", "fixed", TrainedCell.VALIDATION_RMSE, chosen, tuning, List.of(), null, 4, 4);
    }

    @Test
    void linesThroughTheChosenPointOrElseTheCentre() {
        List<StudyPoint> grid = StudyGrids.of("drex", StudyGrids.Size.DEFAULT); // centre, lr 1e-2, lambda 1e-2, d 32
        List<CellResult> tuning = List.of(cell(grid.get(0), 0.81), cell(grid.get(1), 0.85), cell(grid.get(2), 0.80), cell(grid.get(3), 0.82));
        // chosen = the centre: every parameter has a line of 2 through it
        StudyResults.ModelOutcome centre = outcome(grid.get(0), tuning);
        var lr = StudyReportBuilder.sensitivity("toy", centre, "lr", grid.get(0));
        assertArrayEquals(new double[] {1e-3, 1e-2}, lr.values());
        assertArrayEquals(new double[] {0.81, 0.85}, lr.validationRmse());
        var d = StudyReportBuilder.sensitivity("toy", centre, "d", grid.get(0));
        assertArrayEquals(new double[] {32, 64}, d.values(), "sorted by value");
        assertArrayEquals(new double[] {0.82, 0.81}, d.validationRmse());
        // chosen = lambda 1e-2: only the lambda line passes through it; lr has a single point there
        StudyResults.ModelOutcome moved = outcome(grid.get(2), tuning);
        assertArrayEquals(new double[] {0.81, 0.80}, StudyReportBuilder.sensitivity("toy", moved, "lambda", grid.get(2)).validationRmse());
        assertNull(StudyReportBuilder.sensitivity("toy", moved, "lr", grid.get(2)));
        // the report then falls back to the centre's line and says so
        var report = StudyReportBuilder.build(new StudyResults("toy", 10, 2, 2,
                new StudySettings(List.of("/x.csv"), "AUTO", 5, 5, "random", 8, "enc", "none", 0), "default", 1, List.of(moved)));
        assertEquals(List.of("lr", "lambda", "d"), report.sensitivities().stream().map(s -> s.parameter()).toList());
        assertEquals(2, report.notes().stream().filter(n -> n.contains("taken through the grid's centre")).count());
    }
}
