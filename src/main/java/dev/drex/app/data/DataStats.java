package dev.drex.app.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code drex data stats} prints: counts before and after cleaning and after a k-core filter,
 * the rating histogram, review lengths, sparsity, and every issue met while reading.
 *
 * <p>Definitions. Review length = number of words of the review body ({@link Dataset#text}), words being
 * maximal runs of non-space characters; median = mean of the two middle values for an even count;
 * p90 = nearest rank, the {@code ceil(0.9 n)}-th smallest. Sparsity = {@code 1 - n / (U * I)}.
 * Empty texts = reviews whose body is blank; without any text = title and body both blank (the review
 * modality is missing). Everything except the read counts and issues is measured on the cleaned
 * (de-duplicated) data.
 */
public record DataStats(List<ReviewReader.Summary> files, long recordsRead, long reviewsAccepted,
                        long duplicatesRemoved, int reviews, int users, int items, long[] ratingHistogram,
                        double meanRating, double meanWords, double medianWords, int p90Words, int maxWords,
                        double sparsity, int emptyTexts, int withoutAnyText, Map<IssueKind, Long> issues, List<String> issueExamples,
                        KCoreFilter.Result kcore) {

    /** Reads {@code files}, cleans them, applies the (minUser, minItem) k-core filter, and measures. */
    public static DataStats compute(List<Path> files, InputFormat format, IssueLog log, int minUser, int minItem)
            throws IOException {
        DatasetBuilder builder = new DatasetBuilder(log);
        List<ReviewReader.Summary> summaries = new ArrayList<>();
        for (Path file : files) summaries.add(ReviewReader.read(file, format, log, builder::add));
        return of(builder.build(), summaries, log, minUser, minItem);
    }

    /** Measures an already cleaned dataset read as {@code summaries} reported, with the issues of {@code log}. */
    public static DataStats of(Dataset data, List<ReviewReader.Summary> summaries, IssueLog log, int minUser, int minItem) {
        int n = data.size();
        long[] histogram = new long[6];
        double ratingSum = 0;
        int[] words = new int[n];
        int empty = 0;
        int noText = 0;
        for (int k = 0; k < n; k++) {
            histogram[data.rating(k)]++;
            ratingSum += data.rating(k);
            words[k] = countWords(data.text(k));
            if (data.text(k).isBlank()) empty++;
            if (data.fullText(k).isBlank()) noText++;
        }
        Arrays.sort(words);
        double wordSum = 0;
        for (int w : words) wordSum += w;
        double median = n == 0 ? 0 : n % 2 == 1 ? words[n / 2] : (words[n / 2 - 1] + words[n / 2]) / 2.0;
        int p90 = n == 0 ? 0 : words[(int) Math.ceil(0.9 * n) - 1];
        double cells = (double) data.numUsers() * data.numItems();
        List<String> examples = new ArrayList<>();
        for (IssueKind kind : log.counts().keySet()) log.examples(kind).forEach(issue -> examples.add(issue.toString()));
        long read = 0;
        long accepted = 0;
        for (ReviewReader.Summary s : summaries) {
            read += s.records();
            accepted += s.accepted();
        }
        return new DataStats(List.copyOf(summaries), read, accepted, log.count(IssueKind.DUPLICATE), n,
                data.numUsers(), data.numItems(), histogram, n == 0 ? Double.NaN : ratingSum / n,
                n == 0 ? 0 : wordSum / n, median, p90, n == 0 ? 0 : words[n - 1],
                cells == 0 ? Double.NaN : 1.0 - n / cells, empty, noText, new LinkedHashMap<>(log.counts()),
                List.copyOf(examples), KCoreFilter.apply(data, minUser, minItem));
    }

    /** Number of maximal runs of non-space characters (Unicode spaces included). */
    public static int countWords(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (!space && !inWord) count++;
            inWord = !space;
        }
        return count;
    }

    /** A readable, aligned report. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        for (ReviewReader.Summary s : files) {
            row(sb, "file", s.file() + " (" + s.format().cliName() + ", " + s.records() + " records, "
                    + s.accepted() + " accepted" + (s.truncated() ? ", TRUNCATED" : "") + ")");
        }
        row(sb, "records read", Long.toString(recordsRead));
        row(sb, "reviews accepted", Long.toString(reviewsAccepted));
        row(sb, "duplicates removed", Long.toString(duplicatesRemoved));
        row(sb, "reviews", Integer.toString(reviews));
        row(sb, "users", Integer.toString(users));
        row(sb, "items", Integer.toString(items));
        row(sb, "sparsity", fmt("%.6f", sparsity));
        StringBuilder hist = new StringBuilder();
        for (int r = 1; r <= 5; r++) hist.append(r).append(": ").append(ratingHistogram[r]).append(r < 5 ? "  " : "");
        row(sb, "ratings", hist + fmt("  (mean %.3f)", meanRating));
        row(sb, "review words", fmt("mean %.1f, median %.1f, p90 %d, max %d", meanWords, medianWords, p90Words, maxWords));
        row(sb, "empty review texts", Integer.toString(emptyTexts));
        row(sb, "no title and no text", withoutAnyText + "  (missing review modality)");
        if (issues.isEmpty()) row(sb, "issues", "none");
        for (var e : issues.entrySet()) row(sb, "issue " + e.getKey().name().toLowerCase(Locale.ROOT), e.getValue()
                + "  (" + e.getKey().description() + ")");
        KCoreFilter.Pass last = kcore.passes().getLast();
        row(sb, "k-core " + kcore.minUser() + "/" + kcore.minItem(), last.interactions() + " reviews, " + last.users()
                + " users, " + last.items() + " items after " + kcore.passCount() + (kcore.passCount() == 1 ? " pass" : " passes"));
        if (!issueExamples.isEmpty()) {
            sb.append("first issues:\n");
            for (String example : issueExamples) sb.append("  ").append(example).append('\n');
        }
        return sb.toString();
    }

    /** The same content as JSON (pretty printed). */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode fileArray = root.putArray("files");
        for (ReviewReader.Summary s : files) {
            fileArray.addObject().put("file", s.file()).put("format", s.format().cliName())
                    .put("records", s.records()).put("accepted", s.accepted()).put("truncated", s.truncated());
        }
        root.put("recordsRead", recordsRead).put("reviewsAccepted", reviewsAccepted)
                .put("duplicatesRemoved", duplicatesRemoved).put("reviews", reviews).put("users", users)
                .put("items", items).put("sparsity", sparsity).put("meanRating", meanRating);
        ObjectNode hist = root.putObject("ratingHistogram");
        for (int r = 1; r <= 5; r++) hist.put(Integer.toString(r), ratingHistogram[r]);
        root.putObject("reviewWords").put("mean", meanWords).put("median", medianWords).put("p90", p90Words)
                .put("max", maxWords);
        root.put("emptyTexts", emptyTexts).put("withoutAnyText", withoutAnyText);
        ObjectNode issueNode = root.putObject("issues");
        issues.forEach((kind, count) -> issueNode.put(kind.name(), count));
        ArrayNode exampleArray = root.putArray("issueExamples");
        issueExamples.forEach(exampleArray::add);
        KCoreFilter.Pass last = kcore.passes().getLast();
        ObjectNode k = root.putObject("kcore").put("minUser", kcore.minUser()).put("minItem", kcore.minItem())
                .put("passes", kcore.passCount()).put("reviews", last.interactions()).put("users", last.users())
                .put("items", last.items());
        ArrayNode passArray = k.putArray("perPass");
        for (KCoreFilter.Pass p : kcore.passes()) {
            passArray.addObject().put("pass", p.pass()).put("reviews", p.interactions()).put("users", p.users())
                    .put("items", p.items());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise stats", e);
        }
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "%-22s %s%n", label, value));
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
