package dev.drex.app.report;

import dev.drex.app.report.StudyReport.ItemKeywords;
import dev.drex.app.report.StudyReport.Keyword;
import dev.drex.app.report.StudyReport.KeywordOverlap;
import dev.drex.app.report.StudyReport.LearningCurve;
import dev.drex.app.report.StudyReport.MetricColumn;
import dev.drex.app.report.StudyReport.ModelTiming;
import dev.drex.app.report.StudyReport.ResultTable;
import dev.drex.app.report.StudyReport.Sensitivity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic, made-up {@link StudyReport} (9 models, 2 datasets, 2 ranking protocols, 3 seeds) to look at the
 * page without running a study. The numbers are invented (seeded), shaped like the real ones: RMSE near 1,
 * paper-protocol NDCG@10 near 0.95, full-protocol NDCG small, DMF without MAE.
 *
 * <p>{@code main} writes it: run the test {@code ReportBrowserTest} (which leaves
 * {@code src/target/report-sample/report.html}) or call {@code SampleReport.main(new String[] {"out.html"})}.
 */
public final class SampleReport {

    static final List<String> MODELS = List.of("DReX", "DReX-MLP", "EMF", "DMF", "DeepCoNN", "NARRE", "PESI", "Biased MF", "Global mean");
    // lower = better model: shifts every error down and every ranking score up
    private static final double[] QUALITY = {0.0, 0.015, 0.05, 0.06, 0.03, 0.025, 0.02, 0.045, 0.11};
    static final List<String> DATASETS = List.of("Musical Instruments", "Digital Music");

    private SampleReport() {
    }

    public static StudyReport sample() {
        Random random = new Random(6);
        List<ResultTable> tables = new ArrayList<>();
        for (String dataset : DATASETS) {
            double base = dataset.startsWith("Musical") ? 0.0 : 0.06;
            tables.add(table(dataset, "paper", base, 0.95, 0.62, random));
            tables.add(table(dataset, "full", base, 0.045, 0.012, random));
        }
        List<LearningCurve> curves = new ArrayList<>();
        for (String dataset : DATASETS)
            for (String model : List.of("DReX", "DReX-MLP", "NARRE", "Biased MF"))
                for (int seed = 1; seed <= 2; seed++) curves.add(curve(model, dataset, seed, random));
        List<Sensitivity> sensitivities = new ArrayList<>();
        for (String dataset : DATASETS) {
            for (String model : List.of("DReX", "DReX-MLP")) {
                double q = QUALITY[MODELS.indexOf(model)];
                sensitivities.add(new Sensitivity(model, dataset, "lr", new double[] {1e-4, 1e-3, 1e-2, 1e-1},
                        new double[] {0.99 + q, 0.93 + q, 0.95 + q, 1.12 + q}));
                sensitivities.add(new Sensitivity(model, dataset, "lambda", new double[] {1e-4, 1e-3, 1e-2, 1e-1},
                        new double[] {0.95 + q, 0.93 + q, 0.96 + q, 1.05 + q}));
                sensitivities.add(new Sensitivity(model, dataset, "d", new double[] {16, 32, 64, 128},
                        new double[] {0.955 + q, 0.94 + q, 0.93 + q, 0.935 + q}));
            }
        }
        KeywordOverlap overlap = new KeywordOverlap("DReX", "A2EZWZ8MBEDOLN",
                keywords("guitar", 0.41, "string", 0.33, "tone", 0.29, "pick", 0.22, "tuner", 0.2, "sound", 0.18,
                        "cable", 0.12, "price", 0.11, "strap", 0.09, "amp", 0.08),
                List.of(new ItemKeywords("B0002E1G5C Elixir Nanoweb strings", 4.71,
                                keywords("string", 0.52, "tone", 0.31, "coat", 0.27, "last", 0.2, "bright", 0.18, "guitar", 0.15)),
                        new ItemKeywords("B000068NW5 Snark clip-on tuner", 4.64,
                                keywords("tuner", 0.48, "clip", 0.3, "accurate", 0.25, "display", 0.2, "guitar", 0.13, "battery", 0.1)),
                        new ItemKeywords("B003VWJ2K8 Planet Waves cable", 4.58,
                                keywords("cable", 0.44, "noise", 0.3, "amp", 0.26, "plug", 0.21, "length", 0.15, "sound", 0.12))));
        List<ModelTiming> timings = new ArrayList<>();
        double[] seconds = {4120, 3980, 95, 410, 2250, 2610, 380, 41, 0.8};
        for (int m = 0; m < MODELS.size(); m++) timings.add(new ModelTiming(MODELS.get(m), seconds[m]));
        return new StudyReport("DReX study: Amazon Musical Instruments and Digital Music (sample data)",
                List.of("Sample report with invented numbers, to check the layout; a real one is written by drex compare.",
                        "Split 80/10/10 per user, 5-core; 3 seeds; word vectors from the BERT word-piece embedding table.",
                        "Deviation from the paper: early stopping on validation RMSE instead of MAE."),
                tables, curves, sensitivities, overlap, timings);
    }

