package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.engine.autograd.Grad;
import dev.drex.engine.nn.Linear;
import dev.drex.engine.nn.Module;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * PESI (Wu, Guo, Yang, Luo, Chu, Jiang and Wang 2024, "PESI: Personalized Explanation recommendation with Sentiment
 * Inconsistency between ratings and reviews", Knowledge-Based Systems 283, 111133), as the DReX paper uses it: a
 * rating predictor that disentangles, for every user and item, a rating feature and a review feature into a part
 * the two modalities share and a part private to each, keeps the shared parts aligned with a contrastive loss, and
 * is regularised by an entropy term. For one side (users; items alike, with their own weights):
 * <pre>
 *   O_j   = TextCnn(review j)  (F)                    the owner's train reviews j, pieces truncated to reviewLength
 *   e_j   = v^T tanh(W_a O_j + b_a) + c               review attention logits (hidden size d)
 *   a_j   = softmax over the owner's reviews of e_j
 *   x^T_u = W_t dropout(sum_j a_j O_j) + b_t   (d)    review feature
 *   x^R_u = q_u                                (d)    rating feature: an ID embedding, shaped by the ratings only
 *   s^m_u = tanh(W_s x^m_u + b_s)                     shared encoder, ONE map for both modalities m in {R, T}
 *   p^m_u = tanh(W_m x^m_u + b_m)                     private encoders, one per modality
 *   P_u   = [ (s^R_u + s^T_u) / 2 ; p^R_u ; p^T_u ]  (3d)
 *   rhat  = w . (P_u ⊙ Q_i) + b_u + b_i + mu
 * </pre>
 * The batch objective ({@link #trainingLoss}, terms in {@link PesiLosses}; each auxiliary term averaged over the
 * user and the item side):
 * <pre>
 *   L = MSE + alpha L_con(s^R, s^T) + beta (L_orth(s^R, p^R) + L_orth(s^T, p^T)) / 2 + gamma H(a)
 *         + lambda mean_b (|q_u|^2 + |q_i|^2 + b_u^2 + b_i^2)
 * </pre>
 * The DReX paper gives only PESI's outline (three modules, disentanglement by contrastive learning, entropy
 * regularisation) and its tuned lr, dropout and lambda; PESI's own explanation generator (a text decoder) is not part
 * of the rating baseline. The choices made here:
 * <ol>
 *   <li>Rating modality = the ID embedding q_u (what matrix factorisation learns from ratings); review modality =
 *       NARRE-style attention over per-review text CNNs on frozen word pieces ({@link ReviewCorpus}, as DeepCoNN and
 *       NARRE here). A train pair's own review is left out of both sides (no target leakage); an owner left with no
 *       review reads one empty review.</li>
 *   <li>Disentanglement in the style of shared/private encoders: one shared encoder for both modalities and one
 *       private encoder per modality, each Linear(d, d) + tanh.</li>
 *   <li>Contrastive loss: symmetric InfoNCE between s^R and s^T over the batch rows (cosine / temperature tau); the
 *       positive of a row is the same pair's other modality; rows of the same owner are masked (not negatives).</li>
 *   <li>Shared and private parts are kept apart by a squared-cosine orthogonality ("difference") loss per row.</li>
 *   <li>Entropy regularisation on the review attention: gamma > 0 MINIMISES the mean attention entropy, so each
 *       profile rests on few reviews, which are then what {@link #usefulReviews} offers as the explanation.</li>
 *   <li>Fusion: the mean of the two shared parts concatenated with both private parts (the private, possibly
 *       inconsistent parts still inform the rating); prediction by a weighted product with biases (as NARRE).</li>
 *   <li>lambda is an L2 penalty on the ID embeddings and biases the batch touches (the paper's regularisation
 *       parameter, tuned to 0.01 for PESI); the other weights are unpenalised.</li>
 *   <li>Init: mu = train mean, q ~ N(0, 0.1^2), biases 0, w = 1, linear layers as {@link Linear} (Xavier), CNN as
 *       {@link TextCnn}.</li>
 * </ol>
 */
public final class Pesi extends Module implements ReviewRatingModel {

    /** The weights of the objective's terms (see the class comment); all >= 0, temperature > 0. */
    public record Weights(float contrast, float temperature, float orthogonality, float entropy, float lambda) {
        public Weights {
            if (!(contrast >= 0 && orthogonality >= 0 && entropy >= 0 && lambda >= 0 && temperature > 0)) {
                throw new IllegalArgumentException("bad PESI loss weights: " + this);
            }
        }
    }

    private final ReviewCorpus corpus;
    private final int reviewLength;
    private final float dropout;
    private final Weights weights;
    private final RandomGenerator dropoutRng;
    private final Side user, item;
    private final Tensor outWeight; // w (1,3d)
    private final Tensor userBias, itemBias, globalBias;
    private Tensor userLatents, itemLatents; // P (U,3d), Q (I,3d): the cache predict reads

    /** One side (user or item): review encoder and attention, rating feature, shared and private encoders. */
    private static final class Side extends Module {
        final TextCnn cnn;
        final Linear attentionHidden; // W_a, b_a: F -> d
        final Linear attentionScore;  // v, c: d -> 1
        final Linear reviewFeature;   // W_t, b_t: F -> d
        final Tensor ids;             // q (count, d)
        final Linear shared;          // W_s, b_s
        final Linear privateRating;   // W_R, b_R
        final Linear privateReview;   // W_T, b_T

        Side(int e, int filters, int width, int dim, int count, RandomGenerator rng) {
            cnn = module("cnn", new TextCnn(e, filters, width, rng));
            attentionHidden = module("attentionHidden", new Linear(filters, dim, true, rng));
            attentionScore = module("attentionScore", new Linear(dim, 1, true, rng));
            reviewFeature = module("reviewFeature", new Linear(filters, dim, true, rng));
            ids = parameter("ids", Init.normal(rng, 0f, 0.1f, count, dim));
            shared = module("shared", new Linear(dim, dim, true, rng));
            privateRating = module("privateRating", new Linear(dim, dim, true, rng));
            privateReview = module("privateReview", new Linear(dim, dim, true, rng));
        }

        /** Attention logits e (N,1) of review features O (N,F). */
        Tensor scores(Tensor features) {
            return attentionScore.forward(F.tanh(attentionHidden.forward(features)));
        }
    }

    public Pesi(ReviewCorpus corpus, int filters, int width, int dim, int reviewLength, float dropout, Weights weights, float mean,
            RandomGenerator rng) {
        if (dim < 1 || reviewLength < 1) throw new IllegalArgumentException("Pesi(d " + dim + ", length " + reviewLength + ")");
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("Pesi: dropout must be in [0,1), got " + dropout);
        Dataset data = corpus.dataset();
        this.corpus = corpus;
        this.reviewLength = reviewLength;
        this.dropout = dropout;
        this.weights = weights;
        this.dropoutRng = rng;
        int e = corpus.embeddingDim();
        this.user = module("user", new Side(e, filters, width, dim, data.numUsers(), rng));
        this.item = module("item", new Side(e, filters, width, dim, data.numItems(), rng));
        this.outWeight = parameter("outWeight", Tensor.full(1f, 1, 3 * dim));
        this.userBias = parameter("userBias", Tensor.zeros(data.numUsers()));
        this.itemBias = parameter("itemBias", Tensor.zeros(data.numItems()));
        this.globalBias = parameter("globalBias", Tensor.vector(mean));
    }

    /** The reviews one side reads for B owners: piece sequences, their interactions (-1: padding), segment starts. */
    private ReviewBatch gather(int[] owners, int[] leaveOut, boolean userSide) {
        return ReviewBatch.of(corpus, owners, leaveOut, userSide, reviewLength);
    }

    /** One side's features of B owners, recorded: the latent P (B,3d), the four parts (B,d), the attention logits. */
    private record Encoded(Tensor latent, Tensor sharedRating, Tensor sharedReview, Tensor privateRating, Tensor privateReview,
                           Tensor scores, int[] starts) {}

    private Encoded encode(Side side, int[] owners, int[] leaveOut, boolean userSide) {
        ReviewBatch r = gather(owners, leaveOut, userSide);
        Tensor features = side.cnn.forward(corpus, r.pieces());                                                     // O (N,F)
        Tensor scores = side.scores(features);                                                                       // e (N,1)
        Tensor pooled = F.attentionPool(features, scores, r.starts());                                               // (B,F)
        Tensor review = side.reviewFeature.forward(F.dropout(pooled, dropout, dropoutRng, isTraining()));           // x^T (B,d)
        Tensor rating = F.gatherRows(side.ids, owners);                                                              // x^R (B,d)
        Tensor sharedRating = F.tanh(side.shared.forward(rating)), sharedReview = F.tanh(side.shared.forward(review));
        Tensor privateRating = F.tanh(side.privateRating.forward(rating)), privateReview = F.tanh(side.privateReview.forward(review));
        Tensor latent = F.concat(1, F.scale(F.add(sharedRating, sharedReview), 0.5f), privateRating, privateReview); // (B,3d)
        return new Encoded(latent, sharedRating, sharedReview, privateRating, privateReview, scores, r.starts());
    }

    private Tensor rating(Tensor p, Tensor q, int[] users, int[] items) {
        int b = users.length;
        Tensor dot = F.linear(F.mul(p, q), outWeight, globalBias).reshape(b); // w . (P ⊙ Q) + mu
        return F.add(F.add(dot, F.gatherRows(userBias.reshape(-1, 1), users).reshape(b)), F.gatherRows(itemBias.reshape(-1, 1), items).reshape(b));
    }

    @Override
    public Tensor forward(int[] users, int[] items, int[] leaveOut) {
        return rating(encode(user, users, leaveOut, true).latent(), encode(item, items, leaveOut, false).latent(), users, items);
    }

    /** The full objective L of the class comment for one batch (a scalar, recorded). */
    @Override
    public Tensor trainingLoss(int[] users, int[] items, int[] leaveOut, Tensor ratings) {
        Encoded u = encode(user, users, leaveOut, true), i = encode(item, items, leaveOut, false);
        Tensor loss = F.mseLoss(rating(u.latent(), i.latent(), users, items), ratings);
        if (weights.contrast() > 0) {
            Tensor con = F.add(PesiLosses.contrastive(u.sharedRating(), u.sharedReview(), users, weights.temperature()),
                    PesiLosses.contrastive(i.sharedRating(), i.sharedReview(), items, weights.temperature()));
            loss = F.add(loss, F.scale(con, weights.contrast() / 2));
        }
        if (weights.orthogonality() > 0) {
            Tensor orth = F.add(F.add(PesiLosses.orthogonality(u.sharedRating(), u.privateRating()), PesiLosses.orthogonality(u.sharedReview(), u.privateReview())),
                    F.add(PesiLosses.orthogonality(i.sharedRating(), i.privateRating()), PesiLosses.orthogonality(i.sharedReview(), i.privateReview())));
            loss = F.add(loss, F.scale(orth, weights.orthogonality() / 4)); // per side (R + T)/2, then the mean of the sides
        }
        if (weights.entropy() > 0) {
            Tensor h = F.add(PesiLosses.attentionEntropy(u.scores(), u.starts()), PesiLosses.attentionEntropy(i.scores(), i.starts()));
            loss = F.add(loss, F.scale(h, weights.entropy() / 2));
        }
        if (weights.lambda() > 0) {
            Tensor squares = F.add(F.add(F.sum(F.square(F.gatherRows(user.ids, users))), F.sum(F.square(F.gatherRows(item.ids, items)))),
                    F.add(F.sum(F.square(F.gatherRows(userBias.reshape(-1, 1), users))), F.sum(F.square(F.gatherRows(itemBias.reshape(-1, 1), items)))));
            loss = F.add(loss, F.scale(squares, weights.lambda() / users.length));
        }
        return loss;
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
            parts.add(encode(side, ids, null, userSide).latent());
        }
        return F.concat(0, parts.toArray(Tensor[]::new));
    }

    @Override
    public String name() {
        return "PESI";
    }

    /** The rating over the cached latents (see {@link #refreshCache}); no graph. */
    @Override
    public float[] predict(int[] users, int[] items) {
        if (users.length != items.length) throw new IllegalArgumentException(users.length + " users for " + items.length + " items");
        if (userLatents == null) refreshCache();
        try (Grad.Scope off = Grad.off()) {
            return rating(F.gatherRows(userLatents, users), F.gatherRows(itemLatents, items), users, items).toArray();
        }
    }

    /**
     * PESI's explanation here: the item's train reviews its review feature rests on, highest attention weight first
     * (at most {@code top}, each with a snippet of at most {@code snippetChars} characters). The item attention does
     * not depend on the asking user, so the list is the item's; the user's own review of the item, if it is a train
     * review, is left out. The entropy term makes these weights peaked.
     */
    public List<UsefulReview> usefulReviews(int userIndex, int itemIndex, int top, int snippetChars) {
        Dataset data = corpus.dataset();
        int own = data.find(userIndex, itemIndex);
        boolean was = isTraining();
        train(false);
        float[] attention;
        ReviewBatch r;
        try (Grad.Scope off = Grad.off()) {
            r = gather(new int[] {itemIndex}, new int[] {own}, false);
            attention = F.attentionWeights(item.scores(item.cnn.forward(corpus, r.pieces())), r.starts()).toArray();
        } finally {
            train(was);
        }
        return UsefulReview.ranked(data, r, attention, top, snippetChars);
    }
}
