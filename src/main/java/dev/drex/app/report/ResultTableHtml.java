package dev.drex.app.report;

import dev.drex.app.report.StudyReport.ModelTiming;
import dev.drex.app.report.StudyReport.ResultTable;

import java.util.List;

/**
 * HTML of the results tables (as the paper's Table 4: "mean ± std (rank)", the best value of each column
 * highlighted) and of the time table.
 */
final class ResultTableHtml {

    private ResultTableHtml() {
    }

    /**
     * Ranks of the models in column {@code c} of {@code table} (1 = best, ties averaged), {@code NaN} for a model
     * with no value there; the models with values are ranked among themselves.
     */
    static double[] columnRanks(ResultTable table, int c) {
        int k = table.models().size();
        int present = 0;
        for (int m = 0; m < k; m++) if (!Double.isNaN(table.mean()[m][c])) present++;
        double[] values = new double[present];
        for (int m = 0, p = 0; m < k; m++) if (!Double.isNaN(table.mean()[m][c])) values[p++] = table.mean()[m][c];
        double[] ranked = Friedman.rank(values, table.columns().get(c).higherIsBetter());
        double[] ranks = new double[k];
        for (int m = 0, p = 0; m < k; m++) ranks[m] = Double.isNaN(table.mean()[m][c]) ? Double.NaN : ranked[p++];
        return ranks;
    }

    /** One {@code <table>}: a row per model, a column per metric plus the model's average rank over the columns. */
    static String table(ResultTable table) {
        int k = table.models().size(), columns = table.columns().size();
        double[][] ranks = new double[columns][];
        for (int c = 0; c < columns; c++) ranks[c] = columnRanks(table, c);

        StringBuilder out = new StringBuilder();
        out.append("<table class=\"results\" id=\"table-").append(Html.id(table.dataset() + "-" + table.protocol())).append("\">\n");
        out.append("<caption>").append(Html.escape(table.dataset())).append(" \u2014 ").append(Html.escape(table.protocol()))
                .append(" protocol: test-set mean \u00B1 std over ").append(table.seeds()).append(table.seeds() == 1 ? " seed" : " seeds")
                .append(", (rank) in the column, best highlighted</caption>\n<thead><tr><th>Model</th>");
        for (var column : table.columns())
            out.append("<th>").append(Html.escape(column.name())).append(column.higherIsBetter() ? " \u2191" : " \u2193").append("</th>");
        out.append("<th>mean rank</th></tr></thead>\n<tbody>\n");
        for (int m = 0; m < k; m++) {
            out.append("<tr><th scope=\"row\">").append(Html.escape(table.models().get(m))).append("</th>");
            double rankSum = 0;
            int ranked = 0;
            for (int c = 0; c < columns; c++) {
                double mean = table.mean()[m][c], std = table.std()[m][c];
                if (Double.isNaN(mean)) {
                    out.append("<td class=\"missing\">").append(Html.MISSING).append("</td>");
                    continue;
                }
                boolean best = ranks[c][m] == min(ranks[c]);
                rankSum += ranks[c][m];
                ranked++;
                out.append(best ? "<td class=\"best\">" : "<td>").append(Html.fixed(mean, 4));
                if (!Double.isNaN(std)) out.append(" <span class=\"std\">\u00B1\u2009").append(Html.fixed(std, 4)).append("</span>");
                out.append(" <span class=\"rank\">(").append(rankText(ranks[c][m])).append(")</span></td>");
            }
            out.append("<td>").append(ranked == 0 ? Html.MISSING : Html.fixed(rankSum / ranked, 2)).append("</td></tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    /** The per-model wall time, with a bar proportional to each model's share of the total. */
    static String timings(List<ModelTiming> timings) {
        double total = 0, max = 0;
        for (ModelTiming t : timings) {
            total += t.seconds();
            max = Math.max(max, t.seconds());
        }
        StringBuilder out = new StringBuilder("<table class=\"timings\" id=\"timings\">\n<caption>Wall-clock time per model over the whole study (tuning, seeds, evaluation)</caption>\n")
                .append("<thead><tr><th>Model</th><th>time</th><th>seconds</th><th>share</th></tr></thead>\n<tbody>\n");
        for (ModelTiming t : timings) {
            double share = total > 0 ? t.seconds() / total : 0;
            double bar = max > 0 ? 160 * t.seconds() / max : 0;   // pixels; the slowest model gets 160
            out.append("<tr><th scope=\"row\">").append(Html.escape(t.model())).append("</th><td>").append(Html.duration(t.seconds()))
                    .append("</td><td class=\"num\">").append(Html.fixed(t.seconds(), 1)).append("</td><td class=\"share\"><span class=\"bar\" style=\"width:")
                    .append(Html.fixed(bar, 1)).append("px\"></span> ").append(Html.fixed(100 * share, 1)).append("%</td></tr>\n");
        }
        out.append("<tr class=\"total\"><th scope=\"row\">total</th><td>").append(Html.duration(total)).append("</td><td class=\"num\">")
                .append(Html.fixed(total, 1)).append("</td><td></td></tr>\n");
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) if (!Double.isNaN(v)) min = Math.min(min, v);
        return min;
    }

    private static String rankText(double rank) {
        return rank == Math.rint(rank) ? Integer.toString((int) rank) : Html.fixed(rank, 1);
    }
}
