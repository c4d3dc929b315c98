package dev.drex.engine.bert;

import dev.drex.engine.io.SafetensorsReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A deliberately plain BERT forward pass for tests: one sequence at a time, nested loops, double
 * accumulation, the HF formulas written out (additive -infinity mask on keys, two-pass LayerNorm).
 * Shares no code with {@link BertModel} beyond reading tensors.
 */
final class NaiveBert {

    private final SafetensorsReader r;
    private final String prefix;
    private final int h, layers, heads, inter, vocab;
    private final boolean tanhGelu;
    private final double eps;

    NaiveBert(Path dir, int layers, int heads, boolean tanhGelu, double eps) throws IOException {
        this.r = SafetensorsReader.open(dir.resolve("model.safetensors"));
        this.prefix = r.contains("bert.embeddings.word_embeddings.weight") ? "bert." : "";
        this.h = r.shape(prefix + "embeddings.word_embeddings.weight")[1];
        this.vocab = r.shape(prefix + "embeddings.word_embeddings.weight")[0];
        this.inter = r.shape(prefix + "encoder.layer.0.intermediate.dense.weight")[0];
        this.layers = layers;
        this.heads = heads;
        this.tanhGelu = tanhGelu;
        this.eps = eps;
    }

    private double[] t(String name) throws IOException {
        String full = name.startsWith("cls.") ? name : prefix + name;
        float[] f = r.readFloats(full);
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /** Hidden states (n, H) of one sequence. */
    double[][] encode(int[] ids, int[] mask, int[] types) throws IOException {
        int n = ids.length;
        double[] word = t("embeddings.word_embeddings.weight"), pos = t("embeddings.position_embeddings.weight");
        double[] type = t("embeddings.token_type_embeddings.weight");
        double[][] x = new double[n][h];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < h; j++) {
                x[i][j] = word[ids[i] * h + j] + pos[i * h + j] + type[(types == null ? 0 : types[i]) * h + j];
            }
            x[i] = layerNorm(x[i], t("embeddings.LayerNorm.weight"), t("embeddings.LayerNorm.bias"));
        }
        int d = h / heads;
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            double[][] q = linear(x, p + "attention.self.query"), k = linear(x, p + "attention.self.key");
            double[][] v = linear(x, p + "attention.self.value");
            double[][] c = new double[n][h];
            for (int hd = 0; hd < heads; hd++) {
                for (int i = 0; i < n; i++) {
                    double[] s = new double[n];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < n; j++) {
                        double dot = 0;
                        for (int e = 0; e < d; e++) dot += q[i][hd * d + e] * k[j][hd * d + e];
                        s[j] = mask[j] == 0 ? Double.NEGATIVE_INFINITY : dot / Math.sqrt(d);
                        max = Math.max(max, s[j]);
                    }
                    double z = 0;
                    for (int j = 0; j < n; j++) z += s[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(s[j] - max);
                    for (int j = 0; j < n; j++) {
                        double prob = s[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(s[j] - max) / z;
                        for (int e = 0; e < d; e++) c[i][hd * d + e] += prob * v[j][hd * d + e];
                    }
                }
            }
            double[][] a = linear(c, p + "attention.output.dense");
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < h; j++) a[i][j] += x[i][j];
                x[i] = layerNorm(a[i], t(p + "attention.output.LayerNorm.weight"), t(p + "attention.output.LayerNorm.bias"));
            }
            double[][] m = linear(x, p + "intermediate.dense");
            for (double[] row : m) for (int j = 0; j < row.length; j++) row[j] = gelu(row[j]);
            double[][] o = linear(m, p + "output.dense");
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < h; j++) o[i][j] += x[i][j];
                x[i] = layerNorm(o[i], t(p + "output.LayerNorm.weight"), t(p + "output.LayerNorm.bias"));
            }
        }
        return x;
    }

    /** tanh(W x_0 + b). */
    double[] pooled(double[][] hidden) throws IOException {
        double[] y = linear(new double[][] {hidden[0]}, "pooler.dense")[0];
        for (int j = 0; j < y.length; j++) y[j] = Math.tanh(y[j]);
        return y;
    }

    /** LayerNorm(gelu(W h + b)) E^T + bias. */
    double[] maskedLmLogits(double[] hidden) throws IOException {
        double[] z = linear(new double[][] {hidden}, "cls.predictions.transform.dense")[0];
        for (int j = 0; j < h; j++) z[j] = gelu(z[j]);
        z = layerNorm(z, t("cls.predictions.transform.LayerNorm.weight"), t("cls.predictions.transform.LayerNorm.bias"));
        double[] word = t("embeddings.word_embeddings.weight"), bias = t("cls.predictions.bias");
        double[] logits = new double[vocab];
        for (int v = 0; v < vocab; v++) {
            double s = bias[v];
            for (int j = 0; j < h; j++) s += z[j] * word[v * h + j];
            logits[v] = s;
        }
        return logits;
    }

    private double[][] linear(double[][] x, String name) throws IOException {
        double[] w = t(name + ".weight"), b = t(name + ".bias");
        int out = b.length, in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int e = 0; e < in; e++) s += w[o * in + e] * x[i][e];
                y[i][o] = s;
            }
        }
        return y;
    }

    private double[] layerNorm(double[] x, double[] gamma, double[] beta) {
        double mean = 0, var = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        for (double v : x) var += (v - mean) * (v - mean);
        var /= x.length;
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) y[j] = (x[j] - mean) / Math.sqrt(var + eps) * gamma[j] + beta[j];
        return y;
    }

    private double gelu(double x) {
        if (tanhGelu) return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    /** erf by its Maclaurin series (|x| < 6, double keeps ~1e-9), +-1 beyond. */
    static double erf(double x) {
        if (Math.abs(x) >= 6) return Math.signum(x);
        double sum = 0, term = x;
        for (int n = 0; n < 200; n++) {
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            term *= -x * x / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
