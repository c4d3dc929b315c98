package dev.drex.app.report;

import dev.drex.app.report.StudyReport.ResultTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * HTML of the model comparison: the Friedman test (with Iman-Davenport's F), the Nemenyi critical differences,
 * the average ranks and the CD diagram, once over every table and once per ranking protocol when there are
 * several. Which blocks were used and which were left out is listed under each comparison.
 */
final class StatisticsSection {

    private StatisticsSection() {
    }

    static String render(List<ResultTable> tables) {
        StringBuilder out = new StringBuilder();
        if (tables.isEmpty()) return "<p class=\"note\">No results table: no model comparison.</p>\n";
        out.append(comparison("All tables", "all", tables));
        LinkedHashSet<String> protocols = new LinkedHashSet<>();
        for (ResultTable t : tables) protocols.add(t.protocol());
        if (protocols.size() > 1) {
            for (String protocol : protocols) {
                List<ResultTable> subset = new ArrayList<>();
                for (ResultTable t : tables) if (t.protocol().equals(protocol)) subset.add(t);
                out.append(comparison("Protocol: " + protocol, "protocol-" + Html.id(protocol), subset));
            }
        }
        return out.toString();
    }

    private static String comparison(String heading, String id, List<ResultTable> tables) {
        StringBuilder out = new StringBuilder();
        out.append("<div class=\"comparison\" id=\"friedman-").append(id).append("\">\n<h3>").append(Html.escape(heading)).append("</h3>\n");
        RankBlocks blocks = RankBlocks.of(tables);
        int k = blocks.models().size(), n = blocks.blockCount();
        if (k < 2 || n < 1) {
            out.append("<p class=\"note\">Not enough data for the Friedman test: ").append(k).append(k == 1 ? " model" : " models")
                    .append(" in every table, ").append(n).append(n == 1 ? " block" : " blocks").append(" with a value for every model.</p>\n");
            out.append(leftOut(blocks)).append("</div>\n");
            return out.toString();
        }
        Friedman.Result result = blocks.test();
        out.append("<div class=\"side-by-side\">\n<table class=\"stats\">\n<caption>Friedman test over the blocks</caption>\n<tbody>\n");
        row(out, "models k / blocks N", k + " / " + n);
        row(out, "Friedman \u03C7\u00B2<sub>F</sub> (" + (k - 1) + " df)", Html.fixed(result.chiSquare(), 3)
                + ", " + Html.pValue(result.chiSquarePValue()));
        row(out, "Iman-Davenport F<sub>F</sub> (" + (k - 1) + ", " + (k - 1) * (n - 1) + " df)",
                n < 2 ? Html.MISSING + " (needs N \u2265 2 blocks)"
                      : Html.fixed(result.imanDavenportF(), 3) + ", " + Html.pValue(result.imanDavenportPValue()));
        String noTable = NemenyiCriticalValues.covers(k) ? "" : " (q<sub>\u03B1</sub> tabulated for k = 2..10 only)";
        row(out, "Nemenyi CD, \u03B1 = 0.05", Html.fixed(result.criticalDifference005(), 3) + noTable);
        row(out, "Nemenyi CD, \u03B1 = 0.10", Html.fixed(result.criticalDifference010(), 3) + noTable);
        out.append("</tbody>\n</table>\n");

        out.append("<table class=\"ranks\">\n<caption>Average ranks (1 = best)</caption>\n<thead><tr><th>Model</th><th>average rank</th></tr></thead>\n<tbody>\n");
        for (int j : result.orderByRank())
            out.append("<tr><th scope=\"row\">").append(Html.escape(result.models().get(j))).append("</th><td class=\"num\">")
                    .append(Html.fixed(result.averageRanks()[j], 3)).append("</td></tr>\n");
        out.append("</tbody>\n</table>\n</div>\n");

        out.append("<figure class=\"cd\">\n").append(CdDiagram.render(result, 0.05, "Critical-difference diagram: " + heading))
                .append("<figcaption>Critical-difference diagram (Nemenyi, \u03B1 = 0.05). Models joined by a bold bar are not "
                        + "significantly different (their average ranks differ by less than CD).</figcaption>\n</figure>\n");

        out.append("<details><summary>").append(n).append(" blocks used</summary>\n<p class=\"blocks\">");
        for (int b = 0; b < n; b++) out.append(b == 0 ? "" : "; ").append(Html.escape(blocks.labels().get(b)));
        out.append("</p>\n</details>\n").append(leftOut(blocks)).append("</div>\n");
        return out.toString();
    }

    private static String leftOut(RankBlocks blocks) {
        if (blocks.leftOut().isEmpty()) return "<p class=\"note\">Nothing left out.</p>\n";
        StringBuilder out = new StringBuilder("<p class=\"note\">Left out of the test:</p>\n<ul class=\"left-out\">\n");
        for (String line : blocks.leftOut()) out.append("<li>").append(Html.escape(line)).append("</li>\n");
        return out.append("</ul>\n").toString();
    }

    private static void row(StringBuilder out, String label, String valueHtml) {
        out.append(String.format(Locale.ROOT, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n", label, valueHtml));
    }
}
