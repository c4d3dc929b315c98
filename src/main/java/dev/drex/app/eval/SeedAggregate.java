package dev.drex.app.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One model's results over several seeds, and per metric their mean and SAMPLE standard deviation
 * (spec: "Each figure: mean and standard deviation over 3 seeds").
 * <pre>  mean = (1/n) sum x_s      std = sqrt( sum (x_s - mean)^2 / (n - 1) )   (two passes; NaN when n = 1)</pre>
 *
 * @param model the model name shared by every run
 * @param runs  one {@link EvaluationResult} per seed (at least one, all of {@code model})
 */
@JsonIgnoreProperties(value = "summary", allowGetters = true)
public record SeedAggregate(String model, List<EvaluationResult> runs) {

    /** Mean, sample standard deviation (NaN for one run) and number of runs of one metric. */
    public record Stat(double mean, double std, int n) {

        /** {@code "0.9560 ± 0.0012"} with {@code digits} decimals ({@code "0.9560 ± n/a"} for one run). */
        public String format(int digits) {
            String f = "%." + digits + "f";
            return String.format(Locale.ROOT, f, mean) + " ± "
                    + (Double.isNaN(std) ? "n/a" : String.format(Locale.ROOT, f, std));
        }

        public static Stat of(double[] values) {
            int n = values.length;
            double mean = 0;
            for (double v : values) mean += v;
            mean /= n;
            double squares = 0;
            for (double v : values) squares += (v - mean) * (v - mean);
            return new Stat(mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)), n);
        }
    }

    public SeedAggregate {
        if (runs == null || runs.isEmpty()) throw new IllegalArgumentException("no runs for model " + model);
        for (EvaluationResult r : runs) {
            if (!r.model().equals(model)) throw new IllegalArgumentException("run of " + r.model() + " in the aggregate of " + model);
        }
        if (runs.stream().map(r -> r.metrics().keySet()).distinct().count() != 1) {
            throw new IllegalArgumentException("the runs of " + model + " measured different metrics (different ks?)");
        }
        runs = List.copyOf(runs);
    }

    /** The aggregate of the runs of one model (named by the first run). */
    public static SeedAggregate of(List<EvaluationResult> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs");
        return new SeedAggregate(runs.getFirst().model(), runs);
    }

    /** Groups results by model name, models in order of first appearance. */
    public static List<SeedAggregate> group(List<EvaluationResult> results) {
        Map<String, List<EvaluationResult>> byModel = new LinkedHashMap<>();
        for (EvaluationResult r : results) byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r);
        List<SeedAggregate> out = new ArrayList<>();
        byModel.forEach((m, rs) -> out.add(new SeedAggregate(m, rs)));
        return out;
    }

    /** The statistics of one metric (a key of {@link EvaluationResult#metrics()}). */
    public Stat stat(String metric) {
        double[] values = new double[runs.size()];
        for (int s = 0; s < values.length; s++) {
            Double v = runs.get(s).metrics().get(metric);
            if (v == null) throw new IllegalArgumentException("metric '" + metric + "' was not measured; have " + runs.get(s).metrics().keySet());
            values[s] = v;
        }
        return Stat.of(values);
    }

    /** Every metric's statistics, in {@link EvaluationResult#metrics()} order (written to JSON as "summary"). */
    @JsonProperty("summary")
    public Map<String, Stat> summary() {
        Map<String, Stat> out = new LinkedHashMap<>();
        for (String metric : runs.getFirst().metrics().keySet()) out.put(metric, stat(metric));
        return out;
    }
}
