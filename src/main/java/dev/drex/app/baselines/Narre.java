package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
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
 * NARRE (Chen, Zhang, Liu and Ma 2018, "Neural Attentional Rating Regression with Review-level Explanations",
 * sec. 3): each train review of a user is encoded by a text CNN, the reviews are weighed by attention, and the
 * user's latent is the weighted review feature plus an ID embedding; items alike; the rating is a biased
 * latent-factor product.
 * <pre>
 *   O_j = TextCnn(review j)  (F)        for the reviews j of user u (the pieces of each truncated to reviewLength)
 *   a*_j = h^T ReLU(W_O O_j + W_u u_j + b_1) + b_2,   u_j (t) the ID embedding of the item review j is about   (eq. 7)
 *   a_j = softmax over u's reviews of a*_j                                                                 (eq. 8)
 *   X_u = W_0 dropout(sum_j a_j O_j) + b_0  (d);   P_u = q_u + X_u  with q_u the user's ID embedding (d)   (eq. 9-10)
 *   Q_i likewise over item i's reviews (the attention ID is the reviewing user's)
 *   rhat = w_1 . (P_u ⊙ Q_i) + b_u + b_i + mu                                                             (eq. 11-12)
 * </pre>
 * W_u u_j is one table of attention-ID vectors (t) per item (an embedding times a linear map is an embedding).
 * Word vectors are the frozen MiniLM word pieces ({@link ReviewCorpus}). A train pair's own review is left out of both
 * review sets (no target leakage). A user (item) left with no review reads one empty review with a padding ID.
 * mu starts at the train mean; ID embeddings ~ N(0, 0.1^2); biases 0; w_1 = 1.
 */
public final class Narre extends Module implements ReviewRatingModel {
    private final ReviewCorpus corpus;
    private final int reviewLength;
    private final float dropout;
    private final RandomGenerator dropoutRng;
    private final Side user, item;
    private final Tensor outWeight;  // w_1 (1,d)
    private final Tensor userBias, itemBias, globalBias;
    private Tensor userLatents, itemLatents; // P (U,d), Q (I,d): the cache predict reads

    /** One side (user or item): review encoder, review attention, latent map and ID embeddings. */
    private static final class Side extends Module {
        final TextCnn cnn;
        final Linear attentionFeature; // W_O, b_1: F -> t
        final Tensor attentionIds;     // (other side count + 1 padding, t)
        final Linear attentionScore;   // h, b_2: t -> 1
        final Linear latent;           // W_0, b_0: F -> d
        final Tensor ids;              // q (count, d)

        Side(int e, int filters, int width, int attention, int dim, int count, int otherCount, RandomGenerator rng) {
            cnn = module("cnn", new TextCnn(e, filters, width, rng));
            attentionFeature = module("attentionFeature", new Linear(filters, attention, true, rng));
            attentionIds = parameter("attentionIds", Init.normal(rng, 0f, 0.1f, otherCount + 1, attention));
            attentionScore = module("attentionScore", new Linear(attention, 1, true, rng));
            latent = module("latent", new Linear(filters, dim, true, rng));
            ids = parameter("ids", Init.normal(rng, 0f, 0.1f, count, dim));
        }
    }

    public Narre(ReviewCorpus corpus, int filters, int width, int attention, int dim, int reviewLength, float dropout, float mean,
            RandomGenerator rng) {
        if (attention < 1 || dim < 1 || reviewLength < 1) throw new IllegalArgumentException("Narre(t " + attention + ", d " + dim + ", length " + reviewLength + ")");
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("Narre: dropout must be in [0,1), got " + dropout);
        Dataset data = corpus.dataset();
        this.corpus = corpus;
        this.reviewLength = reviewLength;
        this.dropout = dropout;
        this.dropoutRng = rng;
        int e = corpus.embeddingDim();
        this.user = module("user", new Side(e, filters, width, attention, dim, data.numUsers(), data.numItems(), rng));
        this.item = module("item", new Side(e, filters, width, attention, dim, data.numItems(), data.numUsers(), rng));
        this.outWeight = parameter("outWeight", Tensor.full(1f, 1, dim));
        this.userBias = parameter("userBias", Tensor.zeros(data.numUsers()));
        this.itemBias = parameter("itemBias", Tensor.zeros(data.numItems()));
        this.globalBias = parameter("globalBias", Tensor.vector(mean));
    }

