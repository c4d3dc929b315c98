package dev.drex.app.data;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Splits a UTF-8 byte stream into lines ({@code \n} or {@code \r\n}), counting them from 1; a byte order
 * mark before the first line is dropped.
 *
 * <p>Lines are split on bytes before decoding, so every complete line that arrived before a
 * decompression failure is returned. When the stream fails (a truncated gzip ends with
 * {@link EOFException}, corrupt data with {@link ZipException}), {@link #next()} returns {@code null}
 * after the last complete line, {@link #truncated()} becomes true and {@link #truncationDetail()} says
 * what happened; the incomplete last line is dropped. At a clean end of stream a last line without a
 * final newline is returned.
 */
public final class LineReader implements Closeable {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;     // first unread byte
    private int limit;        // end of valid bytes
    private boolean endOfStream;
    private boolean truncated;
    private String truncationDetail = "";
    private long lineNumber;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or {@code null} at the end (or at a truncation). */
    public String next() throws IOException {
        int scanFrom = position;
        while (true) {
            for (int k = scanFrom; k < limit; k++) {
                if (buffer[k] == '\n') {
                    int end = (k > position && buffer[k - 1] == '\r') ? k - 1 : k;
                    String line = new String(buffer, position, end - position, StandardCharsets.UTF_8);
                    position = k + 1;
                    return counted(line);
                }
            }
            if (endOfStream) {
                if (position == limit) return null;
                int start = position;
                position = limit;
                if (truncated) {
                    truncationDetail += "; dropped an incomplete last line of " + (limit - start) + " bytes";
                    return null;
                }
                int end = buffer[limit - 1] == '\r' ? limit - 1 : limit;
                return counted(new String(buffer, start, end - start, StandardCharsets.UTF_8));
            }
            scanFrom = limit - position; // fill() moves the unread bytes to index 0
            fill();
        }
    }

    /** Counts the line; drops a UTF-8 byte order mark at the start of the first. */
    private String counted(String line) {
        lineNumber++;
        return lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Moves unread bytes to the front, grows the buffer if full, reads more. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
        try {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) endOfStream = true;
            else limit += n;
        } catch (EOFException | ZipException e) {
            endOfStream = true;
            truncated = true;
            truncationDetail = "input ended early after line " + lineNumber + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    /** Number of the line last returned by {@link #next()} (1-based; 0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    /** True when the stream failed before its end; valid once {@link #next()} returned {@code null}. */
    public boolean truncated() {
        return truncated;
    }

    /** What went wrong when {@link #truncated()}; "" otherwise. */
    public String truncationDetail() {
        return truncationDetail;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
