package dev.drex.app.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.report.StudyReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranks as in the paper's Table 4, checked by hand. */
class StudyTableTest {

    @Test
    void ranksByHand() {
        // MAE: lower is better; 0.80001 prints as 0.8000 and ties with 0.8; NaN (not reported) gets no rank
        assertArrayEquals(new int[] {3, 1, 0, 1, 4}, StudyTable.ranks(new double[] {0.9, 0.8, Double.NaN, 0.80001, 0.95}, false));
        // NDCG: higher is better
        assertArrayEquals(new int[] {2, 3, 1}, StudyTable.ranks(new double[] {0.5, 0.25, 0.75}, true));
        assertArrayEquals(new int[] {1, 1}, StudyTable.ranks(new double[] {0.1, 0.1}, true));
    }

    @Test
    void markdownShowsMeanStdAndRankAndADashForNotReported() {
        List<StudyReport.MetricColumn> cols = List.of(new StudyReport.MetricColumn("MAE", false), new StudyReport.MetricColumn("NDCG@1", true));
        StudyReport.ResultTable t = new StudyReport.ResultTable("toy", "paper", List.of("A", "B"), cols,
                new double[][] {{0.7, 0.9}, {Double.NaN, 0.95}}, new double[][] {{0.01, 0.02}, {Double.NaN, 0.001}}, 3);
        String md = StudyTable.markdown(t);
        assertTrue(md.contains("| A | 0.7000 ± 0.0100 (1) | 0.9000 ± 0.0200 (2) |"), md);
        assertTrue(md.contains("| B | — | 0.9500 ± 0.0010 (1) |"), md);
        assertEquals(2, StudyTable.ranks(t)[0][1]);
    }
}
