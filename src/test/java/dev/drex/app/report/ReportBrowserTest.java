package dev.drex.app.report;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Loads the sample report in a real headless Chromium and fails on any console message (the page has no script,
 * so any message is the browser complaining, e.g. about an SVG attribute it cannot parse), then checks the DOM the
 * browser built. Chromium is required: install it with {@code apt-get install -y chromium} (Debian); the binary
 * can also be named with {@code -Ddrex.chromium=/path/to/chrome}.
 *
 * <p>The page is left at {@code target/report-sample/report.html} for a person to open.
 */
class ReportBrowserTest {

    static final String INSTALL_HINT = "headless Chromium is needed by this test and was not found on PATH "
            + "(looked for chromium, chromium-browser, google-chrome). Install it as root with: "
            + "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium  "
            + "(or pass -Ddrex.chromium=/path/to/chromium)";

    /** What the browser printed: the serialized DOM (stdout) and its log (stderr). */
    record BrowserRun(String dom, String log) {
        /** The page's console messages, one per line of the log ("...:INFO:CONSOLE:12] \"Error: ...\", source: ..."). */
        List<String> consoleMessages() {
            List<String> out = new ArrayList<>();
            for (String line : log.split("\n"))
                if (line.contains(":CONSOLE") || line.contains("Uncaught")) out.add(line);
            return out;
        }
    }

    @Test
    void sampleReportRendersWithoutErrors() throws Exception {
        Path html = Path.of("target", "report-sample", "report.html").toAbsolutePath();
        ReportWriter.write(SampleReport.sample(), html);
        BrowserRun run = dumpDom(html);

        assertEquals(List.of(), run.consoleMessages(), "the browser reported problems with " + html);
        String dom = run.dom();
        assertTrue(dom.contains("<h1>DReX study"), "the DOM has no heading:\n" + head(dom));
        assertEquals(4, ReportWriterTest.count(dom, "<table class=\"results\""));
        assertEquals(1, ReportWriterTest.count(dom, "<table class=\"timings\""));
        assertEquals(3, ReportWriterTest.count(dom, "<table class=\"stats\""));
        assertEquals(14, ReportWriterTest.count(dom, "<svg "));
        assertEquals(14, ReportWriterTest.count(dom, "</svg>"));
        for (String model : SampleReport.MODELS) assertTrue(dom.contains(">" + model + "</th>"), model);
        // every SVG child the writer made is still there after the browser's parse (none swallowed as text)
        String page = Files.readString(html);
        for (String element : List.of("<polyline ", "<line ", "<circle ", "<rect ", "<text "))
            assertEquals(ReportWriterTest.count(page, element), ReportWriterTest.count(dom, element), element);
    }

    /** The console check is not vacuous: a page with a broken SVG attribute is caught. */
    @Test
    void consoleCheckCatchesABrokenSvg(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path html = dir.resolve("broken.html");
        Files.writeString(html, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>x</title></head><body>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"-5\" height=\"1\"/>"
                + "<path d=\"M 0 0 L x\"/></svg></body></html>");
        List<String> messages = dumpDom(html).consoleMessages();
        assertFalse(messages.isEmpty(), "a negative width and a bad path should show as console errors");
        assertTrue(String.join("\n", messages).contains("Error"), String.join("\n", messages));
    }

    /** Without a browser the test fails (never skips) and says how to install one. */
    @Test
    void missingBrowserFailsWithInstallCommand() {
        String before = System.getProperty("drex.chromium");
        System.setProperty("drex.chromium", "/nonexistent/chromium");
        try {
            AssertionFailedError error = assertThrows(AssertionFailedError.class, ReportBrowserTest::findChromium);
            assertTrue(error.getMessage().contains("apt-get install -y chromium"), error.getMessage());
        } finally {
            if (before == null) System.clearProperty("drex.chromium");
            else System.setProperty("drex.chromium", before);
        }
    }

    static BrowserRun dumpDom(Path html) throws IOException, InterruptedException {
        String chromium = findChromium();
        Path profile = Files.createTempDirectory("drex-chromium-");
        try {
            List<String> command = List.of(chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                    "--disable-extensions", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                    "--dump-dom", html.toUri().toString());
            Path out = profile.resolve("dom.html"), err = profile.resolve("log.txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("chromium did not finish within 90 s: " + String.join(" ", command));
            }
            String dom = Files.readString(out, StandardCharsets.UTF_8), log = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || dom.isBlank())
                fail("chromium exited with " + process.exitValue() + " and " + dom.length() + " characters of DOM: "
                        + String.join(" ", command) + "\n" + log);
            return new BrowserRun(dom, log);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a profile file still locked by an exiting browser process; the OS temp cleaner takes it
            }
        }
    }

    static String findChromium() {
        String configured = System.getProperty("drex.chromium");
        if (configured != null && !configured.isBlank()) {
            if (Files.isExecutable(Path.of(configured))) return configured;
            fail("-Ddrex.chromium=" + configured + " is not an executable file. " + INSTALL_HINT);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            for (String name : List.of("chromium", "chromium-browser", "google-chrome"))
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) return Path.of(dir, name).toString();
        return fail(INSTALL_HINT);
    }

    private static String head(String text) {
        return text.substring(0, Math.min(600, text.length()));
    }
}
