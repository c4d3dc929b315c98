package dev.drex.app.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Results tables, Markdown or aligned plain text: one row per model, values "mean ± std" over seeds.
 * The global-mean and biased-MF rows are ALWAYS there, first, beside the models (spec: "Report both, always
 * with the global-mean row beside them"): the constructor will not make a table without them.
 *
 * <p>Columns: {@code seeds}, {@code RMSE}, {@code MAE}, then for each selected k: {@code NDCG@k paper},
 * {@code F1@k paper}, {@code NDCG@k full}, {@code F1@k full}. Every row must have measured the selected k.
 */
public final class ResultsTable {

    /** The cut-offs shown unless told otherwise (all of them are in the JSON). */
    public static final int[] DEFAULT_TABLE_KS = {5, 10};

    private final List<SeedAggregate> rows;
    private final int[] ks;
    private final int digits;

    /**
     * @param globalMean the global-mean floor (required)
     * @param biasedMf   the biased-MF floor (required)
     * @param models     the models to compare with them (may be empty)
     * @param ks         the cut-offs to show
     * @param digits     decimals of every value
     */
    public ResultsTable(SeedAggregate globalMean, SeedAggregate biasedMf, List<SeedAggregate> models, int[] ks, int digits) {
        if (globalMean == null || biasedMf == null) {
            throw new IllegalArgumentException("a results table needs the global-mean and biased-MF rows");
        }
        Evaluator.checkKs(ks);
        this.rows = new ArrayList<>();
        rows.add(globalMean);
        rows.add(biasedMf);
        rows.addAll(models);
        this.ks = ks.clone();
        this.digits = digits;
        for (SeedAggregate row : rows) {
            for (String column : metricColumns()) row.stat(column);   // fails early, naming the missing metric
        }
    }

    /** The metric keys shown, in column order. */
    public List<String> metricColumns() {
        List<String> out = new ArrayList<>(List.of(EvaluationResult.RMSE, EvaluationResult.MAE));
        for (String protocol : new String[] {"paper", "full"}) {
            for (int k : ks) {
                out.add(EvaluationResult.ndcgKey(k, protocol));
                out.add(EvaluationResult.f1Key(k, protocol));
            }
        }
        return out;
    }

    /** The header and the cells, row by row (strings, not yet aligned). */
    public List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("model", "seeds"));
        header.addAll(metricColumns());
        out.add(header);
        for (SeedAggregate row : rows) {
            List<String> line = new ArrayList<>(List.of(row.model(), Integer.toString(row.runs().size())));
            for (String column : metricColumns()) line.add(cell(row, column));
            out.add(line);
        }
        return out;
    }

    /** Shown for RMSE and MAE of a model that does not predict ratings (their value is NaN). */
    public static final String NOT_APPLICABLE = "—";

    /**
     * One cell: "mean ± std", or {@link #NOT_APPLICABLE} for an error column (RMSE, MAE) whose runs are all NaN, i.e.
     * a model that scores preference, not ratings ({@link dev.drex.app.model.RatingPredictor#predictsRatings()}).
     */
    private String cell(SeedAggregate row, String column) {
        boolean errorColumn = column.equals(EvaluationResult.RMSE) || column.equals(EvaluationResult.MAE);
        if (errorColumn && row.runs().stream().allMatch(r -> Double.isNaN(r.metrics().get(column)))) return NOT_APPLICABLE;
        return row.stat(column).format(digits);
    }

    /** A GitHub-flavoured Markdown table with a one-line caption. */
    public String markdown() {
        List<List<String>> cells = cells();
        StringBuilder sb = new StringBuilder();
        sb.append("Mean ± sample std over seeds; test part of each seed's split. Paper protocol: each test user's ")
                .append("test items (users with >= 2); full protocol: every item unrated in train/validation.\n\n");
        appendRow(sb, cells.getFirst(), "| ", " | ", " |");
        String[] rule = new String[cells.getFirst().size()];
        Arrays.fill(rule, "---:");
        rule[0] = ":---";
        appendRow(sb, List.of(rule), "|", "|", "|");
        for (List<String> line : cells.subList(1, cells.size())) appendRow(sb, line, "| ", " | ", " |");
        return sb.toString();
    }

    /**
     * Plain text for the console: columns aligned. The paper and full blocks are printed as two tables so
     * that a line stays readable in a terminal.
     */
    public String console() {
        List<List<String>> cells = cells();
        int perProtocol = 2 * ks.length;
        int[][] blocks = {range(0, 4 + perProtocol), concat(range(0, 2), range(4 + perProtocol, 4 + 2 * perProtocol))};
        StringBuilder sb = new StringBuilder();
        for (int[] block : blocks) {
            int[] width = new int[block.length];
            for (List<String> line : cells) {
                for (int c = 0; c < block.length; c++) width[c] = Math.max(width[c], line.get(block[c]).length());
            }
            for (List<String> line : cells) {
                for (int c = 0; c < block.length; c++) {
                    String cell = line.get(block[c]);
                    sb.append(c == 0 ? cell + " ".repeat(width[c] - cell.length()) : "  " + " ".repeat(width[c] - cell.length()) + cell);
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, String open, String separator, String close) {
        sb.append(open).append(String.join(separator, cells)).append(close).append('\n');
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) out[i] = from + i;
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
