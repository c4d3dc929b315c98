package dev.drex.app.report;

import dev.drex.app.report.StudyReport.MetricColumn;
import dev.drex.app.report.StudyReport.ResultTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankBlocksTest {

    private static final List<MetricColumn> COLUMNS = List.of(
            new MetricColumn("RMSE", false), new MetricColumn("MAE", false), new MetricColumn("NDCG@10", true));

    @Test
    void blocksSkipMissingValuesRepeatedColumnsAndPartialModels() {
        double nan = Double.NaN;
        ResultTable paper = new ResultTable("Music", "paper", List.of("DReX", "DMF", "Mean", "Extra"), COLUMNS,
                new double[][] {{0.90, 0.70, 0.95}, {0.95, nan, 0.96}, {1.00, 0.80, 0.94}, {0.1, 0.1, 0.1}},
                new double[4][3], 3);
        ResultTable full = new ResultTable("Music", "full", List.of("DReX", "DMF", "Mean"), COLUMNS,
                new double[][] {{0.90, 0.70, 0.05}, {0.95, nan, 0.02}, {1.00, 0.80, 0.02}},
                new double[3][3], 3);
        RankBlocks blocks = RankBlocks.of(List.of(paper, full));

        assertEquals(List.of("DReX", "DMF", "Mean"), blocks.models());
        assertEquals(List.of("Music / paper / RMSE", "Music / paper / NDCG@10", "Music / full / NDCG@10"), blocks.labels());
        assertArrayEquals(new double[] {1, 2, 3}, blocks.ranks()[0]);       // RMSE: lower is better
        assertArrayEquals(new double[] {2, 1, 3}, blocks.ranks()[1]);       // NDCG: higher is better
        assertArrayEquals(new double[] {1, 2.5, 2.5}, blocks.ranks()[2]);   // a tie
        assertEquals(List.of(
                "model Extra: not in every results table",
                "Music / paper / MAE: no value for DMF",
                "Music / full / RMSE: same values as Music / paper / RMSE",
                "Music / full / MAE: no value for DMF"), blocks.leftOut());

        Friedman.Result result = blocks.test();
        assertEquals(3, result.blocks());
        assertArrayEquals(new double[] {4 / 3.0, 5.5 / 3, 8.5 / 3}, result.averageRanks(), 1e-12);
    }

    @Test
    void sameColumnOnAnotherDatasetIsABlockOfItsOwn() {
        ResultTable a = new ResultTable("A", "paper", List.of("x", "y"), List.of(COLUMNS.getFirst()),
                new double[][] {{1}, {2}}, new double[2][1], 1);
        ResultTable b = new ResultTable("B", "paper", List.of("x", "y"), List.of(COLUMNS.getFirst()),
                new double[][] {{1}, {2}}, new double[2][1], 1);
        assertEquals(2, RankBlocks.of(List.of(a, b)).blockCount());
        assertTrue(RankBlocks.of(List.of(a, b)).leftOut().isEmpty());
    }

    @Test
    void noTablesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> RankBlocks.of(List.of()));
    }
}
