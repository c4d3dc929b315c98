package dev.drex.app.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streams the reviews of one file, one record at a time (memory: one line or CSV record).
 * Bad records are reported to the {@link IssueLog} and skipped; a compressed file that ends early
 * yields every complete line, then a {@link IssueKind#TRUNCATED_INPUT} warning. With a strict log the
 * first problem throws a {@link DataFormatException} naming file, line and reason.
 */
public final class ReviewReader {

    /** What one call to {@link #read} did. */
    public record Summary(String file, InputFormat format, long records, long accepted, boolean truncated) {
    }

    private ReviewReader() {
    }

    /**
     * Reads {@code file} (plain, {@code .gz} or a {@code .zip} with one file) and passes each accepted
     * review to {@code sink} in file order.
     *
     * @param format {@link InputFormat#AUTO} to detect it from the content
     * @return the format used and how many records (JSON lines or CSV records, header excluded) were read
     * @throws DataFormatException when the format cannot be detected, a CSV header is unusable, a zip
     *                             holds several files, or (strict log) any record is bad
     */
    public static Summary read(Path file, InputFormat format, IssueLog log, Consumer<Review> sink) throws IOException {
        InputFormat actual = format == InputFormat.AUTO ? FormatDetector.detect(file) : format;
        String name = file.toString();
        ReviewFactory factory = new ReviewFactory(name, log);
        long[] accepted = {0};
        Consumer<Review> counting = review -> {
            accepted[0]++;
            sink.accept(review);
        };
        long records = 0;
        try (LineReader lines = new LineReader(InputFiles.open(file))) {
            if (actual == InputFormat.CSV) {
                CsvRecordReader csv = new CsvRecordReader(lines);
                CsvRecordReader.Record header = csv.next();
                if (header != null) {
                    CsvReviewParser parser = new CsvReviewParser(name, header, factory);
                    for (CsvRecordReader.Record record = csv.next(); record != null; record = csv.next()) {
                        records++;
                        parser.parse(record, counting);
                    }
                }
            } else {
                JsonReviewParser parser = new JsonReviewParser(actual, factory);
                for (String line = lines.next(); line != null; line = lines.next()) {
                    if (line.isBlank()) continue;
                    records++;
                    parser.parse(line, lines.lineNumber(), counting);
                }
            }
            if (lines.truncated()) {
                log.report(IssueKind.TRUNCATED_INPUT, name, 0, lines.truncationDetail()
                        + "; kept the " + accepted[0] + " reviews read before");
            }
            return new Summary(name, actual, records, accepted[0], lines.truncated());
        }
    }
}