    /** The reviews one side reads for B owners: flattened piece sequences, attention IDs, segment starts. */
    private ReviewBatch gather(int[] owners, int[] leaveOut, boolean userSide) {
        return ReviewBatch.of(corpus, owners, leaveOut, userSide, reviewLength);
    }

    /** The attention logits a*_j (N,1) of one side's reviews. */
    private Tensor scores(Side side, Tensor features, ReviewBatch r) {
        Tensor hidden = F.relu(F.add(side.attentionFeature.forward(features), F.gatherRows(side.attentionIds, r.otherIds())));
        return side.attentionScore.forward(hidden);
    }

    /** P_u (or Q_i) of B owners (B,d), recorded. */
    private Tensor latent(Side side, int[] owners, int[] leaveOut, boolean userSide) {
        ReviewBatch r = gather(owners, leaveOut, userSide);
        Tensor features = side.cnn.forward(corpus, r.pieces());                               // O (N,F)
        Tensor pooled = F.attentionPool(features, scores(side, features, r), r.starts());     // (B,F)
        Tensor x = side.latent.forward(F.dropout(pooled, dropout, dropoutRng, isTraining())); // X (B,d)
        return F.add(x, F.gatherRows(side.ids, owners));
    }

    private Tensor rating(Tensor p, Tensor q, int[] users, int[] items) {
        int b = users.length;
        Tensor dot = F.linear(F.mul(p, q), outWeight, globalBias).reshape(b);                  // w_1 . (P ⊙ Q) + mu
        return F.add(F.add(dot, F.gatherRows(userBias.reshape(-1, 1), users).reshape(b)), F.gatherRows(itemBias.reshape(-1, 1), items).reshape(b));
    }

    @Override
    public Tensor forward(int[] users, int[] items, int[] leaveOut) {
        return rating(latent(user, users, leaveOut, true), latent(item, items, leaveOut, false), users, items);
    }

    @Override
    public void refreshCache() {
        boolean was = isTraining();
        train(false);
        try (Grad.Scope off = Grad.off()) {
            userLatents = all(user, corpus.dataset().numUsers(), true);
            itemLatents = all(item, corpus.dataset().numItems(), false);
        }
        train(was);
    }

    private Tensor all(Side side, int count, boolean userSide) {
        List<Tensor> parts = new ArrayList<>();
        for (int from = 0; from < count; from += 64) {
            int[] ids = new int[Math.min(count, from + 64) - from];
            for (int j = 0; j < ids.length; j++) ids[j] = from + j;
            parts.add(latent(side, ids, null, userSide));
        }
        return F.concat(0, parts.toArray(Tensor[]::new));
    }

    @Override
    public String name() {
        return "NARRE";
    }

    @Override
    public float[] predict(int[] users, int[] items) {
        if (users.length != items.length) throw new IllegalArgumentException(users.length + " users for " + items.length + " items");
        if (userLatents == null) refreshCache();
        try (Grad.Scope off = Grad.off()) {
            return rating(F.gatherRows(userLatents, users), F.gatherRows(itemLatents, items), users, items).toArray();
        }
    }

    /**
     * The item's most useful train reviews, highest attention first (at most {@code top}), with a snippet of at most
     * {@code snippetChars} characters each. NARRE's item attention does not depend on the asking user (eq. 7), so the
     * list is the item's; the user's own review of the item, if it is a train review, is left out.
     */
    public List<UsefulReview> usefulReviews(int userIndex, int itemIndex, int top, int snippetChars) {
        Dataset data = corpus.dataset();
        int own = data.find(userIndex, itemIndex);
        boolean was = isTraining();
        train(false);
        float[] weights;
        ReviewBatch r;
        try (Grad.Scope off = Grad.off()) {
            r = gather(new int[] {itemIndex}, new int[] {own}, false);
            Tensor features = item.cnn.forward(corpus, r.pieces());
            weights = F.attentionWeights(scores(item, features, r), r.starts()).toArray();
        } finally {
            train(was);
        }
        return UsefulReview.ranked(data, r, weights, top, snippetChars);
    }
}
