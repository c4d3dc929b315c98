package dev.drex.app.model;

import dev.drex.app.features.ReviewVectors;
import dev.drex.app.features.ReviewVectors.LemmaMatrix;
import dev.drex.engine.autograd.Grad;
import dev.drex.engine.nn.Module;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * The features x of an interaction (spec: "Review features", "Rating features and fusion").
 *
 * <pre>
 *   review:  h_j (dim) frozen lemma vectors;  u = W_t^T q (dim), computed once per batch
 *            s_j = u . h_j;  a = softmax(s) per review;  p = sum_j a_j h_j (dim);  x_text = W_t p + b_t (d)
 *            (equal to q . e_j scores and x_text = sum_j a_j e_j with e_j = W_t h_j + b_t: q . b_t cancels)
 *   rating:  x_rate = W_r onehot5(r) + b_r (d)
 *   fusion:  x = W_f [x_text ; x_rate] + b_f (d)
 * </pre>
 * A missing modality (no review, a hidden rating, or its ablation) is a zero vector in its slot, bias
 * included. Parameters: {@code W_t (d,dim), b_t (d), q (d), W_r (d,5), b_r (d), W_f (d,2d), b_f (d)}.
 */
public final class InteractionEncoder extends Module {
    private final int d;
    private final int dim;
    private final boolean useReviews, useRatings;
    private final Tensor wt, bt, q, wr, br, wf, bf;

    /** {@code dim}: the lemma-vector width (ignored, may be 1, when reviews are off). */
    public InteractionEncoder(int d, int dim, boolean useReviews, boolean useRatings, RandomGenerator rng) {
        this.d = d;
        this.dim = dim;
        this.useReviews = useReviews;
        this.useRatings = useRatings;
        wt = parameter("W_t", Init.xavierUniform(rng, d, dim));
        bt = parameter("b_t", Tensor.zeros(d));
        // q is a vector; Xavier-uniform on it as a (1, d) matrix
        q = parameter("q", Init.xavierUniform(rng, 1, d).reshape(d));
        wr = parameter("W_r", Init.xavierUniform(rng, d, 5));
        br = parameter("b_r", Tensor.zeros(d));
        wf = parameter("W_f", Init.xavierUniform(rng, d, 2 * d));
        bf = parameter("b_f", Tensor.zeros(d));
    }

    public int dim() {
        return dim;
    }

    /**
     * x of the interactions {@code ks} (D) -> (D, d), their reviews and ratings read from {@code inputs}.
     * Every k should have at least one modality ({@link TrainHistory} skips the others); {@code timing}
     * (may be null) collects the time of the review and the rating/fusion parts.
     */
    public Tensor forward(int[] ks, DrexInputs inputs, Timing timing) {
        int n = ks.length;
        long t0 = System.nanoTime();
        Tensor text = useReviews ? textSlot(ks, inputs.reviews()) : Tensor.zeros(n, d);
        long t1 = System.nanoTime();
        Tensor rate = useRatings ? ratingSlot(ks, inputs) : Tensor.zeros(n, d);
        Tensor x = F.linear(F.concat(1, text, rate), wf, bf);
        if (timing != null) {
            timing.add(Timing.Phase.REVIEWS, t1 - t0);
            timing.add(Timing.Phase.RATINGS_FUSION, System.nanoTime() - t1);
        }
        return x;
    }

    /** x_text of each k, zero rows where k has no review: (D, d). */
    private Tensor textSlot(int[] ks, ReviewVectors reviews) {
        int n = ks.length;
        if (reviews.dim() != dim) throw new IllegalStateException("review vectors have width " + reviews.dim() + ", expected " + dim);
        int[] withReview = new int[n];
        int[] gather = new int[n];            // row of x_text for each k; `present` = the zero row
        int present = 0;
        for (int j = 0; j < n; j++) {
            if (reviews.rows(ks[j]) > 0) {
                gather[j] = present;
                withReview[present++] = ks[j];
            } else {
                gather[j] = -1;
            }
        }
        if (present == 0) return Tensor.zeros(n, d);
        for (int j = 0; j < n; j++) if (gather[j] < 0) gather[j] = present;
        Tensor u = F.matmul(q.reshape(1, d), wt);                    // u = W_t^T q: (1, d) x (d, dim) -> (1, dim)
        Tensor pooled = ReviewAttention.apply(u, reviews, java.util.Arrays.copyOf(withReview, present), dim); // p_r: (R, dim)
        Tensor xText = F.linear(pooled, wt, bt);                     // W_t p + b_t: (R, d)
        if (present == n) return xText;
        return F.gatherRows(F.concat(0, xText, Tensor.zeros(1, d)), gather);
    }

    /** x_rate of each k, zero rows where the rating is hidden: (D, d). */
    private Tensor ratingSlot(int[] ks, DrexInputs inputs) {
        int n = ks.length;
        Tensor onehot = Tensor.zeros(n, 5);
        Tensor mask = Tensor.zeros(n, 1);
        boolean anyHidden = false;
        for (int j = 0; j < n; j++) {
            onehot.data()[j * 5 + inputs.data().rating(ks[j]) - 1] = 1f;
            boolean visible = inputs.ratingVisible(ks[j]);
            mask.data()[j] = visible ? 1f : 0f;
            anyHidden |= !visible;
        }
        Tensor x = F.linear(onehot, wr, br);
        return anyHidden ? F.mul(x, mask) : x;
    }

    /**
     * x (1, d) of one interaction given directly (online use: a review and rating not in the dataset).
     * {@code review} null or {@code rating} 0 marks that modality missing; at least one must be present.
     */
    public Tensor encode(LemmaMatrix review, int rating) {
        if (rating < 0 || rating > 5) throw new IllegalArgumentException("rating must be 1..5, or 0 for none; got " + rating);
        boolean hasText = useReviews && review != null, hasRating = useRatings && rating > 0;
        if (!hasText && !hasRating) throw new IllegalArgumentException("an interaction needs a review or a rating this model uses");
        if (hasText && review.dim() != dim) throw new IllegalArgumentException("review vectors of width " + review.dim() + ", expected " + dim);
        Tensor text = hasText
                ? F.linear(ReviewAttention.apply(F.matmul(q.reshape(1, d), wt), new float[][] {review.vectors()}, new int[] {review.rows()}, dim), wt, bt)
                : Tensor.zeros(1, d);
        Tensor rate = Tensor.zeros(1, d);
        if (hasRating) {
            Tensor onehot = Tensor.zeros(1, 5);
            onehot.data()[rating - 1] = 1f;
            rate = F.linear(onehot, wr, br);
        }
        return F.linear(F.concat(1, text, rate), wf, bf);
    }

    /** True when k has a modality this encoder uses. */
    public boolean usable(int k, DrexInputs inputs) {
        return (useReviews && inputs.reviews() != null && inputs.reviews().rows(k) > 0)
                || (useRatings && inputs.ratingVisible(k));
    }

    /** The attention weights a_j over review {@code m}'s lemmas (no graph): what explanations accumulate. */
    public float[] attention(LemmaMatrix m) {
        try (var off = Grad.off()) {
            Tensor u = F.matmul(q.reshape(1, d), wt);
            return ReviewAttention.weights(u.toArray(), m.vectors(), m.rows(), dim);
        }
    }
}
