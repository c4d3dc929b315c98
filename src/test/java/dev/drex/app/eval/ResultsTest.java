package dev.drex.app.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsTest {

    private static final int[] KS = {5, 10};

    private static EvaluationResult result(String model, long seed, double rmse, double ndcg10) {
        RankingResult paper = new RankingResult("paper", KS, new double[] {0.9, ndcg10}, new double[] {0.5, 0.3}, 100, 80);
        RankingResult full = new RankingResult("full", KS, new double[] {0.01, 0.02}, new double[] {0.004, 0.003}, 90, 90);
        return new EvaluationResult(model, seed, "abc", 1000, rmse, rmse - 0.2, paper, full);
    }

    @Test
    void meanAndSampleStandardDeviation() {
        // RMSE 0.90, 0.92, 0.94: mean 0.92; squares 4e-4 + 0 + 4e-4 = 8e-4, / (n - 1 = 2) = 4e-4 -> std 0.02
        SeedAggregate a = SeedAggregate.of(List.of(result("m", 1, 0.90, 0.95), result("m", 2, 0.92, 0.96), result("m", 3, 0.94, 0.97)));
        assertEquals(0.92, a.stat("RMSE").mean(), 1e-12);
        assertEquals(0.02, a.stat("RMSE").std(), 1e-12);
        assertEquals(3, a.stat("NDCG@10 paper").n());
        assertEquals(0.96, a.stat("NDCG@10 paper").mean(), 1e-12);
        assertEquals("0.9200 ± 0.0200", a.stat("RMSE").format(4));
        SeedAggregate one = SeedAggregate.of(List.of(result("m", 1, 0.9, 0.95)));
        assertTrue(Double.isNaN(one.stat("RMSE").std()));
        assertEquals("0.9000 ± n/a", one.stat("RMSE").format(4));
        assertThrows(IllegalArgumentException.class, () -> a.stat("NDCG@3 paper"));
    }

    @Test
    void groupsByModelAndRejectsMixedRuns() {
        List<EvaluationResult> runs = new ArrayList<>();
        for (long s = 1; s <= 2; s++) {
            runs.add(result("global mean", s, 0.95, 0.95));
            runs.add(result("biased MF", s, 0.90, 0.96));
        }
        List<SeedAggregate> groups = SeedAggregate.group(runs);
        assertEquals(List.of("global mean", "biased MF"), groups.stream().map(SeedAggregate::model).toList());
        assertEquals(2, groups.get(1).runs().size());
        assertThrows(IllegalArgumentException.class, () -> new SeedAggregate("x", List.of(result("y", 1, 1, 1))));
    }

    @Test
    void jsonRoundTrip() throws Exception {
        List<SeedAggregate> before = SeedAggregate.group(List.of(result("global mean", 1, 0.95, 0.95), result("global mean", 2, 0.97, 0.94)));
        String json = ResultsJson.toJson(before);
        assertTrue(json.contains("\"summary\""), json);
        assertTrue(json.contains("\"NDCG@10 paper\""), json);
        List<SeedAggregate> after = ResultsJson.fromJson(json);
        assertEquals(before, after);
        assertEquals(before.getFirst().stat("RMSE"), after.getFirst().stat("RMSE"));
    }

    @Test
    void tablesAlwaysCarryTheFloors() {
        SeedAggregate mean = SeedAggregate.of(List.of(result("global mean", 1, 0.95, 0.95), result("global mean", 2, 0.97, 0.94)));
        SeedAggregate mf = SeedAggregate.of(List.of(result("biased MF", 1, 0.90, 0.96), result("biased MF", 2, 0.92, 0.96)));
        SeedAggregate drex = SeedAggregate.of(List.of(result("DReX", 1, 0.85, 0.97), result("DReX", 2, 0.87, 0.97)));
        assertThrows(IllegalArgumentException.class, () -> new ResultsTable(null, mf, List.of(drex), KS, 4));
        assertThrows(IllegalArgumentException.class, () -> new ResultsTable(mean, mf, List.of(drex), new int[] {3}, 4));  // k 3 not measured
        ResultsTable table = new ResultsTable(mean, mf, List.of(drex), KS, 4);
        String md = table.markdown();
        String[] lines = md.strip().split("\n");
        String header = lines[2];
        assertTrue(header.startsWith("| model | seeds | RMSE | MAE | NDCG@5 paper | F1@5 paper | NDCG@10 paper"), header);
        assertTrue(lines[4].startsWith("| global mean | 2 | 0.9600 ± 0.0141 |"), lines[4]);
        assertTrue(lines[5].startsWith("| biased MF |"), lines[5]);
        assertTrue(lines[6].startsWith("| DReX |"), lines[6]);
        assertEquals(7, lines.length);
        String console = table.console();
        assertTrue(console.contains("NDCG@10 full"), console);
        assertEquals(2, console.lines().filter(l -> l.startsWith("DReX")).count());   // two blocks: paper, full
    }

    /** A model that does not predict ratings: NaN errors, shown as "—"; its ranking cells are numbers; JSON keeps the NaN. */
    @Test
    void rankOnlyModelsShowNoErrors() throws Exception {
        SeedAggregate mean = SeedAggregate.of(List.of(result("global mean", 1, 0.95, 0.95), result("global mean", 2, 0.96, 0.95)));
        SeedAggregate mf = SeedAggregate.of(List.of(result("biased MF", 1, 0.90, 0.96), result("biased MF", 2, 0.91, 0.96)));
        SeedAggregate dmf = SeedAggregate.of(List.of(result("DMF", 1, Double.NaN, 0.97), result("DMF", 2, Double.NaN, 0.95)));
        ResultsTable table = new ResultsTable(mean, mf, List.of(dmf), KS, 4);
        List<String> dmfRow = table.cells().get(3);
        assertEquals("DMF", dmfRow.get(0));
        assertEquals(ResultsTable.NOT_APPLICABLE, dmfRow.get(2));      // RMSE
        assertEquals(ResultsTable.NOT_APPLICABLE, dmfRow.get(3));      // MAE
        assertEquals("0.9600 ± 0.0141", dmfRow.get(6));                 // NDCG@10 paper (after NDCG@5, F1@5)
        assertEquals("0.9050 ± 0.0071", table.cells().get(2).get(2));   // biased MF RMSE unchanged
        assertTrue(table.markdown().contains("| DMF | 2 | — | — |"), table.markdown());
        List<SeedAggregate> back = ResultsJson.fromJson(ResultsJson.toJson(List.of(dmf)));
        assertTrue(Double.isNaN(back.getFirst().runs().getFirst().rmse()));
    }
}
