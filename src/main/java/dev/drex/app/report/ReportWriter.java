package dev.drex.app.report;

import dev.drex.app.data.AtomicFiles;
import dev.drex.app.report.StudyReport.ResultTable;
import dev.drex.app.report.StudyReport.Sensitivity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Writes a {@link StudyReport} as one self-contained HTML page: inline CSS and inline SVG figures, no script, no
 * external resource, so the file can be mailed or archived alone. Every string from the data is escaped.
 *
 * <p>Sections: notes; results tables (paper's Table 4); Friedman test, Nemenyi critical difference and CD
 * diagrams; learning curves; sensitivity to lr and lambda (Figure 3); effect of d (Figure 5); other
 * hyperparameters if any; keyword overlap (Figure 6); time per model.
 */
public final class ReportWriter {

    private static final List<String> FIGURE_3 = List.of("lr", "lambda"), FIGURE_5 = List.of("d");

    private ReportWriter() {
    }

    /** Writes {@code report} to {@code htmlFile} atomically (temporary file in the same folder, then a rename). */
    public static void write(StudyReport report, Path htmlFile) throws IOException {
        Path parent = htmlFile.toAbsolutePath().getParent();
        if (parent != null) java.nio.file.Files.createDirectories(parent);
        AtomicFiles.writeString(htmlFile, render(report));
    }

    /** The page as a string (what {@link #write} stores). */
    public static String render(StudyReport report) {
        ModelColors colors = new ModelColors();
        for (ResultTable t : report.tables()) for (String m : t.models()) colors.of(m);

        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .append(Html.escape(report.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(Html.escape(report.title())).append("</h1>\n");
        for (String note : report.notes()) out.append("<p class=\"lead\">").append(Html.escape(note)).append("</p>\n");

        List<String[]> sections = new ArrayList<>();   // {id, heading, html}
        StringBuilder tables = new StringBuilder();
        for (ResultTable t : report.tables()) tables.append(ResultTableHtml.table(t));
        sections.add(new String[] {"results", "Results", report.tables().isEmpty() ? "<p class=\"note\">No results table.</p>\n" : tables.toString()});
        sections.add(new String[] {"comparison", "Model comparison: Friedman test and Nemenyi critical difference",
                "<p class=\"note\">Blocks are (dataset, protocol, metric column); in each block the models are ranked "
                        + "1 (best) to k, ties sharing the average rank (Dem\u0161ar, JMLR 7, 2006).</p>\n"
                        + StatisticsSection.render(report.tables())});
        sections.add(new String[] {"curves", "Learning curves", FigureSections.learningCurves(report.curves(), colors)});
        sections.add(new String[] {"sensitivity", "Sensitivity to lr and \u03BB (paper's Figure 3)",
                FigureSections.sensitivity(report.sensitivities(), FIGURE_3, colors)});
        sections.add(new String[] {"dimension", "Effect of the dimension d (paper's Figure 5)",
                FigureSections.sensitivity(report.sensitivities(), FIGURE_5, colors)});
        List<String> others = otherParameters(report.sensitivities());
        if (!others.isEmpty())
            sections.add(new String[] {"other-parameters", "Other hyperparameters", FigureSections.sensitivity(report.sensitivities(), others, colors)});
        sections.add(new String[] {"keywords", "Keyword overlap (paper's Figure 6)", report.overlap() == null
                ? "<p class=\"note\">No model gives keywords: no keyword figure.</p>\n"
                : "<figure>\n" + KeywordOverlapFigure.render(report.overlap()) + "<figcaption>The user's keyword profile (middle) beside "
                  + "the profiles of their top recommended items; the words they share explain the recommendation.</figcaption>\n</figure>\n"});
        sections.add(new String[] {"time", "Time per model", report.timings().isEmpty()
                ? "<p class=\"note\">No timings.</p>\n" : ResultTableHtml.timings(report.timings())});

        out.append("<nav>\n<ol>\n");
        for (String[] s : sections) out.append("<li><a href=\"#").append(s[0]).append("\">").append(s[1]).append("</a></li>\n");
        out.append("</ol>\n</nav>\n");
        for (String[] s : sections)
            out.append("<section id=\"").append(s[0]).append("\">\n<h2>").append(s[1]).append("</h2>\n").append(s[2]).append("</section>\n");
        return out.append("</body>\n</html>\n").toString();
    }

    private static List<String> otherParameters(List<Sensitivity> sensitivities) {
        LinkedHashSet<String> others = new LinkedHashSet<>();
        for (Sensitivity s : sensitivities)
            if (!FIGURE_3.contains(s.parameter()) && !FIGURE_5.contains(s.parameter())) others.add(s.parameter());
        return new ArrayList<>(others);
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 24px auto;
                   max-width: 1180px; padding: 0 16px; line-height: 1.45; }
            h1 { font-size: 1.6em; margin-bottom: 0.3em; }
            h2 { font-size: 1.25em; border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 2em; }
            h3 { font-size: 1.05em; margin-top: 1.4em; }
            p.lead { margin: 0.3em 0; }
            p.note { color: #555; font-size: 0.92em; }
            nav ol { columns: 2; font-size: 0.95em; }
            table { border-collapse: collapse; margin: 1em 0 1.6em; font-size: 0.86em; }
            caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
            th, td { border: 1px solid #d6d6d6; padding: 4px 8px; text-align: right; white-space: nowrap; }
            thead th { background: #f1f3f5; text-align: center; }
            tbody th { text-align: left; font-weight: 600; background: #fafafa; }
            td.best { background: #dff3e4; font-weight: 700; }
            td.missing { color: #999; text-align: center; }
            span.rank { color: #777; font-size: 0.9em; }
            table.results { display: block; overflow-x: auto; max-width: 100%; font-size: 0.8em; }
            table.stats td, table.ranks td { text-align: left; }
            div.side-by-side { display: flex; flex-wrap: wrap; gap: 28px; align-items: flex-start; }
            div.side-by-side table { margin-bottom: 0.6em; }
            table.results th, table.results td { padding: 3px 6px; }
            span.std { color: #555; font-size: 0.92em; }
            td.share { text-align: left; min-width: 220px; }
            span.bar { display: inline-block; height: 10px; background: #0072b2; vertical-align: middle; }
            tr.total th, tr.total td { border-top: 2px solid #999; }
            figure { margin: 1em 0 2em; }
            figure.pair { display: flex; flex-wrap: wrap; gap: 12px; }
            figure.pair figcaption { flex-basis: 100%; }
            figcaption { color: #555; font-size: 0.9em; margin-top: 4px; }
            svg { max-width: 100%; height: auto; background: #fff; }
            details { font-size: 0.88em; color: #444; }
            p.blocks { max-width: 1100px; }
            ul.left-out { font-size: 0.88em; color: #555; }
            """;
}
