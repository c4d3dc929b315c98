package dev.drex.app.report;

import dev.drex.app.report.StudyReport.MetricColumn;
import dev.drex.app.report.StudyReport.ResultTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The blocks of the Friedman test built from results tables: one block per (dataset, protocol, metric column),
 * the models ranked within it by their mean (direction from {@link MetricColumn#higherIsBetter()}).
 *
 * <p>What is left out, and said in {@link #leftOut()}:
 * <ul>
 *   <li>models not present in every table (the test needs the same treatments in every block);</li>
 *   <li>a column where some model has no value ({@code NaN}, e.g. DMF's MAE);</li>
 *   <li>a column repeating one already taken for the same dataset with the same name and the same values
 *       (MAE and RMSE appear in the table of each ranking protocol; counting them twice would weigh them double).</li>
 * </ul>
 *
 * @param models  the treatments, in the order of the first table
 * @param labels  one label per block, "dataset / protocol / column"
 * @param ranks   (N, k) ranks, 1 = best
 * @param leftOut one human-readable sentence per exclusion
 */
public record RankBlocks(List<String> models, List<String> labels, double[][] ranks, List<String> leftOut) {

    public RankBlocks {
        models = List.copyOf(models);
        labels = List.copyOf(labels);
        leftOut = List.copyOf(leftOut);
    }

    /** Builds the blocks of {@code tables} (at least one table). */
    public static RankBlocks of(List<ResultTable> tables) {
        if (tables.isEmpty()) throw new IllegalArgumentException("no results table to compare models on");
        List<String> leftOut = new ArrayList<>();
        List<String> models = new ArrayList<>();             // models in every table, first table's order
        LinkedHashSet<String> everyModel = new LinkedHashSet<>();
        for (ResultTable table : tables) everyModel.addAll(table.models());
        for (String model : everyModel) {
            if (tables.stream().allMatch(t -> t.models().contains(model))) models.add(model);
            else leftOut.add("model " + model + ": not in every results table");
        }

        List<String> labels = new ArrayList<>();
        List<double[]> ranks = new ArrayList<>();
        Map<String, String> taken = new LinkedHashMap<>();   // "dataset\u0000column\u0000values" -> label of the block kept
        for (ResultTable table : tables) {
            for (int c = 0; c < table.columns().size(); c++) {
                MetricColumn column = table.columns().get(c);
                String label = table.dataset() + " / " + table.protocol() + " / " + column.name();
                double[] values = new double[models.size()];
                List<String> missing = new ArrayList<>();
                for (int j = 0; j < models.size(); j++) {
                    values[j] = table.mean()[table.models().indexOf(models.get(j))][c];
                    if (Double.isNaN(values[j])) missing.add(models.get(j));
                }
                if (!missing.isEmpty()) {
                    leftOut.add(label + ": no value for " + String.join(", ", missing));
                    continue;
                }
                String key = table.dataset() + "\u0000" + column.name() + "\u0000" + Arrays.toString(values);
                String earlier = taken.putIfAbsent(key, label);
                if (earlier != null) {
                    leftOut.add(label + ": same values as " + earlier);
                    continue;
                }
                labels.add(label);
                ranks.add(Friedman.rank(values, column.higherIsBetter()));
            }
        }
        return new RankBlocks(models, labels, ranks.toArray(double[][]::new), leftOut);
    }

    /** Number of blocks N. */
    public int blockCount() {
        return labels.size();
    }

    /** The Friedman test on these blocks (needs k >= 2 models and N >= 1 blocks). */
    public Friedman.Result test() {
        return Friedman.test(models, ranks);
    }
}
