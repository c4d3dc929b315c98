package dev.drex.app.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Readers on small hand-made files: every format, every compression, every issue kind. */
class ReviewReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static List<Review> read(Path file, InputFormat format, IssueLog log) throws IOException {
        List<Review> out = new ArrayList<>();
        ReviewReader.read(file, format, log, out::add);
        return out;
    }

    private static String j14(String user, String item, String rating, String time, String text) {
        return "{\"reviewerID\": " + user + ", \"asin\": " + item + ", \"overall\": " + rating
                + ", \"summary\": \"t\", \"reviewText\": " + text + ", \"unixReviewTime\": " + time + "}\n";
    }

    @Test
    void json2014EveryRejectionReasonIsCountedWithFileAndLine() throws IOException {
        String content = j14("\"u1\"", "\"i1\"", "5.0", "100", "\"good\"")      // 1 ok
                + "{not json\n"                                                  // 2 malformed
                + j14("\"u2\"", "\"i1\"", "0", "100", "\"x\"")                  // 3 rating 0
                + j14("\"u3\"", "\"i1\"", "6", "100", "\"x\"")                  // 4 rating 6
                + j14("\"u4\"", "\"i1\"", "\"5\"", "100", "\"x\"")              // 5 rating as string
                + j14("\"u5\"", "\"i1\"", "\"NaN\"", "100", "\"x\"")            // 6 rating NaN (text)
                + "{\"reviewerID\": \"u6\", \"overall\": 4, \"unixReviewTime\": 5}\n" // 7 no asin
                + j14("\"u7\"", "\"i1\"", "4.5", "100", "\"\"")                 // 8 ok, rounds to 5, empty text
                + j14("\"u8\"", "\"i1\"", "3", "\"yesterday\"", "\"x\"")       // 9 bad timestamp
                + "\n"                                                           // 10 blank: skipped
                + "[1, 2]\n"                                                     // 11 not an object
                + j14("\"u\\tx\"", "\"i1\"", "3", "100", "\"x\"")              // 12 tab in id
                + j14("\"u9\"", "\"i2\"", "1.49", "7", "\"x\"")                 // 13 ok, rounds to 1
                + j14("\"u10\"", "\"i2\"", "3", "8", "\"x\"").strip() + " trailing\n"   // 14 text after object
                + j14("\"u11\"", "\"i2\"", "null", "8", "\"x\"");               // 15 missing rating
        Path file = write("bad.json", content);
        IssueLog log = IssueLog.lenient();
        List<Review> reviews = read(file, InputFormat.AUTO, log);
        assertEquals(List.of("u1", "u7", "u9"), reviews.stream().map(Review::userId).toList());
        assertEquals(List.of(5, 5, 1), reviews.stream().map(Review::rating).toList());
        assertEquals(100_000L, reviews.get(0).timestampMillis(), "2014 seconds become milliseconds");
        assertEquals("t good", reviews.get(0).fullText());
        assertEquals(8, reviews.get(1).line());
        assertEquals(3, log.count(IssueKind.MALFORMED_JSON));
        assertEquals(4, log.count(IssueKind.BAD_RATING));
        assertEquals(2, log.count(IssueKind.MISSING_FIELD));
        assertEquals(1, log.count(IssueKind.BAD_TIMESTAMP));
        assertEquals(1, log.count(IssueKind.BAD_ID));
        assertEquals(1, log.count(IssueKind.EMPTY_TEXT));
        assertEquals(11, log.rejected());
        assertEquals(file + ":2", log.examples(IssueKind.MALFORMED_JSON).getFirst().toString().split(": ")[0]);
        assertEquals(List.of(3L, 4L, 5L, 6L), log.examples(IssueKind.BAD_RATING).stream().map(IssueLog.Issue::line).toList());
        assertTrue(log.examples(IssueKind.MISSING_FIELD).getFirst().detail().contains("asin"));
        assertEquals(15, log.examples(IssueKind.MISSING_FIELD).get(1).line());
    }

    @Test
    void strictModeThrowsNamingFileLineAndReason() throws IOException {
        Path file = write("strict.json", j14("\"u1\"", "\"i1\"", "5", "1", "\"a\"") + j14("\"u2\"", "\"i1\"", "7", "1", "\"a\""));
        DataFormatException e = assertThrows(DataFormatException.class, () -> read(file, InputFormat.AUTO, IssueLog.strict()));
        assertTrue(e.getMessage().startsWith(file + ":2: rating not a number in 1..5"), e.getMessage());
        // Empty text is kept (a missing review modality) when lenient, and an error when strict.
        Path empty = write("empty.json", j14("\"u1\"", "\"i1\"", "5", "1", "\"\""));
        assertEquals(1, read(empty, InputFormat.AUTO, IssueLog.lenient()).size());
        DataFormatException e2 = assertThrows(DataFormatException.class, () -> read(empty, InputFormat.AUTO, IssueLog.strict()));
        assertTrue(e2.getMessage().startsWith(empty + ":1: empty review text"), e2.getMessage());
    }

    @Test
    void examplesAreCappedButCountsAreNot() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 12; k++) sb.append("{oops\n");
        IssueLog log = IssueLog.lenient();
        read(write("many.json", sb.toString()), InputFormat.JSON2014, log);
        assertEquals(12, log.count(IssueKind.MALFORMED_JSON));
        assertEquals(IssueLog.DEFAULT_EXAMPLES, log.examples(IssueKind.MALFORMED_JSON).size());
    }

    @Test
    void jsonl2023UsesMillisecondsAndJoinsTitleAndText() throws IOException {
        Path file = write("r.jsonl", "{\"rating\": 4.0, \"title\": \"Nice\", \"text\": \"Works well.\", \"asin\": \"B1\", "
                + "\"parent_asin\": \"P1\", \"user_id\": \"U1\", \"timestamp\": 1588687728923}\n"
                + "{\"rating\": 2.0, \"title\": \"\", \"text\": \"meh\", \"parent_asin\": \"P2\", \"user_id\": \"U1\", \"timestamp\": 1588687728924}\n");
        assertEquals(InputFormat.JSONL2023, FormatDetector.detect(file));
        List<Review> reviews = read(file, InputFormat.AUTO, IssueLog.strict());
        assertEquals(2, reviews.size());
        assertEquals(new Review("U1", "P1", 4, "Nice", "Works well.", 1588687728923L, file.toString(), 1), reviews.get(0));
        assertEquals("Nice Works well.", reviews.get(0).fullText());
        assertEquals("meh", reviews.get(1).fullText());
    }

    @Test
    void personaLinesYieldOneReviewPerHistoryEntry() throws IOException {
        Path file = write("p.jsonl", "{\"user_id\": \"U\", \"category\": \"X\", \"history\": ["
                + "{\"parent_asin\": \"A\", \"rating\": 5.0, \"timestamp_ms\": 10, \"review_title\": \"T\", \"review_full\": \"B\"},"
                + "{\"parent_asin\": \"C\", \"rating\": 9, \"timestamp_ms\": 11, \"review_title\": \"T\", \"review_full\": \"B\"},"
                + "{\"parent_asin\": \"D\", \"rating\": 1, \"timestamp_ms\": 12}]}\n"
                + "{\"user_id\": \"V\", \"history\": 3}\n");
        assertEquals(InputFormat.PERSONA2023, FormatDetector.detect(file));
        IssueLog log = IssueLog.lenient();
        List<Review> reviews = read(file, InputFormat.AUTO, log);
        assertEquals(List.of("A", "D"), reviews.stream().map(Review::itemId).toList());
        assertEquals("T B", reviews.get(0).fullText());
        assertEquals(10L, reviews.get(0).timestampMillis());
        assertEquals(1, log.count(IssueKind.BAD_RATING));
        assertEquals(1, log.count(IssueKind.MISSING_FIELD));
        assertEquals(2, log.examples(IssueKind.MISSING_FIELD).getFirst().line());
        assertEquals(1, log.count(IssueKind.EMPTY_TEXT));
    }

    @Test
    void csvQuotedCommasDoubledQuotesAndLineBreaksWithCorrectLineNumbers() throws IOException {
        String csv = "reviewerID,asin,reviewerName,reviewText,overall,summary,unixReviewTime\r\n"
                + "U1,I1,\"Ann, B.\",\"He said \"\"hi\"\", then left.\",5.0,ok,100\r\n"   // line 2
                + "U2,I1,Bo,\"first line\nsecond line\n\nfourth, line\",4,multi,200\r\n" // lines 3-6
                + "U3,I1,Cy,plain,abc,x,300\n"                                        // line 7: bad rating
                + "U4,I1,Di,\"bad\"quote,3,x,300\n"                                   // line 8: text after quote
                + "U5,I1,Ed,short row\n"                                              // line 9: too few fields
                + "U6,I2,Fa,\"\",2,,400\n"                                            // line 10: ok, empty text
                + "U7,I2,Gi,\"never closed,1,x,1\nmore\n";                            // lines 11-12
        Path file = write("r.csv", csv);
        assertEquals(InputFormat.CSV, FormatDetector.detect(file));
        IssueLog log = IssueLog.lenient();
        List<Review> reviews = read(file, InputFormat.AUTO, log);
        assertEquals(List.of("U1", "U2", "U6"), reviews.stream().map(Review::userId).toList());
        assertEquals("He said \"hi\", then left.", reviews.get(0).text());
        assertEquals("first line\nsecond line\n\nfourth, line", reviews.get(1).text());
        assertEquals(List.of(2L, 3L, 10L), reviews.stream().map(Review::line).toList());
        assertEquals(List.of(7L), log.examples(IssueKind.BAD_RATING).stream().map(IssueLog.Issue::line).toList());
        assertEquals(List.of(8L, 9L, 11L), log.examples(IssueKind.MALFORMED_CSV).stream().map(IssueLog.Issue::line).toList());
        assertTrue(log.examples(IssueKind.MALFORMED_CSV).get(2).detail().contains("still open"));
        assertEquals(1, log.count(IssueKind.EMPTY_TEXT));
    }

    @Test
    void csvHeaderWithoutRequiredColumnsIsAClearError() throws IOException {
        Path file = write("h.csv", "user,item,stars\nA,B,5\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> read(file, InputFormat.AUTO, IssueLog.lenient()));
        assertTrue(e.getMessage().startsWith(file + ":1: cannot detect"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> read(file, InputFormat.CSV, IssueLog.lenient()));
        assertTrue(e.getMessage().contains("lacks column 'reviewerID'"), e.getMessage());
    }

    @Test
    void unknownJsonKeysAndEmptyFilesAreClearErrors() throws IOException {
        Path json = write("k.json", "\n\n{\"a\": 1}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(json));
        assertTrue(e.getMessage().startsWith(json + ":3:") && e.getMessage().contains("[a]"), e.getMessage());
        Path empty = write("e.json", "");
        e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void gzipAndZipAreRecognisedFromContent() throws IOException {
        String content = j14("\"u1\"", "\"i1\"", "5", "1", "\"a\"") + j14("\"u2\"", "\"i1\"", "4", "2", "\"b\"");
        Path gz = dir.resolve("plain-name-but-gzip.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        Path zip = dir.resolve("one.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("dir/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("dir/r.json"));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        for (Path p : List.of(gz, zip)) {
            IssueLog log = IssueLog.strict();
            assertEquals(List.of("u1", "u2"), read(p, InputFormat.AUTO, log).stream().map(Review::userId).toList());
        }
    }

    @Test
    void zipWithSeveralFilesIsAnError() throws IOException {
        Path zip = dir.resolve("two.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("a.json", "b.json")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(j14("\"u1\"", "\"i1\"", "5", "1", "\"a\"").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> read(zip, InputFormat.JSON2014, IssueLog.lenient()));
        assertTrue(e.getMessage().contains("exactly one file") && e.getMessage().contains("a.json"), e.getMessage());
    }

    @Test
    void lastLineWithoutNewlineIsRead() throws IOException {
        Path file = write("n.json", j14("\"u1\"", "\"i1\"", "5", "1", "\"a\"") + j14("\"u2\"", "\"i1\"", "5", "1", "\"a\"").strip());
        assertEquals(2, read(file, InputFormat.AUTO, IssueLog.strict()).size());
    }

    @Test
    void gzipCsvCutInsideAQuotedFieldKeepsTheCompleteRecords() throws IOException {
        String csv = "reviewerID,asin,overall,unixReviewTime,reviewText\n"
                + "U1,I1,5,1,\"one\ntwo\"\n"
                + "U2,I1,4,2,\"" + "long text ".repeat(5000) + "\nmore\"\n";
        byte[] gz;
        try (var bytes = new java.io.ByteArrayOutputStream(); var out = new GZIPOutputStream(bytes)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
            out.finish();
            gz = bytes.toByteArray();
        }
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(gz, gz.length - 12)); // loses the end of the deflate data and the trailer
        IssueLog log = IssueLog.lenient();
        List<Review> reviews = read(cut, InputFormat.CSV, log);
        assertEquals(List.of("U1"), reviews.stream().map(Review::userId).toList());
        assertEquals("one\ntwo", reviews.getFirst().text());
        assertEquals(0, log.rejected(), "the cut record is incomplete, not malformed");
        assertEquals(1, log.count(IssueKind.TRUNCATED_INPUT));
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        Path json = write("bom.json", "\uFEFF" + j14("\"u1\"", "\"i1\"", "5", "1", "\"a\""));
        assertEquals(1, read(json, InputFormat.AUTO, IssueLog.strict()).size());
        Path csv = write("bom.csv", "\uFEFFreviewerID,asin,overall,unixReviewTime,reviewText\nU,I,3,5,fine\n");
        assertEquals(1, read(csv, InputFormat.AUTO, IssueLog.strict()).size());
    }

    @Test
    void missingFileIsAnIOExceptionNamingIt() {
        Path missing = dir.resolve("nope.json");
        IOException e = assertThrows(IOException.class, () -> read(missing, InputFormat.AUTO, IssueLog.lenient()));
        assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
    }
}
