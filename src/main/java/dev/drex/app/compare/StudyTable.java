package dev.drex.app.compare;

import dev.drex.app.eval.EvaluationResult;
import dev.drex.app.eval.Evaluator;
import dev.drex.app.eval.SeedAggregate;
import dev.drex.app.report.StudyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The study's results tables, one per ranking protocol, as in the paper's Table 4: one row per model, columns MAE,
 * RMSE, then NDCG@k and F1@k for every k of {@link Evaluator#DEFAULT_KS}; each cell the mean over seeds, its sample
 * std, and the model's rank in that column. Ranks: 1 is best (lowest MAE/RMSE, highest NDCG/F1), computed on the
 * means rounded to the {@link #DIGITS} printed decimals, so models that print the same value share a rank and the
 * next rank is skipped (1, 1, 3: competition ranking). A NaN mean (DMF's MAE and RMSE: it predicts no ratings) is
 * not reported and gets no rank.
 */
public final class StudyTable {
    /** Decimals printed, and the precision ranks are computed at. */
    public static final int DIGITS = 4;
    /** The two ranking protocols, in table order. */
    public static final List<String> PROTOCOLS = List.of("paper", "full");

    private StudyTable() {
    }

    /** The columns of a table: MAE, RMSE, NDCG@k for each k, F1@k for each k. */
    public static List<StudyReport.MetricColumn> columns() {
        List<StudyReport.MetricColumn> out = new ArrayList<>(List.of(new StudyReport.MetricColumn("MAE", false),
                new StudyReport.MetricColumn("RMSE", false)));
        for (int k : Evaluator.DEFAULT_KS) out.add(new StudyReport.MetricColumn("NDCG@" + k, true));
        for (int k : Evaluator.DEFAULT_KS) out.add(new StudyReport.MetricColumn("F1@" + k, true));
        return out;
    }

    /** The {@link EvaluationResult#metrics()} key of column {@code column} under {@code protocol}. */
    static String metricKey(String column, String protocol) {
        if (column.equals("MAE")) return EvaluationResult.MAE;
        if (column.equals("RMSE")) return EvaluationResult.RMSE;
        return column + " " + protocol;
    }

    /** The table of one protocol: rows are the models with test results, in study order. */
    public static StudyReport.ResultTable of(StudyResults results, String protocol) {
        List<StudyResults.ModelOutcome> rows = results.models().stream().filter(m -> m.test() != null).toList();
        List<StudyReport.MetricColumn> columns = columns();
        double[][] mean = new double[rows.size()][columns.size()], std = new double[rows.size()][columns.size()];
        for (int m = 0; m < rows.size(); m++) {
            SeedAggregate a = rows.get(m).test();
            for (int c = 0; c < columns.size(); c++) {
                SeedAggregate.Stat s = a.stat(metricKey(columns.get(c).name(), protocol));
                mean[m][c] = s.mean();
                std[m][c] = s.std();
            }
        }
        return new StudyReport.ResultTable(results.dataset(), protocol, rows.stream().map(StudyResults.ModelOutcome::displayName).toList(), columns,
                mean, std, results.seeds());
    }

    /**
     * Ranks of {@code values} (1 = best), compared at {@link #DIGITS} decimals; ties share the smaller rank; NaN gets 0
     * (no rank) and does not count.
     */
    public static int[] ranks(double[] values, boolean higherIsBetter) {
        int[] out = new int[values.length];
        for (int a = 0; a < values.length; a++) {
            if (Double.isNaN(values[a])) continue;
            int better = 0;
            for (double v : values) {
                if (Double.isNaN(v)) continue;
                long x = Math.round(v * Math.pow(10, DIGITS)), y = Math.round(values[a] * Math.pow(10, DIGITS));
                if (higherIsBetter ? x > y : x < y) better++;
            }
            out[a] = better + 1;
        }
        return out;
    }

    /** The ranks of every column of {@code t}: {@code ranks[m][c]}. */
    public static int[][] ranks(StudyReport.ResultTable t) {
        int[][] out = new int[t.models().size()][t.columns().size()];
        for (int c = 0; c < t.columns().size(); c++) {
            double[] column = new double[t.models().size()];
            for (int m = 0; m < column.length; m++) column[m] = t.mean()[m][c];
            int[] r = ranks(column, t.columns().get(c).higherIsBetter());
            for (int m = 0; m < column.length; m++) out[m][c] = r[m];
        }
        return out;
    }

    /** One cell: {@code 0.8123 ± 0.0040 (2)}; {@code —} for a value not reported; {@code ± n/a} for one seed. */
    static String cell(double mean, double std, int rank) {
        if (Double.isNaN(mean)) return "—";
        String f = "%." + DIGITS + "f";
        return String.format(Locale.ROOT, f, mean) + " ± " + (Double.isNaN(std) ? "n/a" : String.format(Locale.ROOT, f, std)) + " (" + rank + ")";
    }

    /** A GitHub-flavoured Markdown table of {@code t} with a caption line. */
    public static String markdown(StudyReport.ResultTable t) {
        int[][] ranks = ranks(t);
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(t.dataset()).append(", ").append(t.protocol()).append(" protocol** (mean ± sample std over ").append(t.seeds())
                .append(t.seeds() == 1 ? " seed" : " seeds").append(", rank in brackets)\n\n");
        sb.append("| model |");
        for (StudyReport.MetricColumn c : t.columns()) sb.append(' ').append(c.name()).append(" |");
        sb.append("\n|:---|");
        sb.append("---:|".repeat(t.columns().size()));
        sb.append('\n');
        for (int m = 0; m < t.models().size(); m++) {
            sb.append("| ").append(t.models().get(m)).append(" |");
            for (int c = 0; c < t.columns().size(); c++) sb.append(' ').append(cell(t.mean()[m][c], t.std()[m][c], ranks[m][c])).append(" |");
            sb.append('\n');
        }
        return sb.toString();
    }
}
