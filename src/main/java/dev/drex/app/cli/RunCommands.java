package dev.drex.app.cli;

import dev.drex.app.data.DataFormatException;
import dev.drex.app.run.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What the commands over a trained run share: loading it (notes to stderr), and turning failures into "error: ..." and exit code 1. */
final class RunCommands {

    private RunCommands() {
    }

    /** A command body that may fail with an expected error. */
    interface Body {
        void run() throws IOException;
    }

    static Run load(Path dir) throws IOException {
        return Run.load(dir, System.err);
    }

    /** Runs {@code body}; bad input and I/O failures become one "error:" line on {@code err} and exit code 1. */
    static int guarded(PrintWriter err, Body body) {
        try {
            body.run();
            return 0;
        } catch (DataFormatException | IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("error: cannot read or write " + e.getMessage());
            err.flush();
            return 1;
        }
    }

}
