package dev.drex.app.embed;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place ({@code \r}) at most every 250 ms:
 * {@code embed [#########.........]  4,100/10,261  52.3 reviews/s  ETA 1:58}. The rate is the mean since
 * {@link #start}; thread-safe.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private long done;
    private long startNanos;
    private long lastDraw;

    ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    synchronized void start() {
        startNanos = System.nanoTime();
        lastDraw = 0;
        draw(startNanos);
    }

    synchronized void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS || done == total) draw(now);
    }

    /** Draws the final state and ends the line. */
    synchronized void finish() {
        draw(System.nanoTime());
        if (out != null) out.println();
    }

    private void draw(long now) {
        lastDraw = now;
        if (out == null) return;
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        out.printf("\r%s [%s%s] %,d/%,d  %.1f reviews/s  ETA %s   ", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, rate, eta);
        out.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
