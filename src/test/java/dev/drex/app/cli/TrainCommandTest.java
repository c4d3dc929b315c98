package dev.drex.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.model.DrexConfig;
import dev.drex.app.model.MusicalInstruments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {

    private static String data() {
        return Path.of(System.getProperty("drex.shared.dir")).resolve(MusicalInstruments.FILE).toString();
    }

    @Test
    void helpListsTheDefaults() {
        StringWriter sw = new StringWriter();
        CommandLine cl = new CommandLine(new TrainCommand());
        cl.setOut(new PrintWriter(sw));
        assertEquals(0, cl.execute("--help"));
        String help = sw.toString();
        for (String s : new String[] {"--variant", "--d", "(default 64)", "--window", "(default 20)", "--lr", "(default 0.001)",
                "--batch-size", "(default 128)", "--patience", "--clip-norm", "(default 5.0)", "--no-gru", "--resume", "--profile"}) {
            assertTrue(help.contains(s), "help lacks " + s + ":\n" + help);
        }
    }

    @Test
    void trainsWritesTheRunAndResumes(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        String[] args = {"--data", data(), "--vectors", "random", "--d", "8", "--window", "5", "--epochs", "1", "--out", run.toString()};
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        int code;
        try {
            code = new CommandLine(new TrainCommand()).execute(args);
        } finally {
            System.setOut(old);
        }
        String log = buf.toString();
        System.out.print(log);
        assertEquals(0, code, log);
        assertTrue(log.contains("RANDOM STAND-IN"));
        assertTrue(log.contains("interactions/s"));
        for (String f : new String[] {"model.safetensors", "config.json", "split.tsv", "checkpoint/LATEST"}) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        assertEquals(8, DrexConfig.fromJson(Files.readString(run.resolve("config.json"))).d());
        // resuming a finished run trains no further epoch and rewrites the model
        String[] again = {"--data", data(), "--vectors", "random", "--d", "8", "--window", "5", "--epochs", "1", "--out", run.toString(), "--resume"};
        assertEquals(0, new CommandLine(new TrainCommand()).execute(again));
    }

    @Test
    void theCacheNeedsItsPath(@TempDir Path dir) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        int code;
        try {
            code = new CommandLine(new TrainCommand()).execute("--data", data(), "--epochs", "1", "--out", dir.toString());
        } finally {
            System.setErr(old);
        }
        assertEquals(1, code);
        assertTrue(buf.toString().contains("--vectors cache:PATH") && buf.toString().contains("./drex embed-reviews"), buf.toString());
    }
}
