package dev.drex.app.data;

/**
 * Turns raw field values (already taken out of JSON or CSV) into a {@link Review}, checking each one
 * and reporting the first problem to the {@link IssueLog}. Shared by every format so that the rules
 * are stated once:
 * <ul>
 *   <li>user and item: present, not blank, no tab or line break (ids are written to TSV split files);</li>
 *   <li>rating: a finite number {@code r} with {@code 1 <= r <= 5}, rounded half up ({@code floor(r + 0.5)}); text such as
 *       {@code "five"}, NaN, 0 or 6 is a {@link IssueKind#BAD_RATING} (spec: ratings must be 1..5);</li>
 *   <li>timestamp: a non-negative integer, in the unit of the format, converted to milliseconds;</li>
 *   <li>title and text: optional, absent means ""; an empty body is kept and noted
 *       ({@link IssueKind#EMPTY_TEXT}).</li>
 * </ul>
 */
final class ReviewFactory {

    private final String file;
    private final IssueLog log;

    ReviewFactory(String file, IssueLog log) {
        this.file = file;
        this.log = log;
    }

    /** How a format names its required fields, and the unit of its timestamps. */
    record FieldNames(String user, String item, String rating, String time, long millisPerUnit) {
        static final FieldNames JSON2014 = new FieldNames("reviewerID", "asin", "overall", "unixReviewTime", 1000);
        static final FieldNames JSONL2023 = new FieldNames("user_id", "parent_asin", "rating", "timestamp", 1);
        static final FieldNames PERSONA2023 = new FieldNames("user_id", "parent_asin", "rating", "timestamp_ms", 1);
    }

    /**
     * Checks the fields and returns the review, or {@code null} after reporting why it was rejected.
     *
     * @param ratingRaw    the rating as it appeared (for messages), {@code null} when absent
     * @param rating       its numeric value, NaN when not a number
     * @param timestampRaw the timestamp as it appeared, {@code null} when absent
     * @param timestamp    its integer value in the format's unit, {@code null} when not an integer
     */
    Review build(long line, FieldNames names, String userId, String itemId, String ratingRaw, double rating,
                 String title, String text, String timestampRaw, Long timestamp) {
        if (isMissing(userId)) return reject(IssueKind.MISSING_FIELD, line, "'" + names.user() + "' is missing or empty");
        if (isMissing(itemId)) return reject(IssueKind.MISSING_FIELD, line, "'" + names.item() + "' is missing or empty");
        if (hasBreak(userId) || hasBreak(itemId)) {
            return reject(IssueKind.BAD_ID, line, "id " + quote(hasBreak(userId) ? userId : itemId));
        }
        if (ratingRaw == null || ratingRaw.isBlank()) {
            return reject(IssueKind.MISSING_FIELD, line, "'" + names.rating() + "' is missing or empty");
        }
        if (!(rating >= 1.0 && rating <= 5.0)) { // also false for NaN
            return reject(IssueKind.BAD_RATING, line, "'" + names.rating() + "' is " + quote(ratingRaw));
        }
        int stars = (int) Math.floor(rating + 0.5);
        if (timestampRaw == null || timestampRaw.isBlank()) {
            return reject(IssueKind.MISSING_FIELD, line, "'" + names.time() + "' is missing or empty");
        }
        long millisPerUnit = names.millisPerUnit();
        if (timestamp == null || timestamp < 0 || timestamp > Long.MAX_VALUE / millisPerUnit) {
            return reject(IssueKind.BAD_TIMESTAMP, line, "'" + names.time() + "' is " + quote(timestampRaw));
        }
        String safeTitle = title == null ? "" : title;
        String safeText = text == null ? "" : text;
        if (safeText.isBlank()) {
            log.report(IssueKind.EMPTY_TEXT, file, line, "user " + userId + ", item " + itemId
                    + (safeTitle.isBlank() ? ", no title either" : ", title " + quote(safeTitle)));
        }
        return new Review(userId, itemId, stars, safeTitle, safeText, timestamp * millisPerUnit, file, line);
    }

    /** Reports a rejection and returns {@code null}. */
    Review reject(IssueKind kind, long line, String detail) {
        log.report(kind, file, line, detail);
        return null;
    }

    private static boolean isMissing(String s) {
        return s == null || s.isBlank();
    }

    private static boolean hasBreak(String s) {
        return s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /** Quotes a raw value for a message, shortened to 60 characters. */
    static String quote(String raw) {
        String s = raw.length() > 60 ? raw.substring(0, 57) + "..." : raw;
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}
