package dev.drex.app.data;

import dev.drex.app.data.ReviewFactory.FieldNames;

import java.util.List;
import java.util.function.Consumer;

/**
 * Turns CSV records into reviews. The header must name {@code reviewerID}, {@code asin},
 * {@code overall} and {@code unixReviewTime} (seconds); {@code summary} and {@code reviewText} are used
 * when present. Other columns are ignored. Every record must have as many fields as the header.
 */
final class CsvReviewParser {

    /** Columns without which a file is not a review CSV. */
    static final List<String> REQUIRED = List.of("reviewerID", "asin", "overall", "unixReviewTime");

    private final ReviewFactory factory;
    private final int columns;
    private final int user, item, rating, time, title, text;

    /**
     * @throws DataFormatException when the header lacks a required column
     */
    CsvReviewParser(String file, CsvRecordReader.Record header, ReviewFactory factory) {
        this.factory = factory;
        List<String> names = header.fields().stream().map(CsvReviewParser::stripBom).map(String::trim).toList();
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                throw new DataFormatException(file + ":" + header.line() + ": CSV header lacks column '" + required
                        + "' (needs " + REQUIRED + ", has " + names + ")");
            }
        }
        columns = names.size();
        user = names.indexOf("reviewerID");
        item = names.indexOf("asin");
        rating = names.indexOf("overall");
        time = names.indexOf("unixReviewTime");
        title = names.indexOf("summary");
        text = names.indexOf("reviewText");
    }

    /** Parses one record and passes the review, if accepted, to {@code sink}. */
    void parse(CsvRecordReader.Record record, Consumer<Review> sink) {
        if (!record.ok()) {
            factory.reject(IssueKind.MALFORMED_CSV, record.line(), record.error());
            return;
        }
        List<String> f = record.fields();
        if (f.size() != columns) {
            factory.reject(IssueKind.MALFORMED_CSV, record.line(),
                    "has " + f.size() + " fields, the header has " + columns);
            return;
        }
        String ratingRaw = f.get(rating).trim();
        double ratingValue;
        try {
            ratingValue = Double.parseDouble(ratingRaw);
        } catch (NumberFormatException e) {
            ratingValue = Double.NaN;
        }
        String timeRaw = f.get(time).trim();
        Long timeValue;
        try {
            timeValue = Long.parseLong(timeRaw);
        } catch (NumberFormatException e) {
            timeValue = null;
        }
        Review review = factory.build(record.line(), FieldNames.JSON2014, f.get(user), f.get(item), ratingRaw,
                ratingValue, title >= 0 ? f.get(title) : "", text >= 0 ? f.get(text) : "", timeRaw, timeValue);
        if (review != null) sink.accept(review);
    }

    static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
