package dev.drex.app.features;

import java.io.PrintStream;

/**
 * A progress line for a load that may take a while: silent for the first 2 s, then redrawn in place
 * ({@code \r}) at most every 250 ms with the count done and the percentage; {@link #finish} ends it with a
 * summary line. Single-threaded.
 */
final class LoadProgress {
    private static final long QUIET_NANOS = 2_000_000_000L, REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    /** {@code out} null: silent. */
    LoadProgress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** {@code done} of {@code total} finished. */
    void advance(long done) {
        if (out == null) return;
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS || now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        drawn = true;
        out.printf("\r%s: %,d/%,d (%.0f%%)   ", label, done, total, total == 0 ? 100.0 : 100.0 * done / total);
        out.flush();
    }

    /** Ends the progress line (if one was drawn) and prints {@code summary} with the time taken. */
    void finish(String summary) {
        if (out == null) return;
        if (drawn) out.println();
        out.printf("%s in %.1f s%n", summary, (System.nanoTime() - start) / 1e9);
    }
}
