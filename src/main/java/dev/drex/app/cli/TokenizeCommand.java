package dev.drex.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drex.tokenizer.bert.BertTokenizer;
import dev.drex.tokenizer.bert.Encoding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./drex tokenize}: JSON Lines {@code {"text": ...}} in, {@code {"tokens": [...], "ids": [...]}} out. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Tokenize JSON Lines {\"text\": ...} with a model's BERT tokenizer; prints one "
                + "{\"tokens\": [...], \"ids\": [...]} per input line, with [CLS] and [SEP].")
public final class TokenizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME",
            description = "Model directory (tokenizer.json or vocab.txt) or a known model name.")
    String model;

    @Option(names = "--in", paramLabel = "FILE", description = "JSON Lines input (default: stdin).")
    Path in;

    @Option(names = "--max-len", paramLabel = "N", description = "Truncate to N tokens including [CLS] and [SEP].")
    Integer maxLen;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (JsonLinesInput input = new JsonLinesInput(in)) {
            BertTokenizer tokenizer = BertTokenizer.fromDirectory(ModelLocator.resolve(model));
            JsonLinesOutput lines = new JsonLinesOutput(out);
            JsonGenerator json = lines.json();
            for (JsonLinesInput.Line line; (line = input.next()) != null; ) {
                String text = input.text(line, "text");
                Encoding e = maxLen == null ? tokenizer.encode(text) : tokenizer.encode(text, maxLen);
                json.writeStartObject();
                json.writeArrayFieldStart("tokens");
                for (String t : e.tokens()) json.writeString(t);
                json.writeEndArray();
                json.writeFieldName("ids");
                json.writeArray(e.ids(), 0, e.ids().length);
                json.writeEndObject();
                lines.endLine();
            }
            out.flush();
            return 0;
        } catch (Exception e) {
            out.flush();
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }
}
