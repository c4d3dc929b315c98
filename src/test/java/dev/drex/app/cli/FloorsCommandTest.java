package dev.drex.app.cli;

import dev.drex.app.eval.MusicalInstruments;
import dev.drex.app.eval.ResultsJson;
import dev.drex.app.eval.SeedAggregate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloorsCommandTest {

    @Test
    void trainsBothFloorsOnEachSeedAndWritesTheTables(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FloorsCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        Path json = dir.resolve("floors.json");
        Path markdown = dir.resolve("floors.md");
        int code = cli.execute("--data", MusicalInstruments.file().toString(), "--seeds", "2", "--json", json.toString(),
                "--markdown", markdown.toString(), "--table-k", "10");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("10261 interactions, 1429 users, 900 items"), out.toString());
        List<SeedAggregate> results = ResultsJson.read(json);
        assertEquals(List.of("global mean", "biased MF"), results.stream().map(SeedAggregate::model).toList());
        assertEquals(List.of(1L, 2L), results.get(1).runs().stream().map(r -> r.seed()).toList());
        String md = Files.readString(markdown);
        assertTrue(md.contains("| global mean | 2 |") && md.contains("| biased MF | 2 |") && md.contains("NDCG@10 full"), md);
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FloorsCommand());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("--data", dir.resolve("nope.csv").toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("nope.csv"), err.toString());
    }

    @Test
    void aTableCutOffThatIsNotEvaluatedIsRefusedBeforeTraining(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FloorsCommand());
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("--data", dir.resolve("any.csv").toString(), "--table-k", "5,7"));
        assertTrue(err.toString().contains("--table-k 7"), err.toString());
    }
}
