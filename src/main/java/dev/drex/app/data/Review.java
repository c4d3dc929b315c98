package dev.drex.app.data;

/**
 * One accepted review, as read from a file (before de-duplication).
 *
 * @param userId          the reviewer's id ({@code reviewerID} / {@code user_id}), never blank
 * @param itemId          the product's id ({@code asin} / {@code parent_asin}), never blank
 * @param rating          the star rating 1..5 (a fractional rating in [1, 5] is rounded half up)
 * @param title           the review title ({@code summary} / {@code title}); "" when absent
 * @param text            the review body ({@code reviewText} / {@code text}); "" when absent
 * @param timestampMillis time of the review in milliseconds since the epoch (2014 seconds x 1000)
 * @param sourceFile      the file it was read from (as given)
 * @param line            1-based line where its record starts in that file
 */
public record Review(String userId, String itemId, int rating, String title, String text,
                     long timestampMillis, String sourceFile, long line) {

    /** The review as the text model sees it (spec: "title + text"): both joined by one space, blanks skipped. */
    public String fullText() {
        return joinTitleAndText(title, text);
    }

    /** {@code title + " " + text}, or just the non-blank one, or "" when both are blank. */
    public static String joinTitleAndText(String title, String text) {
        boolean hasTitle = !title.isBlank();
        boolean hasText = !text.isBlank();
        if (hasTitle && hasText) return title + " " + text;
        if (hasTitle) return title;
        return hasText ? text : "";
    }

    /** "file:line", for messages. */
    public String where() {
        return sourceFile + ":" + line;
    }
}
