package dev.drex.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.cli.CompareCommand;
import dev.drex.app.embed.TinyBertDir;
import dev.drex.app.report.StudyReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code drex compare} end to end on a synthetic 480-interaction file, random stand-in vectors and a tiny random BERT
 * for the word pieces: every model, the small grid, 2 seeds, 2 epochs. Checks the table's shape, the ranks, DMF's
 * missing MAE/RMSE, the report data, and that a rerun after deleting cells recomputes exactly those cells and gives
 * the same tables.
 */
class CompareStudyTest {

    record Result(int code, String out, String err) {
        String all() {
            return out + "\n--- stderr ---\n" + err;
        }
    }

    static Result execute(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true));
            CommandLine cl = new CommandLine(new CompareCommand());
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
        }
        return new Result(code, out.toString(), err.toString());
    }

    private static Set<String> cells(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("cells"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void smallStudyEndToEndAndResumesOnlyTheMissingCells(@TempDir Path tmp) throws Exception {
        Path data = CompareTestData.write(tmp.resolve("reviews.csv"));
        Path bert = TinyBertDir.write(tmp.resolve("tiny-bert"), 16, 1, 64, 3);
        Path out = tmp.resolve("study");
        String[] args = {"--data", data.toString(), "--vectors", "random", "--random-dim", "8", "--word-pieces", bert.toString(), "--grid", "small",
                "--seeds", "2", "--max-epochs", "2", "--out", out.toString()};
        int total = 0; // every model's small grid on seed 1, then the chosen point on seed 2: 23 for the 8 models
        for (String name : StudyModels.NAMES) total += StudyGrids.of(name, StudyGrids.Size.SMALL).size() + 1;
        long start = System.nanoTime();
        // a study stopped after 5 cells (as a kill would stop it) ...
        Result part = execute(Stream.concat(Stream.of(args), Stream.of("--max-cells", "5")).toArray(String[]::new));
        assertEquals(0, part.code(), part.all());
        assertTrue(part.out().contains("NOT COMPLETE"), part.out());
        assertEquals(5, cells(out).size());
        assertFalse(Files.exists(out.resolve("results.json")));
        assertTrue(part.out().contains("cell 1/" + total + ": drex seed 1 lr=0.001 lambda=0.001 d=16 dropout=0: "), part.out());
        assertTrue(part.out().contains("min left"), "a time estimate: " + part.out());
        // ... continues at the first unfinished cell
        Result first = execute(args);
        assertEquals(0, first.code(), first.all());
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = first.out().lines().filter(l -> l.startsWith("cell ")).toList();
        assertEquals(total - 5, lines.size(), first.out());
        assertTrue(lines.getFirst().startsWith("cell 6/" + total + ": "), lines.getFirst());

        Set<String> files = cells(out);
        assertEquals(total, files.size(), files.toString());

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("PESI") && html.contains("DReX-MLP"), "report.html has the figures and every model");

        StudyResults results = StudyFiles.readResults(out);
        assertEquals(StudyModels.NAMES, results.models().stream().map(StudyResults.ModelOutcome::model).toList());
        for (StudyResults.ModelOutcome m : results.models()) {
            assertNotNull(m.chosen(), m.model());
            assertEquals(2, m.test().runs().size(), m.model());
            assertEquals(List.of(1L, 2L), m.chosenCells().stream().map(CellResult::seed).toList());
            CellResult best = CompareStudy.select(m.tuning());
            assertEquals(best.point(), m.chosen(), m.model() + ": the chosen point has the lowest seed-1 validation score");
            for (CellResult c : m.tuning()) assertTrue(c.validationScore() >= best.validationScore());
            assertTrue(m.seconds() > 0);
        }
        // both models see the same split of each seed
        assertEquals(outcome(results, "drex").chosenCells().get(1).splitSha256(), outcome(results, "deepconn").chosenCells().get(1).splitSha256());

        StudyReport report = StudyFiles.readReport(out);
        assertEquals(2, report.tables().size());
        for (StudyReport.ResultTable t : report.tables()) {
            assertEquals(StudyModels.NAMES.size(), t.models().size());
            assertEquals(2 + 2 * 8, t.columns().size());
            assertEquals("MAE", t.columns().get(0).name());
            int dmf = t.models().indexOf("DMF");
            assertTrue(Double.isNaN(t.mean()[dmf][0]) && Double.isNaN(t.mean()[dmf][1]), "DMF has no MAE/RMSE");
            int[][] ranks = StudyTable.ranks(t);
            assertEquals(0, ranks[dmf][0]);
            for (int c = 0; c < t.columns().size(); c++) {
                for (int m = 0; m < t.models().size(); m++) {
                    if (Double.isNaN(t.mean()[m][c])) continue;
                    int better = 0;
                    for (int o = 0; o < t.models().size(); o++) {
                        double a = Math.round(t.mean()[o][c] * 1e4), b = Math.round(t.mean()[m][c] * 1e4);
                        if (!Double.isNaN(t.mean()[o][c]) && (t.columns().get(c).higherIsBetter() ? a > b : a < b)) better++;
                    }
                    assertEquals(better + 1, ranks[m][c], t.models().get(m) + " " + t.columns().get(c).name());
                }
            }
        }
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("| DMF | — | — |"), md);
        assertTrue(md.contains("| model | MAE | RMSE | NDCG@1 |"), md);
        assertEquals(StudyModels.NAMES.size(), report.timings().size());
        assertNotNull(report.overlap(), "DReX's keyword overlap");
        assertEquals("DReX", report.overlap().model());
        assertTrue(report.overlap().topItems().size() <= 3 && !report.overlap().userKeywords().isEmpty(), report.overlap().toString());
        assertTrue(report.curves().stream().anyMatch(c -> c.model().equals("NARRE") && c.seed() == 2));
        assertTrue(report.curves().stream().noneMatch(c -> c.model().equals("DMF") || c.model().equals("global mean")));
        assertTrue(report.sensitivities().stream().anyMatch(s -> s.model().equals("DReX") && s.parameter().equals("lr") && s.values().length == 2),
                report.sensitivities().toString());

        // delete three cells (a tuning cell, a later-seed cell, a DReX cell) and rerun: only those are computed again
        List<String> deleted = List.of("narre-seed1-" + StudyGrids.of("narre", StudyGrids.Size.SMALL).get(1).key() + ".json",
                "biased-mf-seed2-" + outcome(results, "biased-mf").chosen().key() + ".json", "drex-seed1-lr0.01_lambda0.001_d16_dropout0.json");
        for (String f : deleted) Files.delete(out.resolve("cells").resolve(f));
        String tablesBefore = tables(report);
        Result second = execute(args);
        assertEquals(0, second.code(), second.all());
        List<String> recomputed = second.out().lines().filter(l -> l.startsWith("cell ")).toList();
        assertEquals(3, recomputed.size(), second.out());
        assertTrue(recomputed.get(0).startsWith("cell 2/" + total + ": drex seed 1 lr=0.01"), recomputed.toString());
        assertTrue(recomputed.stream().anyMatch(l -> l.contains(": narre seed 1 lr=0.001")), recomputed.toString());
        assertTrue(recomputed.stream().anyMatch(l -> l.contains(": biased-mf seed 2 ")), recomputed.toString());
        assertEquals(files, cells(out));
        assertEquals(tablesBefore, tables(StudyFiles.readReport(out)), "the rerun gives the same tables");

        // the same directory with other data settings is refused
        Result other = execute(Stream.concat(Stream.of(args), Stream.of("--min-user", "6")).toArray(String[]::new));
        assertEquals(1, other.code());
        assertTrue(other.err().contains("holds a study with other settings"), other.err());
        // other DReX vectors: DReX's cells are refused (the other models' cells would still be valid)
        String[] otherVectors = args.clone();
        assertEquals("--random-dim", otherVectors[4]);
        otherVectors[5] = "4";
        Result refused = execute(otherVectors);
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("drex-seed1-lr0.001_lambda0.001_d16_dropout0.json was trained with other fixed settings or inputs"),
                refused.err());
        System.out.printf("compare end to end: first run %.1f s%n%s", seconds, part.out() + first.out());
    }

    private static StudyResults.ModelOutcome outcome(StudyResults r, String model) {
        return r.models().stream().filter(m -> m.model().equals(model)).findFirst().orElseThrow();
    }

    private static String tables(StudyReport r) {
        return r.tables().stream().map(StudyTable::markdown).collect(Collectors.joining("\n"));
    }

    @Test
    void unknownModelIsAClearError(@TempDir Path tmp) {
        Result r = execute("--data", "x.csv", "--models", "drex,pesi2", "--out", tmp.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown model 'pesi2'"), r.all());
    }
}
