package dev.drex.tokenizer.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Test helper: reads (title, text) of every review in the zipped Musical Instruments CSV
 * (RFC 4180: fields in double quotes may hold commas, newlines and doubled quotes).
 */
final class ReviewCsv {

    record Review(String title, String text) {}

    static final String RELATIVE_PATH = "data/amazon2014_musical_instruments_5core/Musical_instruments_reviews.csv.zip";

    private ReviewCsv() {}

    /** The zip under the shared directory (system property drex.shared.dir); fails clearly if absent. */
    static Path sharedZip() {
        String shared = System.getProperty("drex.shared.dir");
        if (shared == null) throw new IllegalStateException("system property drex.shared.dir is not set (surefire sets it)");
        Path zip = Path.of(shared, RELATIVE_PATH);
        if (!Files.isRegularFile(zip)) throw new IllegalStateException("review data missing: " + zip.toAbsolutePath());
        return zip;
    }

    static List<Review> read(Path zip) throws IOException {
        String csv;
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            if (entry == null) throw new IOException(zip + ": empty zip");
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<List<String>> records = parse(csv, zip.toString());
        List<String> header = records.getFirst();
        int title = header.indexOf("summary");
        int text = header.indexOf("reviewText");
        if (title < 0 || text < 0) throw new IOException(zip + ": header lacks summary/reviewText: " + header);
        List<Review> reviews = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() != header.size()) throw new IOException(zip + ": record " + r + " has " + rec.size() + " fields, header has " + header.size());
            reviews.add(new Review(rec.get(title), rec.get(text)));
        }
        return reviews;
    }

    private static List<List<String>> parse(String csv, String name) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '\n') line++;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (!field.isEmpty()) throw new IOException(name + ":" + line + ": quote inside an unquoted field");
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') continue;
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) throw new IOException(name + ": file ends inside a quoted field");
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
