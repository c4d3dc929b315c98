package dev.drex.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drex.app.eval.MusicalInstruments;
import dev.drex.app.run.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * One small run shared by the run-command tests (trained once per test JVM with {@code ./drex train}):
 * Musical Instruments, the random stand-in vectors (dim 8), d = 8, window 5, 2 epochs.
 */
final class TrainedRun {
    private static Path dir;
    private static Run loaded;

    private TrainedRun() {
    }

    static String data() {
        return MusicalInstruments.file().toString();
    }

    /** The run directory (trained on first use). */
    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("drex-run-");
                Result r = execute(new TrainCommand(), "--data", data(), "--vectors", "random", "--random-dim", "8", "--d", "8", "--window", "5",
                        "--epochs", "2", "--out", d.toString());
                assertEquals(0, r.code(), r.all());
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** The run loaded back. */
    static synchronized Run run() {
        if (loaded == null) {
            try {
                loaded = Run.load(dir(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    /** What a command printed (System.out and its picocli out both captured) and its exit code. */
    record Result(int code, String out, String err) {
        String all() {
            return out + "\n--- stderr ---\n" + err;
        }
    }

    static Result execute(Object command, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        StringWriter pOut = new StringWriter(), pErr = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            CommandLine cl = new CommandLine(command);
            cl.setOut(new PrintWriter(pOut, true));
            cl.setErr(new PrintWriter(pErr, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Result r = new Result(code, out + pOut.toString(), err + pErr.toString());
        oldOut.print(r.out());
        return r;
    }
}