    private static ResultTable table(String dataset, String protocol, double base, double ndcg, double f1, Random random) {
        List<MetricColumn> columns = List.of(new MetricColumn("RMSE", false), new MetricColumn("MAE", false),
                new MetricColumn("NDCG@5", true), new MetricColumn("NDCG@10", true),
                new MetricColumn("F1@5", true), new MetricColumn("F1@10", true));
        double[][] mean = new double[MODELS.size()][columns.size()], std = new double[MODELS.size()][columns.size()];
        Random errors = new Random(dataset.hashCode());       // MAE/RMSE identical in both protocols' tables
        for (int m = 0; m < MODELS.size(); m++) {
            double q = QUALITY[m];
            mean[m][0] = 0.90 + base + q + 0.01 * errors.nextGaussian();
            mean[m][1] = MODELS.get(m).equals("DMF") ? Double.NaN : 0.66 + base + q + 0.01 * errors.nextGaussian();
            mean[m][2] = ndcg * (0.985 - 0.3 * q) + 0.003 * random.nextGaussian();
            mean[m][3] = ndcg * (0.99 - 0.25 * q) + 0.003 * random.nextGaussian();
            mean[m][4] = f1 * (1 - 0.5 * q) + 0.004 * random.nextGaussian();
            mean[m][5] = f1 * (1 - 0.4 * q) + 0.004 * random.nextGaussian();
            for (int c = 0; c < columns.size(); c++) std[m][c] = Double.isNaN(mean[m][c]) ? Double.NaN : Math.abs(0.004 * errors.nextGaussian()) + 0.001;
        }
        return new ResultTable(dataset, protocol, MODELS, columns, mean, std, 3);
    }

    private static LearningCurve curve(String model, String dataset, int seed, Random random) {
        int epochs = 12 + random.nextInt(8);
        double q = QUALITY[MODELS.indexOf(model)];
        double[] loss = new double[epochs], rmse = new double[epochs];
        int best = 0;
        for (int e = 0; e < epochs; e++) {
            loss[e] = 0.35 + 0.9 * Math.exp(-e / 3.0) + 0.01 * random.nextGaussian();
            rmse[e] = 0.92 + q + 0.25 * Math.exp(-e / 2.5) + 0.0015 * Math.max(0, e - 6) * Math.max(0, e - 6) / 4 + 0.003 * random.nextGaussian();
            if (rmse[e] < rmse[best]) best = e;
        }
        return new LearningCurve(model, dataset, seed, loss, rmse, best + 1);
    }

    private static List<Keyword> keywords(Object... wordScore) {
        List<Keyword> out = new ArrayList<>();
        for (int i = 0; i < wordScore.length; i += 2) out.add(new Keyword((String) wordScore[i], (Double) wordScore[i + 1]));
        return out;
    }

    /** Writes the sample page to the path given as the first argument (default {@code report-sample.html}). */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "report-sample.html");
        ReportWriter.write(sample(), out);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
