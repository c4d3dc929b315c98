package dev.drex.app.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts every {@link IssueKind} met while reading and cleaning, and keeps the first few examples of each
 * (file, line, detail). In strict mode a rejection or warning throws a {@link DataFormatException} at once.
 */
public final class IssueLog {

    /** One reported issue. {@code line} is 1-based; 0 means "the whole file". */
    public record Issue(IssueKind kind, String file, long line, String detail) {
        @Override
        public String toString() {
            return (line > 0 ? file + ":" + line : file) + ": " + kind.description() + ": " + detail;
        }
    }

    /** Default number of examples kept per kind. */
    public static final int DEFAULT_EXAMPLES = 5;

    private final boolean strict;
    private final int examplesPerKind;
    private final Map<IssueKind, Long> counts = new EnumMap<>(IssueKind.class);
    private final Map<IssueKind, List<Issue>> examples = new EnumMap<>(IssueKind.class);

    public IssueLog(boolean strict, int examplesPerKind) {
        if (examplesPerKind < 0) throw new IllegalArgumentException("examplesPerKind < 0: " + examplesPerKind);
        this.strict = strict;
        this.examplesPerKind = examplesPerKind;
    }

    /** Lenient log keeping {@value #DEFAULT_EXAMPLES} examples per kind. */
    public static IssueLog lenient() {
        return new IssueLog(false, DEFAULT_EXAMPLES);
    }

    /** Strict log: the first rejection or warning throws. */
    public static IssueLog strict() {
        return new IssueLog(true, DEFAULT_EXAMPLES);
    }

    public boolean isStrict() {
        return strict;
    }

    /**
     * Records one issue.
     *
     * @throws DataFormatException in strict mode when {@code kind.failsStrict()}
     */
    public void report(IssueKind kind, String file, long line, String detail) {
        Issue issue = new Issue(kind, file, line, detail);
        if (strict && kind.failsStrict()) throw new DataFormatException(issue.toString());
        counts.merge(kind, 1L, Long::sum);
        List<Issue> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < examplesPerKind) list.add(issue);
    }

    /** How many issues of this kind were reported. */
    public long count(IssueKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** Counts of every kind reported at least once, in enum order. */
    public Map<IssueKind, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** The first few issues of this kind, in the order reported. */
    public List<Issue> examples(IssueKind kind) {
        return Collections.unmodifiableList(examples.getOrDefault(kind, List.of()));
    }

    /** Number of records rejected (every kind with severity REJECTION). */
    public long rejected() {
        long n = 0;
        for (var e : counts.entrySet()) if (e.getKey().severity() == IssueKind.Severity.REJECTION) n += e.getValue();
        return n;
    }
}
