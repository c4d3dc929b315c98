package dev.drex.app.demo;

import dev.drex.engine.autograd.Grad;
import dev.drex.engine.nn.GruCell;
import dev.drex.engine.nn.Linear;
import dev.drex.engine.ops.F;
import dev.drex.engine.optim.Adam;
import dev.drex.engine.optim.GradClip;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The engine end to end on data it makes: a GRU reads a sequence of random vectors and a linear head
 * regresses a nonlinear function of the whole sequence; trained by BPTT with Adam, loss curve printed.
 *
 * <p>Teacher: {@code s_t = 0.7 s_{t-1} + u . x_t}, target {@code y = sin(2 s_T) + 0.3 x_1[0]}. The target
 * depends on a decaying memory of every step and on the first input, so a model must carry state
 * through the fold; a constant predictor scores the target variance.
 */
public final class GruRegressionDemo {

    /** Settings, defaults stated once. */
    public record Config(int trainSize, int valSize, int steps, int inputSize, int hidden, int batch, int epochs,
                         double lr, long seed) {
        public static Config defaults() {
            return new Config(2048, 512, 12, 4, 32, 64, 25, 1e-2, 42);
        }
    }

    /** Per-epoch results. */
    public record Epoch(int epoch, double trainMse, double valMse) {}

    private final Config cfg;
    private final float[][][] xs;   // [sample][t][inputSize]
    private final float[] ys;

    public GruRegressionDemo(Config cfg) {
        this.cfg = cfg;
        int n = cfg.trainSize() + cfg.valSize();
        RandomGenerator rng = Init.rng(cfg.seed());
        float[] u = new float[cfg.inputSize()];
        for (int i = 0; i < u.length; i++) u[i] = (float) rng.nextGaussian() / (float) Math.sqrt(cfg.inputSize());
        xs = new float[n][cfg.steps()][cfg.inputSize()];
        ys = new float[n];
        for (int s = 0; s < n; s++) {
            double state = 0;
            for (int t = 0; t < cfg.steps(); t++) {
                double dot = 0;
                for (int i = 0; i < cfg.inputSize(); i++) {
                    xs[s][t][i] = (float) rng.nextGaussian();
                    dot += u[i] * xs[s][t][i];
                }
                state = 0.7 * state + dot;
            }
            ys[s] = (float) (Math.sin(2 * state / 2.5) + 0.3 * xs[s][0][0]);
        }
    }

    /** Trains and returns the loss curve; prints progress to {@code out} when not null. */
    public List<Epoch> run(PrintStream out) {
        RandomGenerator rng = Init.rng(cfg.seed() + 1);
        GruCell gru = new GruCell(cfg.inputSize(), cfg.hidden(), rng);
        Linear head = new Linear(cfg.hidden(), 1, true, rng);
        Map<String, Tensor> params = new LinkedHashMap<>();
        gru.namedParameters().forEach((k, v) -> params.put("gru." + k, v));
        head.namedParameters().forEach((k, v) -> params.put("head." + k, v));
        Adam adam = new Adam(params, cfg.lr());

        double baseline = validationVariance();
        if (out != null) {
            out.printf("GRU regression on %d synthetic sequences (%d steps, %d inputs), hidden %d, %d parameters%n",
                    cfg.trainSize(), cfg.steps(), cfg.inputSize(), cfg.hidden(), params.values().stream().mapToInt(Tensor::size).sum());
            out.printf("validation MSE of a constant predictor (the target variance): %.4f%n", baseline);
        }
        int[] order = new int[cfg.trainSize()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        List<Epoch> curve = new ArrayList<>();
        for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
            shuffle(order, rng);
            double sum = 0;
            int batches = 0;
            for (int b = 0; b + cfg.batch() <= order.length; b += cfg.batch()) {
                int[] idx = java.util.Arrays.copyOfRange(order, b, b + cfg.batch());
                adam.zeroGrad();
                Tensor loss = F.mseLoss(predict(gru, head, idx), targets(idx));
                loss.backward();
                GradClip.clipByGlobalNorm(params.values(), 5.0);
                adam.step();
                sum += loss.item();
                batches++;
            }
            double val;
            try (var off = Grad.off()) {
                int[] idx = new int[cfg.valSize()];
                for (int i = 0; i < idx.length; i++) idx[i] = cfg.trainSize() + i;
                val = F.mseLoss(predict(gru, head, idx), targets(idx)).item();
            }
            Epoch e = new Epoch(epoch, sum / batches, val);
            curve.add(e);
            if (out != null) out.println(line(e, baseline));
        }
        return curve;
    }

    private Tensor predict(GruCell gru, Linear head, int[] idx) {
        List<Tensor> steps = new ArrayList<>(cfg.steps());
        for (int t = 0; t < cfg.steps(); t++) {
            float[] x = new float[idx.length * cfg.inputSize()];
            for (int r = 0; r < idx.length; r++) System.arraycopy(xs[idx[r]][t], 0, x, r * cfg.inputSize(), cfg.inputSize());
            steps.add(Tensor.of(x, idx.length, cfg.inputSize()));
        }
        Tensor h = gru.fold(Tensor.zeros(idx.length, cfg.hidden()), steps);
        return head.forward(h).reshape(idx.length);
    }

    private Tensor targets(int[] idx) {
        float[] y = new float[idx.length];
        for (int r = 0; r < idx.length; r++) y[r] = ys[idx[r]];
        return Tensor.of(y, idx.length);
    }

    /** Validation MSE of the best constant predictor (the variance of the validation targets). */
    public double validationVariance() {
        return variance(cfg.trainSize(), cfg.valSize());
    }

    private double variance(int from, int n) {
        double mean = 0, m2 = 0;
        for (int i = from; i < from + n; i++) mean += ys[i];
        mean /= n;
        for (int i = from; i < from + n; i++) m2 += (ys[i] - mean) * (ys[i] - mean);
        return m2 / n;
    }

    private static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** One line of the printed curve: numbers and a bar proportional to the validation MSE. */
    static String line(Epoch e, double baseline) {
        int width = (int) Math.round(Math.min(1.0, e.valMse() / baseline) * 50);
        return String.format("epoch %3d  train %.4f  val %.4f  |%s", e.epoch(), e.trainMse(), e.valMse(), "#".repeat(Math.max(width, 0)));
    }
}
