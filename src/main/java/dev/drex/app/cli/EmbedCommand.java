package dev.drex.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drex.engine.bert.BertModel;
import dev.drex.engine.bert.BertOutput;
import dev.drex.tokenizer.bert.BertTokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./drex embed}: runs the BERT encoder on JSON Lines input, {@code {"text": ...}} (tokenized
 * with the model's tokenizer, [CLS]/[SEP] added) or {@code {"ids": [...]}} (used as given), and
 * prints {@code {"ids", "last_hidden_state", "pooled"}} per line, in input order.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Encode JSON Lines {\"text\": ...} or {\"ids\": [...]} with a BERT model; prints one "
                + "{\"ids\": [...], \"last_hidden_state\": [[...], ...], \"pooled\": [...]} per input line "
                + "(pooled only when the model has a pooler).")
public final class EmbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME",
            description = "Model directory (config.json, vocab.txt, model.safetensors) or a known model name.")
    String model;

    @Option(names = "--in", paramLabel = "FILE", description = "JSON Lines input (default: stdin).")
    Path in;

    @Option(names = "--batch", paramLabel = "N", description = "Sequences encoded together (default: ${DEFAULT-VALUE}).")
    int batch = 8;

    @Option(names = "--max-len", paramLabel = "N",
            description = "Texts are truncated to N tokens; longer ids lines are an error (default: the model's maximum).")
    Integer maxLen;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (JsonLinesInput input = new JsonLinesInput(in)) {
            if (batch < 1) throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
            Path dir = ModelLocator.resolve(model);
            try (BertModel bert = BertModel.load(dir)) {
                int limit = maxLen == null ? bert.config().maxPositionEmbeddings() : maxLen;
                if (limit < 2 || limit > bert.config().maxPositionEmbeddings()) {
                    throw new IllegalArgumentException("--max-len must be in [2, " + bert.config().maxPositionEmbeddings()
                            + "], got " + limit);
                }
                JsonLinesOutput lines = new JsonLinesOutput(out);
                BertTokenizer tokenizer = null;
                List<int[]> pending = new ArrayList<>();
                for (JsonLinesInput.Line line; (line = input.next()) != null; ) {
                    int[] ids;
                    if (line.json().has("ids")) {
                        ids = input.ints(line, "ids");
                        if (ids.length == 0) throw input.error(line.number(), "\"ids\" is empty");
                        if (ids.length > limit) {
                            throw input.error(line.number(), ids.length + " ids, more than --max-len " + limit);
                        }
                        for (int id : ids) {
                            if (id < 0 || id >= bert.config().vocabSize()) {
                                throw input.error(line.number(), "token id " + id + " outside the vocabulary [0, "
                                        + bert.config().vocabSize() + ")");
                            }
                        }
                    } else {
                        String text = input.text(line, "text");
                        if (tokenizer == null) tokenizer = BertTokenizer.fromDirectory(dir);
                        ids = tokenizer.encode(text, limit).ids();
                    }
                    pending.add(ids);
                    if (pending.size() == batch) flush(bert, pending, lines);
                }
                flush(bert, pending, lines);
            }
            return 0;
        } catch (Exception e) {
            out.flush();
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Encodes the pending sequences as one batch and prints them in order. */
    private static void flush(BertModel bert, List<int[]> pending, JsonLinesOutput lines) throws IOException {
        if (pending.isEmpty()) return;
        BertOutput result = bert.forward(pending.toArray(int[][]::new), null);
        JsonGenerator json = lines.json();
        int h = result.hidden();
        for (int b = 0; b < pending.size(); b++) {
            int[] ids = pending.get(b);
            json.writeStartObject();
            json.writeFieldName("ids");
            json.writeArray(ids, 0, ids.length);
            json.writeArrayFieldStart("last_hidden_state");
            for (int t = 0; t < ids.length; t++) {
                json.writeStartArray();
                int off = result.offset(b, t);
                for (int j = 0; j < h; j++) json.writeNumber(result.lastHiddenState()[off + j]);
                json.writeEndArray();
            }
            json.writeEndArray();
            if (result.pooled() != null) {
                json.writeArrayFieldStart("pooled");
                for (int j = 0; j < h; j++) json.writeNumber(result.pooled()[b * h + j]);
                json.writeEndArray();
            }
            json.writeEndObject();
            lines.endLine();
        }
        pending.clear();
    }
}
