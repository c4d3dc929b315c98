package dev.drex.app.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180) from a {@link LineReader}: fields separated by commas; a field may be
 * quoted with {@code "}, and inside quotes a comma, a line break or a doubled quote {@code ""} is part of
 * the field. A record therefore may span several physical lines; it is numbered by its first line.
 * Line breaks inside a quoted field come back as {@code \n}.
 *
 * <p>Leniency: a quote in the middle of an unquoted field is kept as a literal character; blank lines
 * between records are skipped. Errors (text after a closing quote, a quote still open at the end of the
 * input) yield a record with {@link Record#error()} set; reading continues with the next line. When the
 * input is truncated ({@link LineReader#truncated()}) inside a quoted field, the incomplete record is dropped
 * like an incomplete last line.
 */
public final class CsvRecordReader {

    /** One record: its first line, its fields, and an error message ({@code null} when well formed). */
    public record Record(long line, List<String> fields, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final LineReader lines;

    public CsvRecordReader(LineReader lines) {
        this.lines = lines;
    }

    /** The next record, or {@code null} at the end of the input. */
    public Record next() throws IOException {
        String line = lines.next();
        while (line != null && line.isEmpty()) line = lines.next();
        if (line == null) return null;
        long first = lines.lineNumber();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;      // inside a quoted field
        boolean afterQuote = false;    // a quoted field just closed: only ',' or end of record may follow
        boolean fieldStart = true;     // nothing read yet for the current field
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!inQuotes) {
                    fields.add(field.toString());
                    return new Record(first, fields, null);
                }
                line = lines.next();
                if (line == null && lines.truncated()) return null; // cut input: the record is incomplete, not malformed
                if (line == null) {
                    return new Record(first, fields, "quoted field opened on line " + first
                            + " is still open at the end of the input");
                }
                field.append('\n');
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (inQuotes) {
                if (c != '"') {
                    field.append(c);
                } else if (i < line.length() && line.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStart = true;
            } else if (afterQuote) {
                return new Record(first, fields, "unexpected '" + c + "' after the closing quote of field "
                        + (fields.size() + 1) + " on line " + lines.lineNumber());
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
            } else {
                field.append(c);
                fieldStart = false;
            }
        }
    }

    /** Number of the last physical line consumed (for messages about the end of the input). */
    public long lineNumber() {
        return lines.lineNumber();
    }
}
