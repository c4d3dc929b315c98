package dev.drex.app.data;

/**
 * The review file formats DReX reads (spec, Data section).
 *
 * <ul>
 *   <li>{@link #CSV}: a header naming the 2014 columns {@code reviewerID, asin, overall, unixReviewTime}
 *       (and optionally {@code summary, reviewText}); RFC 4180 quoting.</li>
 *   <li>{@link #JSON2014}: Amazon 2014/2018 JSON lines ({@code reviewerID, asin, overall, summary,
 *       reviewText, unixReviewTime} in seconds).</li>
 *   <li>{@link #JSONL2023}: Amazon Reviews 2023 JSONL ({@code user_id, parent_asin, rating, title, text,
 *       timestamp} in milliseconds).</li>
 *   <li>{@link #PERSONA2023}: one user per line, {@code {"user_id", "history": [{"parent_asin", "rating",
 *       "timestamp_ms", "review_title", "review_full"}, ...]}}; each history entry is one review.</li>
 * </ul>
 * {@link #AUTO} detects the format from the first non-empty line ({@link FormatDetector}).
 */
public enum InputFormat {
    AUTO, CSV, JSON2014, JSONL2023, PERSONA2023;

    /** Lower-case name as typed on the command line ({@code --format csv}). */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
