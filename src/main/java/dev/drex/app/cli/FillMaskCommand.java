package dev.drex.app.cli;

import dev.drex.engine.bert.BertModel;
import dev.drex.engine.bert.BertOutput;
import dev.drex.tokenizer.bert.BertTokenizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./drex fill-mask}: BERT's masked-LM head on a text with [MASK] tokens; prints the most
 * probable tokens for each mask, probability = softmax of the logits over the whole vocabulary.
 */
@Command(name = "fill-mask", mixinStandardHelpOptions = true,
        description = "Predict the tokens behind each [MASK] of a text with a BERT masked-LM model "
                + "(e.g. bert-base-uncased); prints the top tokens with their probabilities.")
public final class FillMaskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME",
            description = "Model directory with a masked-LM head, or a known model name (bert-base-uncased).")
    String model;

    @Option(names = "--top", paramLabel = "K", description = "Tokens printed per mask (default: ${DEFAULT-VALUE}).")
    int top = 5;

    @Parameters(index = "0", paramLabel = "TEXT", description = "Text with at least one [MASK].")
    String text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
            Path dir = ModelLocator.resolve(model);
            BertTokenizer tokenizer = BertTokenizer.fromDirectory(dir);
            try (BertModel bert = BertModel.load(dir)) {
                if (!bert.hasMaskedLmHead()) {
                    throw new IllegalArgumentException(dir + " has no masked-LM head (cls.predictions.*): fill-mask needs one");
                }
                int[] ids = tokenizer.encode(text, bert.config().maxPositionEmbeddings()).ids();
                int maskId = tokenizer.tokenToId("[MASK]");
                List<Integer> masks = new ArrayList<>();
                for (int t = 0; t < ids.length; t++) if (ids[t] == maskId) masks.add(t);
                if (masks.isEmpty()) throw new IllegalArgumentException("the text has no [MASK] token: \"" + text + "\"");
                BertOutput result = bert.forward(new int[][] {ids}, null);
                for (int m = 0; m < masks.size(); m++) {
                    if (masks.size() > 1) out.printf("[MASK] %d of %d (token %d):%n", m + 1, masks.size(), masks.get(m));
                    float[] logits = bert.maskedLmLogits(result, 0, masks.get(m));
                    double[] p = softmax(logits);
                    for (int v : topK(p, Math.min(top, p.length))) {
                        out.printf("%-15s %.4f%n", tokenizer.idToToken(v), p[v]);
                    }
                }
            }
            out.flush();
            return 0;
        } catch (Exception e) {
            out.flush();
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }

    /** p = exp(z - max z) / sum, in double. */
    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (float z : logits) max = Math.max(max, z);
        double[] p = new double[logits.length];
        for (int v = 0; v < p.length; v++) sum += p[v] = Math.exp(logits[v] - max);
        for (int v = 0; v < p.length; v++) p[v] /= sum;
        return p;
    }

    /** Indices of the k largest values, largest first (ties: lower index first). */
    static int[] topK(double[] p, int k) {
        int[] best = new int[k];
        boolean[] taken = new boolean[p.length];
        for (int i = 0; i < k; i++) {
            int arg = -1;
            for (int v = 0; v < p.length; v++) if (!taken[v] && (arg < 0 || p[v] > p[arg])) arg = v;
            taken[arg] = true;
            best[i] = arg;
        }
        return best;
    }
}
