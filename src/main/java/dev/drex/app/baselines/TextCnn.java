package dev.drex.app.baselines;

import dev.drex.engine.nn.Module;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The convolutional text encoder of DeepCoNN (Zheng et al. 2017, sec. 3.2) and NARRE (Chen et al. 2018, sec. 3.2):
 * F filters of width K slide over the word vectors ("valid" windows), ReLU, then max over time.
 * <pre>
 *   x (N,T,E) zero-padded, lengths L_n -> z_n,j = ReLU(b_j + sum_{k&lt;K} W_j,k . x_n,t+k),  o_n = max_{t &lt; L_n-K+1} z_n,t  (N,F)
 * </pre>
 * A sequence shorter than K (even empty) is padded with zero vectors to K and yields one window.
 * ReLU and max commute (both monotone), so the pooled value is the ReLU of the max. Weights Xavier-uniform over
 * fan-in K E and fan-out F; bias 0. Parameters {@code weight} (F,K,E), {@code bias} (F).
 *
 * <p>The convolution runs as {@link F#embeddingConv1d} (the batch's distinct word pieces projected once, then
 * summed per window), which equals {@link F#conv1d} over the embedded, zero-padded sequences (engine test
 * {@code TextCnnGradTest}) at a fraction of the cost when words repeat.
 */
public final class TextCnn extends Module {
    private final int width;
    private final Tensor weight;
    private final Tensor bias;

    public TextCnn(int embeddingDim, int filters, int width, RandomGenerator rng) {
        if (embeddingDim < 1 || filters < 1 || width < 1) {
            throw new IllegalArgumentException("TextCnn(E " + embeddingDim + ", F " + filters + ", K " + width + "): sizes must be >= 1");
        }
        this.width = width;
        this.weight = parameter("weight", Init.xavierUniform(rng, filters, width * embeddingDim).reshape(filters, width, embeddingDim));
        this.bias = parameter("bias", Tensor.zeros(filters));
    }

    /** Encodes the piece sequences {@code seqs} (their embeddings from {@code corpus}) -> (N,F). */
    public Tensor forward(ReviewCorpus corpus, List<int[]> seqs) {
        int[] valid = new int[seqs.size()];
        for (int n = 0; n < valid.length; n++) valid[n] = Math.max(1, seqs.get(n).length - width + 1);
        Tensor z = F.embeddingConv1d(corpus.table(), seqs.toArray(int[][]::new), weight, bias); // (N,T-K+1,F), T >= K
        return F.relu(F.maxOverTime(z, valid));                                                  // (N,F)
    }

    public int filters() {
        return weight.dim(0);
    }
}
