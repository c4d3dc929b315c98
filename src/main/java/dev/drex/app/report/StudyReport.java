package dev.drex.app.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@code report.html} shows, as plain data: the contract between {@code drex compare} (which fills it)
 * and the report writer (which draws it). No field refers to training code, so the writer can be tested on
 * hand-made inputs.
 *
 * @param title         heading of the page
 * @param notes         paragraphs printed under the heading (data, split, word vectors used, deviations from the paper)
 * @param tables        one results table per (dataset, ranking protocol)
 * @param curves        learning curves (train loss and validation RMSE per epoch) of the chosen configurations
 * @param sensitivities validation RMSE against one hyperparameter with the others at their chosen values
 *                      (parameters "lr", "lambda" for the paper's Figure 3, "d" for Figure 5)
 * @param overlap       the keyword-overlap figure (paper's Figure 6); may be null when no model gives keywords
 * @param timings       wall time per model for the whole study
 */
public record StudyReport(String title, List<String> notes, List<ResultTable> tables, List<LearningCurve> curves,
                          List<Sensitivity> sensitivities, KeywordOverlap overlap, List<ModelTiming> timings) {
    public StudyReport {
        Objects.requireNonNull(title, "title");
        notes = List.copyOf(notes);
        tables = List.copyOf(tables);
        curves = List.copyOf(curves);
        sensitivities = List.copyOf(sensitivities);
        timings = List.copyOf(timings);
    }

    /** A metric column of a results table; {@code higherIsBetter} decides how ranks are given (MAE: false). */
    public record MetricColumn(String name, boolean higherIsBetter) {}

    /**
     * Test-set results of every model on one dataset and protocol: mean and standard deviation over seeds.
     * {@code mean[m][c]} is model m in column c; {@code NaN} means "not reported" (DMF has no MAE).
     */
    public record ResultTable(String dataset, String protocol, List<String> models, List<MetricColumn> columns,
                              double[][] mean, double[][] std, int seeds) {
        public ResultTable {
            models = List.copyOf(models);
            columns = List.copyOf(columns);
            if (mean.length != models.size() || std.length != models.size())
                throw new IllegalArgumentException("mean/std rows " + mean.length + "/" + std.length + " != models " + models.size());
            for (int m = 0; m < mean.length; m++)
                if (mean[m].length != columns.size() || std[m].length != columns.size())
                    throw new IllegalArgumentException("row " + models.get(m) + ": " + mean[m].length + " values != columns " + columns.size());
        }
    }

    /** Per-epoch curve of one trained configuration; {@code bestEpoch} is 1-based, the epoch whose weights were kept. */
    public record LearningCurve(String model, String dataset, int seed, double[] trainLoss, double[] validationRmse, int bestEpoch) {}

    /** Validation RMSE of {@code model} as {@code parameter} takes {@code values}, the other settings fixed. */
    public record Sensitivity(String model, String dataset, String parameter, double[] values, double[] validationRmse) {}

    /** A keyword with its attention mass. */
    public record Keyword(String word, double score) {}

    /** One recommended item with its predicted rating and keyword profile. */
    public record ItemKeywords(String item, double predictedRating, List<Keyword> keywords) {}

    /** A user's keyword profile beside their top items' profiles (words in both are the explanation). */
    public record KeywordOverlap(String model, String user, List<Keyword> userKeywords, List<ItemKeywords> topItems) {}

    /** Wall-clock seconds spent on one model over the whole study (tuning, seeds, evaluation). */
    public record ModelTiming(String model, double seconds) {}
}
