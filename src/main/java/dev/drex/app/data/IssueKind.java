package dev.drex.app.data;

/**
 * Why a record was rejected, dropped or noted while reading and cleaning review files.
 * Each kind is counted by {@link IssueLog}; in strict mode every kind, duplicates and empty texts
 * included, becomes an exception naming the file and line (the issue tracker's "--strict turns every one
 * of these into an error").
 */
public enum IssueKind {
    MALFORMED_JSON(Severity.REJECTION, "malformed JSON"),
    MALFORMED_CSV(Severity.REJECTION, "malformed CSV record"),
    MISSING_FIELD(Severity.REJECTION, "missing or empty required field"),
    BAD_ID(Severity.REJECTION, "user or item id contains a tab or line break"),
    BAD_RATING(Severity.REJECTION, "rating not a number in 1..5"),
    BAD_TIMESTAMP(Severity.REJECTION, "timestamp not a non-negative integer"),
    TRUNCATED_INPUT(Severity.WARNING, "input ends early (truncated or corrupt compressed file)"),
    DUPLICATE(Severity.CLEANING, "duplicate (user, item) pair dropped, latest kept"),
    EMPTY_TEXT(Severity.NOTE, "empty review text (kept: missing review modality)");

    /** What happens to the record. */
    public enum Severity {
        /** The record is not used. */
        REJECTION,
        /** Reading stopped early; what was read is kept. */
        WARNING,
        /** A valid record removed by the cleaning rules of the spec. */
        CLEANING,
        /** Kept, only counted. */
        NOTE
    }

    private final Severity severity;
    private final String description;

    IssueKind(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    /** True when strict mode turns this kind into an exception: every kind does. */
    public boolean failsStrict() {
        return true;
    }
}
