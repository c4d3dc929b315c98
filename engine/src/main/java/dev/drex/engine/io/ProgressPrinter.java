package dev.drex.engine.io;

import java.io.PrintStream;

/**
 * Prints a conversion's progress (percentage of bytes, tensors done, elapsed time) to a stream,
 * at most once per 5 percent so a log stays short.
 */
final class ProgressPrinter implements SafetensorsWriter.Progress {

    private final PrintStream out;
    private final String label;
    private final long startNanos = System.nanoTime();
    private int lastPercent = -5;

    ProgressPrinter(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void tensorWritten(String name, int tensorsDone, int tensorsTotal, long bytesDone, long bytesTotal) {
        if (out == null) return;
        int percent = bytesTotal == 0 ? 100 : (int) (100 * bytesDone / bytesTotal);
        if (percent - lastPercent >= 5 || tensorsDone == tensorsTotal) {
            lastPercent = percent;
            out.printf("%s: %3d%%  %d/%d tensors  %.1f/%.1f MB  %.1f s%n", label, percent, tensorsDone, tensorsTotal,
                    bytesDone / 1e6, bytesTotal / 1e6, (System.nanoTime() - startNanos) / 1e9);
        }
    }
}
