package dev.drex.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drex.engine.bert.BertModel;
import dev.drex.engine.bert.BertOutput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** tokenize, embed, fill-mask and fetch-model on a tiny random BERT. */
class BertCommandsTest {

    @TempDir
    Path dir;
    Path model;

    record Run(int code, String out, String err) {
        List<JsonNode> json() throws Exception {
            ObjectMapper m = new ObjectMapper();
            List<JsonNode> nodes = new java.util.ArrayList<>();
            for (String line : out.split("\n")) if (!line.isEmpty()) nodes.add(m.readTree(line));
            return nodes;
        }
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void writeModel() throws Exception {
        model = TinyBertModel.write(dir.resolve("tiny"));
    }

    private Path input(String... lines) throws Exception {
        Path f = dir.resolve("in.jsonl");
        Files.write(f, List.of(lines));
        return f;
    }

    @Test
    void tokenizeAddsClsAndSepAndKeepsLiteralPad() throws Exception {
        Run r = run(new TokenizeCommand(), "--model", model.toString(), "--in",
                input("{\"text\": \"The cats sat\"}", "{\"text\": \"a [PAD] mat\"}").toString());
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.json();
        assertEquals(2, lines.size());
        assertEquals("[\"[CLS]\",\"the\",\"cat\",\"##s\",\"sat\",\"[SEP]\"]", lines.get(0).get("tokens").toString());
        assertEquals("[2,5,6,12,7,3]", lines.get(0).get("ids").toString());
        assertEquals("[2,11,0,9,3]", lines.get(1).get("ids").toString());
    }

    @Test
    void tokenizeNamesTheBadLine() throws Exception {
        Run r = run(new TokenizeCommand(), "--model", model.toString(), "--in",
                input("{\"text\": \"ok\"}", "{\"txt\": \"typo\"}").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("line 2: expected a string field \"text\""), r.err());
    }

    @Test
    void embedPrintsOneLinePerInputInOrderMatchingTheModel() throws Exception {
        Run r = run(new EmbedCommand(), "--model", model.toString(), "--batch", "2", "--in",
                input("{\"text\": \"the cat sat on the mat\"}", "{\"ids\": [2, 10, 3]}", "{\"text\": \"a dog\"}").toString());
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.json();
        assertEquals(3, lines.size());
        int[][] expectedIds = {{2, 5, 6, 7, 8, 5, 9, 3}, {2, 10, 3}, {2, 11, 10, 3}};
        try (BertModel bert = BertModel.load(model)) {
            for (int i = 0; i < 3; i++) {
                JsonNode line = lines.get(i);
                int[] ids = new ObjectMapper().treeToValue(line.get("ids"), int[].class);
                assertArrayEquals(expectedIds[i], ids);
                BertOutput alone = bert.forward(new int[][] {ids}, null);
                JsonNode hidden = line.get("last_hidden_state");
                assertEquals(ids.length, hidden.size());
                for (int t = 0; t < ids.length; t++) {
                    assertEquals(16, hidden.get(t).size());
                    for (int j = 0; j < 16; j++) assertEquals(alone.hidden(0, t, j), hidden.get(t).get(j).floatValue(), 1e-5);
                }
                assertEquals(16, line.get("pooled").size());
                assertEquals(alone.pooled()[3], line.get("pooled").get(3).floatValue(), 1e-5);
            }
        }
    }

    @Test
    void embedNamesBadLines() throws Exception {
        Run r = run(new EmbedCommand(), "--model", model.toString(), "--in",
                input("{\"text\": \"ok\"}", "{\"ids\": [2, 99, 3]}").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("line 2: token id 99 outside the vocabulary [0, 40)"), r.err());
        r = run(new EmbedCommand(), "--model", model.toString(), "--in", input("not json").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("line 1: not valid JSON"), r.err());
        r = run(new EmbedCommand(), "--model", model.toString(), "--max-len", "4", "--in",
                input("{\"ids\": [2, 5, 6, 7, 3]}").toString());
        assertTrue(r.err().contains("line 1: 5 ids, more than --max-len 4"), r.err());
    }

    @Test
    void fillMaskPrintsTopTokensWithProbabilities() {
        Run r = run(new FillMaskCommand(), "--model", model.toString(), "the cat [MASK] on the mat .");
        assertEquals(0, r.code(), r.err());
        String[] rows = r.out().strip().split("\n");
        assertEquals(5, rows.length, r.out());
        double previous = 1, sum = 0;
        for (String row : rows) {
            String[] parts = row.trim().split("\\s+");
            double p = Double.parseDouble(parts[1]);
            assertTrue(p <= previous + 1e-12, "sorted by probability: " + r.out());
            assertTrue(TinyBertModel.vocab().contains(parts[0]), parts[0]);
            previous = p;
            sum += p;
        }
        assertTrue(sum > 0 && sum <= 1.0001, r.out());
        Run none = run(new FillMaskCommand(), "--model", model.toString(), "no mask here");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no [MASK] token"), none.err());
    }

    @Test
    void modelNamesResolveUnderDrexHomeOrSayWhatToRun() throws Exception {
        String old = System.getProperty("drex.home");
        System.setProperty("drex.home", dir.toString());
        try {
            Run missing = run(new EmbedCommand(), "--model", "all-minilm-l6-v2", "--in", input("{\"text\": \"a\"}").toString());
            assertEquals(1, missing.code());
            assertTrue(missing.err().contains("run ./drex fetch-model all-minilm-l6-v2"), missing.err());
            Files.move(model, Files.createDirectories(dir.resolve("models")).resolve("all-minilm-l6-v2"));
            Run found = run(new TokenizeCommand(), "--model", "all-minilm-l6-v2", "--in", input("{\"text\": \"a\"}").toString());
            assertEquals(0, found.code(), found.err());
            Run unknown = run(new TokenizeCommand(), "--model", "no-such-model", "--in", input("{\"text\": \"a\"}").toString());
            assertTrue(unknown.err().contains("neither a directory nor a known model name"), unknown.err());
        } finally {
            if (old == null) System.clearProperty("drex.home");
            else System.setProperty("drex.home", old);
        }
    }

    @Test
    void fetchModelRejectsUnknownNames() {
        Run r = run(new FetchModelCommand(), "gpt-7", "--models-dir", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown model 'gpt-7'; known models: all-minilm-l6-v2, bert-base-uncased"), r.err());
        assertFalse(Files.exists(dir.resolve("gpt-7")));
    }
}
