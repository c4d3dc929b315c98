package dev.drex.app.report;

import dev.drex.app.report.StudyReport.LearningCurve;
import dev.drex.app.report.StudyReport.Sensitivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * HTML of the line-chart figures: learning curves (per dataset, train loss and validation RMSE against epoch, the
 * kept epoch ringed) and hyperparameter sensitivity (per parameter and dataset, validation RMSE against the
 * parameter's value on a log axis; the paper's Figures 3 and 5).
 */
final class FigureSections {

    private static final String[] SEED_DASH = {null, "6 3", "2 3", "8 3 2 3"};
    private static final double CHART_WIDTH = 560, CHART_HEIGHT = 320;

    private FigureSections() {
    }

    static String learningCurves(List<LearningCurve> curves, ModelColors colors) {
        if (curves.isEmpty()) return "<p class=\"note\">No learning curves.</p>\n";
        Map<String, List<LearningCurve>> byDataset = new LinkedHashMap<>();
        for (LearningCurve c : curves) byDataset.computeIfAbsent(c.dataset(), d -> new ArrayList<>()).add(c);
        StringBuilder out = new StringBuilder();
        for (var entry : byDataset.entrySet()) {
            String dataset = entry.getKey();
            // one dash pattern per seed, in the order the seeds appear
            List<Integer> seeds = new ArrayList<>(new TreeSet<>(entry.getValue().stream().map(LearningCurve::seed).toList()));
            LineChart loss = new LineChart(dataset + ": train loss", "epoch", "train loss", false).markLabel("kept epoch");
            LineChart rmse = new LineChart(dataset + ": validation RMSE", "epoch", "validation RMSE", false).markLabel("kept epoch");
            for (LearningCurve c : entry.getValue()) {
                String color = colors.of(c.model());
                String dash = SEED_DASH[seeds.indexOf(c.seed()) % SEED_DASH.length];
                int mark = c.bestEpoch() - 1;
                loss.add(new LineChart.Series(c.model(), color, dash, epochs(c.trainLoss().length), c.trainLoss(), mark));
                rmse.add(new LineChart.Series(c.model(), color, dash, epochs(c.validationRmse().length), c.validationRmse(), mark));
            }
            out.append("<figure class=\"pair\">\n").append(loss.render(CHART_WIDTH, CHART_HEIGHT))
                    .append(rmse.render(CHART_WIDTH, CHART_HEIGHT)).append("<figcaption>Learning curves on ").append(Html.escape(dataset));
            if (seeds.size() > 1) out.append("; seeds ").append(seeds).append(" drawn solid, dashed, dotted in that order");
            out.append(". The ring marks the epoch whose weights were kept (best validation RMSE).</figcaption>\n</figure>\n");
        }
        return out.toString();
    }

    /**
     * Sensitivity charts for the parameters in {@code parameters} (e.g. "lr", "lambda"), one per (parameter,
     * dataset), a line per model.
     */
    static String sensitivity(List<Sensitivity> all, List<String> parameters, ModelColors colors) {
        Map<String, List<Sensitivity>> byChart = new LinkedHashMap<>();   // "parameter\u0000dataset"
        for (String parameter : parameters)
            for (Sensitivity s : all)
                if (s.parameter().equals(parameter))
                    byChart.computeIfAbsent(parameter + "\u0000" + s.dataset(), key -> new ArrayList<>()).add(s);
        if (byChart.isEmpty()) return "<p class=\"note\">No sensitivity data for " + Html.escape(String.join(", ", parameters)) + ".</p>\n";
        StringBuilder out = new StringBuilder("<figure class=\"pair\">\n");
        for (var entry : byChart.entrySet()) {
            String parameter = entry.getKey().substring(0, entry.getKey().indexOf('\u0000'));
            String dataset = entry.getKey().substring(entry.getKey().indexOf('\u0000') + 1);
            LinkedHashSet<Double> values = new LinkedHashSet<>();
            boolean positive = true;
            for (Sensitivity s : entry.getValue()) {
                if (s.values().length != s.validationRmse().length)
                    throw new IllegalArgumentException("sensitivity of " + s.model() + " to " + parameter + " on " + dataset + ": "
                            + s.values().length + " values but " + s.validationRmse().length + " RMSEs");
                for (double v : s.values()) {
                    values.add(v);
                    positive &= v > 0;
                }
            }
            LineChart chart = new LineChart(dataset + ": validation RMSE against " + parameter, parameter, "validation RMSE", positive);
            chart.xTicks(new TreeSet<>(values).stream().mapToDouble(Double::doubleValue).toArray());
            for (Sensitivity s : entry.getValue())
                chart.add(new LineChart.Series(s.model(), colors.of(s.model()), null, s.values(), s.validationRmse(), -1));
            out.append(chart.render(CHART_WIDTH, CHART_HEIGHT));
        }
        return out.append("<figcaption>Validation RMSE as one hyperparameter varies, the others at their chosen values.</figcaption>\n</figure>\n").toString();
    }

    private static double[] epochs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i + 1;
        return x;
    }
}
