package dev.drex.app.baselines;

import dev.drex.engine.autograd.Grad;
import dev.drex.engine.nn.Linear;
import dev.drex.engine.nn.Module;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * DeepCoNN (Zheng, Noroozi and Yu 2017, "Joint Deep Modeling of Users and Items Using Reviews", sec. 3): two
 * parallel text CNNs, one over the user's document (all the user's train reviews, concatenated), one over the
 * item's, joined by a factorization machine.
 * <pre>
 *   x_u = W_u dropout(TextCnn_u(doc_u)) + g_u   (F -> d)        y_i likewise with the item's weights
 *   z = [x_u ; y_i] (2d)
 *   rhat = w_0 + w . z + sum_{a&lt;b} &lt;v_a, v_b&gt; z_a z_b
 *        = w_0 + w . z + 1/2 sum_f ((z V)_f^2 - (z^2 V^2)_f)     (Rendle 2010, eq. 1 and lemma 3.1)
 * </pre>
 * Documents: each review's word pieces ({@link ReviewCorpus}: frozen MiniLM word-piece vectors stand in for
 * word2vec), concatenated in interaction order and truncated to {@code docLength} pieces. For a train pair the
 * pair's own review is left out of both documents (no target leakage); validation and test pairs read every train
 * review of their user and item ({@link #refreshCache}). w_0 starts at the train mean, w at 0, V ~ N(0, 0.01^2).
 */
public final class DeepConn extends Module implements ReviewRatingModel {
    private final ReviewCorpus corpus;
    private final int docLength;
    private final float dropout;
    private final RandomGenerator dropoutRng;
    private final TextCnn userCnn, itemCnn;
    private final Linear userFc, itemFc;
    private final Tensor fmBias;    // (1)
    private final Tensor fmLinear;  // (1, 2d)
    private final Tensor fmFactors; // (2d, k)
    private Tensor userLatents, itemLatents; // (U,d), (I,d): the cache predict reads

    public DeepConn(ReviewCorpus corpus, int filters, int width, int dim, int factors, int docLength, float dropout, float mean,
            RandomGenerator rng) {
        if (dim < 1 || factors < 1 || docLength < 1) throw new IllegalArgumentException("DeepConn(d " + dim + ", k " + factors + ", length " + docLength + ")");
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("DeepConn: dropout must be in [0,1), got " + dropout);
        this.corpus = corpus;
        this.docLength = docLength;
        this.dropout = dropout;
        this.dropoutRng = rng;
        int e = corpus.embeddingDim();
        this.userCnn = module("userCnn", new TextCnn(e, filters, width, rng));
        this.userFc = module("userFc", new Linear(filters, dim, true, rng));
        this.itemCnn = module("itemCnn", new TextCnn(e, filters, width, rng));
        this.itemFc = module("itemFc", new Linear(filters, dim, true, rng));
        this.fmBias = parameter("fmBias", Tensor.vector(mean));
        this.fmLinear = parameter("fmLinear", Tensor.zeros(1, 2 * dim));
        this.fmFactors = parameter("fmFactors", Init.normal(rng, 0f, 0.01f, 2 * dim, factors));
    }

    /** The user latents x_u (B,d) from the users' documents, each without interaction leaveOut[b]. */
    Tensor userLatent(int[] users, int[] leaveOut) {
        List<int[]> docs = new ArrayList<>(users.length);
        for (int b = 0; b < users.length; b++) docs.add(corpus.document(corpus.userReviews(users[b]), leaveOut == null ? -1 : leaveOut[b], docLength));
        return userFc.forward(F.dropout(userCnn.forward(corpus, docs), dropout, dropoutRng, isTraining()));
    }

    /** The item latents y_i (B,d), as {@link #userLatent}. */
    Tensor itemLatent(int[] items, int[] leaveOut) {
        List<int[]> docs = new ArrayList<>(items.length);
        for (int b = 0; b < items.length; b++) docs.add(corpus.document(corpus.itemReviews(items[b]), leaveOut == null ? -1 : leaveOut[b], docLength));
        return itemFc.forward(F.dropout(itemCnn.forward(corpus, docs), dropout, dropoutRng, isTraining()));
    }

    /** The factorization machine over z = [x ; y] (B,2d) -> (B). */
    Tensor factorizationMachine(Tensor x, Tensor y) {
        Tensor z = F.concat(1, x, y);                                                      // (B,2d)
        int b = z.dim(0);
        Tensor linear = F.linear(z, fmLinear, fmBias).reshape(b);                          // w0 + w.z
        Tensor zv = F.matmul(z, fmFactors);                                                // (B,k)
        Tensor z2v2 = F.matmul(F.square(z), F.square(fmFactors));                          // (B,k)
        Tensor pairwise = F.scale(F.sum(F.sub(F.square(zv), z2v2), 1, false), 0.5f);      // (B)
        return F.add(linear, pairwise);
    }

    @Override
    public Tensor forward(int[] users, int[] items, int[] leaveOut) {
        return factorizationMachine(userLatent(users, leaveOut), itemLatent(items, leaveOut));
    }

    @Override
    public void refreshCache() {
        boolean was = isTraining();
        train(false);
        try (Grad.Scope off = Grad.off()) {
            userLatents = latents(corpus.dataset().numUsers(), true);
            itemLatents = latents(corpus.dataset().numItems(), false);
        }
        train(was);
    }

    private Tensor latents(int count, boolean users) {
        List<Tensor> parts = new ArrayList<>();
        for (int from = 0; from < count; from += 64) {
            int[] ids = new int[Math.min(count, from + 64) - from];
            for (int j = 0; j < ids.length; j++) ids[j] = from + j;
            parts.add(users ? userLatent(ids, null) : itemLatent(ids, null));
        }
        return F.concat(0, parts.toArray(Tensor[]::new));
    }

    @Override
    public String name() {
        return "DeepCoNN";
    }

    /** The FM over the cached latents (see {@link #refreshCache}); no graph. */
    @Override
    public float[] predict(int[] users, int[] items) {
        if (users.length != items.length) throw new IllegalArgumentException(users.length + " users for " + items.length + " items");
        if (userLatents == null) refreshCache();
        try (Grad.Scope off = Grad.off()) {
            return factorizationMachine(F.gatherRows(userLatents, users), F.gatherRows(itemLatents, items)).toArray();
        }
    }
}
