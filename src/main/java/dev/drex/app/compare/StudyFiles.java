package dev.drex.app.compare;

import dev.drex.app.report.StudyReport;
import dev.drex.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The files a study leaves in its directory besides the cells: {@code results.json} ({@link StudyResults}),
 * {@code results.md} (the two ranked tables and what was chosen, with wall times) and {@code study-report.json} (the
 * {@link StudyReport} that {@code report.html} is drawn from). Each is written atomically.
 */
public final class StudyFiles {
    public static final String RESULTS_JSON = "results.json", RESULTS_MD = "results.md", REPORT_JSON = "study-report.json";

    private StudyFiles() {
    }

    /** Writes the three files into {@code dir}; returns the report. */
    public static StudyReport write(StudyResults results, Path dir) throws IOException {
        StudyReport report = CompareStudy.report(results);
        AtomicFiles.write(dir.resolve(RESULTS_JSON), CellStore.JSON.writeValueAsString(results).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(RESULTS_MD), markdown(results, report).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(REPORT_JSON), CellStore.JSON.writeValueAsString(report).getBytes(StandardCharsets.UTF_8));
        return report;
    }

    /** Reads {@code dir/results.json} back. */
    public static StudyResults readResults(Path dir) throws IOException {
        return CellStore.JSON.readValue(Files.readString(dir.resolve(RESULTS_JSON)), StudyResults.class);
    }

    /** Reads {@code dir/study-report.json} back. */
    public static StudyReport readReport(Path dir) throws IOException {
        return CellStore.JSON.readValue(Files.readString(dir.resolve(REPORT_JSON)), StudyReport.class);
    }

    /** results.md: the tables of both protocols, then per model the chosen point, its validation score and wall time. */
    public static String markdown(StudyResults results, StudyReport report) {
        StringBuilder sb = new StringBuilder("# drex compare: ").append(results.dataset()).append("\n\n");
        for (String note : report.notes()) sb.append("- ").append(note).append('\n');
        sb.append('\n');
        for (StudyReport.ResultTable t : report.tables()) sb.append(StudyTable.markdown(t)).append('\n');
        sb.append("**Chosen configurations** (selected on seed 1's validation part) and wall time of each model's cells\n\n");
        sb.append("| model | chosen | criterion | seed-1 validation | seeds tested | grid points | wall time | cpu time |\n");
        sb.append("|:---|:---|:---|---:|---:|---:|---:|---:|\n");
        for (StudyResults.ModelOutcome m : results.models()) {
            CellResult best = m.chosen() == null ? null : m.chosenCells().getFirst();
            long tested = m.chosenCells().stream().filter(c -> !c.failed()).count();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %s | %s |%n", m.displayName(),
                    m.chosen() == null ? "(all failed)" : m.chosen().describe(), m.criterion(),
                    best == null ? "—" : String.format(Locale.ROOT, "%.4f", best.validationScore()), tested, m.tuning().size(), duration(m.seconds()),
                    duration(m.cpuSeconds())));
        }
        double total = results.models().stream().mapToDouble(StudyResults.ModelOutcome::seconds).sum();
        double cpu = results.models().stream().mapToDouble(StudyResults.ModelOutcome::cpuSeconds).sum();
        sb.append("\nTotal: ").append(duration(total)).append(" of training and evaluation (wall), ").append(duration(cpu))
                .append(" of CPU. On a shared machine wall time overstates the cost; on 2 free cores expect about cpu / 2 to cpu.\n");
        return sb.toString();
    }

    /** "41 s", "12.5 min", "1.52 h". */
    static String duration(double seconds) {
        if (seconds < 120) return String.format(Locale.ROOT, "%.0f s", seconds);
        if (seconds < 7200) return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        return String.format(Locale.ROOT, "%.2f h", seconds / 3600);
    }
}
