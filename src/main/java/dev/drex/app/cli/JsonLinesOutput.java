package dev.drex.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;

/** Streams one compact JSON object per line to a writer (no tree built for large arrays). */
final class JsonLinesOutput {

    private final PrintWriter out;
    private final JsonGenerator json;

    JsonLinesOutput(PrintWriter out) throws IOException {
        this.out = out;
        this.json = new ObjectMapper().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    /** The generator to write one object with; call {@link #endLine} after it. */
    JsonGenerator json() {
        return json;
    }

    /** Ends the current line and flushes it. */
    void endLine() throws IOException {
        json.flush();
        out.println();
        out.flush();
    }
}
