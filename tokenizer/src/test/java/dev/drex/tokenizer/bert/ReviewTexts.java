package dev.drex.tokenizer.bert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

/**
 * Test support: real Amazon review texts from the shared data folder (system property
 * {@code drex.shared.dir}, set by surefire). Fails with a clear message if a file is absent.
 */
final class ReviewTexts {

    private ReviewTexts() {}

    static Path sharedFile(String relative) {
        String dir = System.getProperty("drex.shared.dir");
        if (dir == null) throw new IllegalStateException("system property drex.shared.dir is not set (surefire sets it)");
        Path p = Path.of(dir).resolve(relative);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("shared data file missing: " + p.toAbsolutePath());
        return p;
    }

    /** reviewText and summary of every review in the 2018 All_Beauty 5-core (JSON lines, gzip). */
    static List<String> allBeauty() throws IOException {
        Path p = sharedFile("data/amazon2018_all_beauty_5core/All_Beauty_5.json.gz");
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = json.readTree(line);
                if (n.hasNonNull("reviewText")) out.add(n.get("reviewText").asText());
                if (n.hasNonNull("summary")) out.add(n.get("summary").asText());
            }
        }
        return out;
    }

    /** The reviewText column (5th) of the 2014 Musical Instruments 5-core CSV inside its zip. */
    static List<String> musicalInstruments() throws IOException {
        Path p = sharedFile("data/amazon2014_musical_instruments_5core/Musical_instruments_reviews.csv.zip");
        String csv;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(p))) {
            if (zip.getNextEntry() == null) throw new IOException(p + ": empty zip");
            csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        List<List<String>> rows = parseCsv(csv);
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).size() < 5) throw new IOException(p + ": CSV record " + i + " has " + rows.get(i).size() + " fields");
            out.add(rows.get(i).get(4));
        }
        return out;
    }

    /** RFC 4180 CSV: fields separated by commas, optionally quoted with "" as an escaped quote. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') i++;
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) { row.add(field.toString()); rows.add(row); }
        return rows;
    }
}
