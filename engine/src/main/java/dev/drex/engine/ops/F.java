package dev.drex.engine.ops;

import dev.drex.engine.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * The differentiable operations, as static functions (like {@code torch.nn.functional}). Each returns a
 * new tensor; when recording is on ({@link dev.drex.engine.autograd.Grad}) and an input requires a
 * gradient, the result is a graph node whose backward is defined in the op's class (named in each entry).
 * Shapes use row-major conventions: "(...,C)" is any number of leading dimensions and a last one C.
 */
public final class F {
    private F() {}

    // ------------------------------------------------------------------ products

    /** {@link MatMul}: (M,K)x(K,N) -> (M,N); (B,M,K)x(B,K,N) -> (B,M,N); (B,M,K)x(K,N) -> (B,M,N). */
    public static Tensor matmul(Tensor a, Tensor b) {
        return MatMul.apply(a, b, false, false);
    }

    /** {@link MatMul}: op(a) x op(b), op the transpose of the last two dimensions when its flag is set. */
    public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        return MatMul.apply(a, b, transA, transB);
    }

    /** {@link Linear}: x (...,in), w (out,in), bias (out) or null -> x w^T + bias (...,out). */
    public static Tensor linear(Tensor x, Tensor w, Tensor bias) {
        return Linear.apply(x, w, bias);
    }

    // ------------------------------------------------------------------ binary elementwise (see Broadcast)

    /** {@link Add}: a + b; b of a's shape, a row (C)/(1,C), a column (R,1) of a 2-D a, or a scalar. */
    public static Tensor add(Tensor a, Tensor b) {
        return Add.apply(a, b);
    }

    /** {@link Sub}: a - b, b broadcast as in {@link #add}. */
    public static Tensor sub(Tensor a, Tensor b) {
        return Sub.apply(a, b);
    }

    /** {@link Mul}: a * b elementwise, b broadcast as in {@link #add}. */
    public static Tensor mul(Tensor a, Tensor b) {
        return Mul.apply(a, b);
    }

    /** {@link Div}: a / b elementwise, b broadcast as in {@link #add}. */
    public static Tensor div(Tensor a, Tensor b) {
        return Div.apply(a, b);
    }

    /** {@link Scale}: s * a. */
    public static Tensor scale(Tensor a, float s) {
        return Scale.apply(a, s);
    }

    /** {@link AddScalar}: a + s. */
    public static Tensor addScalar(Tensor a, float s) {
        return AddScalar.apply(a, s);
    }

    /** -a (a {@link Scale} by -1). */
    public static Tensor neg(Tensor a) {
        return Scale.apply(a, -1f);
    }

    // ------------------------------------------------------------------ reductions

    /** {@link SumAll}: the sum of all elements, a scalar (shape []). */
    public static Tensor sum(Tensor a) {
        return SumAll.sum(a);
    }

    /** {@link SumAll}: the mean of all elements, a scalar (shape []). */
    public static Tensor mean(Tensor a) {
        return SumAll.mean(a);
    }

    /** {@link SumAxis}: sum along {@code axis} (negative counts from the end); keepDim leaves it as size 1. */
    public static Tensor sum(Tensor a, int axis, boolean keepDim) {
        return SumAxis.sum(a, axis, keepDim);
    }

    /** {@link SumAxis}: mean along {@code axis} (negative counts from the end); keepDim leaves it as size 1. */
    public static Tensor mean(Tensor a, int axis, boolean keepDim) {
        return SumAxis.mean(a, axis, keepDim);
    }

    // ------------------------------------------------------------------ unary elementwise

    /** {@link Exp}. */
    public static Tensor exp(Tensor a) {
        return Exp.apply(a);
    }

    /** {@link Log}: natural logarithm. */
    public static Tensor log(Tensor a) {
        return Log.apply(a);
    }

    /** {@link Sqrt}. */
    public static Tensor sqrt(Tensor a) {
        return Sqrt.apply(a);
    }

    /** {@link Sigmoid}: 1 / (1 + e^-a). */
    public static Tensor sigmoid(Tensor a) {
        return Sigmoid.apply(a);
    }

    /** {@link Tanh}. */
    public static Tensor tanh(Tensor a) {
        return Tanh.apply(a);
    }

    /** {@link Relu}: max(a, 0). */
    public static Tensor relu(Tensor a) {
        return Relu.apply(a);
    }

    /** {@link Square}: a^2. */
    public static Tensor square(Tensor a) {
        return Square.apply(a);
    }

    /** {@link Gelu}: exact 0.5 a (1 + erf(a / sqrt 2)), or the tanh approximation when {@code tanhForm}. */
    public static Tensor gelu(Tensor a, boolean tanhForm) {
        return Gelu.apply(a, tanhForm);
    }

    // ------------------------------------------------------------------ normalizations

    /**
     * {@link MaskedSoftmax} over the last axis. mask: null, one flag per element, or one per column
     * (shared by every row); false excludes an entry (probability exactly 0, no gradient). A fully
     * masked row gives zeros.
     */
    public static Tensor softmax(Tensor a, boolean[] mask) {
        return MaskedSoftmax.apply(a, mask);
    }

    /**
     * {@link MaskedLogSoftmax} over the last axis, mask as in {@link #softmax}; an excluded entry has
     * log-probability -Infinity and no gradient (a fully masked row is all -Infinity).
     */
    public static Tensor logSoftmax(Tensor a, boolean[] mask) {
        return MaskedLogSoftmax.apply(a, mask);
    }

    /** {@link LayerNormalization} over the last axis: x (...,C), gamma (C), beta (C); biased two-pass variance. */
    public static Tensor layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps) {
        return LayerNormalization.apply(x, gamma, beta, eps);
    }

    // ------------------------------------------------------------------ shapes and indexing

    /** {@link Concat}: along {@code axis}; the tensors agree on every other dimension. */
    public static Tensor concat(int axis, Tensor... ts) {
        return Concat.apply(axis, ts);
    }

    /** Consecutive {@link Slice}s of the given sizes along {@code axis}; the sizes add up to that dimension. */
    public static Tensor[] split(Tensor a, int axis, int... sizes) {
        return Slice.split(a, axis, sizes);
    }

    /** {@link Slice}: indices [from, to) of {@code axis}, copied. */
    public static Tensor slice(Tensor a, int axis, int from, int to) {
        return Slice.apply(a, axis, from, to);
    }

    /** {@link GatherRows}: table (V,C), rows in [0,V) -> (n,C); repeated rows accumulate their gradients. */
    public static Tensor gatherRows(Tensor table, int[] rows) {
        return GatherRows.apply(table, rows);
    }

    /** {@link SegmentMean}: x (N,C), starts ascending from 0 -> (S,C) means of the row segments; no segment may be empty. */
    public static Tensor segmentMean(Tensor x, int[] segmentStarts) {
        return SegmentMean.apply(x, segmentStarts);
    }

    /**
     * {@link Conv1d}: x (N,T,C), w (F,K,C), bias (F) or null -> (N,T-K+1,F), "valid" padding, channels last
     * (im2col + one GEMM). Outputs whose window reaches past a sequence's true length L must be masked
     * downstream, e.g. {@code maxOverTime(y, L - K + 1)}.
     */
    public static Tensor conv1d(Tensor x, Tensor w, Tensor bias) {
        return Conv1d.apply(x, w, bias);
    }

    /**
     * {@link EmbeddingConv1d}: equals {@code conv1d(x, w, bias)} with x[n,t] = table[ids[n][t]] padded with zero
     * vectors to T = max(longest, K); table (V,C), w (F,K,C) -> (N,T-K+1,F), without building x (projects the
     * distinct rows once).
     */
    public static Tensor embeddingConv1d(Tensor table, int[][] ids, Tensor w, Tensor bias) {
        return EmbeddingConv1d.apply(table, ids, w, bias);
    }

    /** {@link MaxOverTime}: x (N,T,F), lengths (N) in [1,T] or null (all T) -> (N,F); gradient to the first argmax. */
    public static Tensor maxOverTime(Tensor x, int[] lengths) {
        return MaxOverTime.apply(x, lengths);
    }

    /**
     * {@link AttentionPool}: h (N,C), scores (N) or (N,1); per segment, softmax of its scores weighs its
     * rows -> (S,C). segmentStarts null: one segment over all rows -> (1,C).
     */
    public static Tensor attentionPool(Tensor h, Tensor scores, int[] segmentStarts) {
        return AttentionPool.apply(h, scores, segmentStarts);
    }

    /** The weights a (N) {@link #attentionPool} uses (per-segment softmax of the scores), for explanations; no graph. */
    public static Tensor attentionWeights(Tensor scores, int[] segmentStarts) {
        return AttentionPool.weights(scores, segmentStarts);
    }

    // ------------------------------------------------------------------ regularization and losses

    /** {@link Dropout}: inverted, scale 1/(1-p), p in [0,1); returns x itself when !training or p == 0. */
    public static Tensor dropout(Tensor x, float p, RandomGenerator rng, boolean training) {
        return Dropout.apply(x, p, rng, training);
    }

    /** {@link MseLoss}: mean (pred - target)^2, a scalar. */
    public static Tensor mseLoss(Tensor pred, Tensor target) {
        return MseLoss.apply(pred, target);
    }

    /** {@link BceLoss}: mean -(t log p + (1-t) log(1-p)), p clamped to [1e-7, 1-1e-7] (zero gradient outside). */
    public static Tensor bceLoss(Tensor prob, Tensor target) {
        return BceLoss.apply(prob, target);
    }

    /** {@link BceWithLogits}: mean of max(z,0) - z t + log(1 + e^-|z|), the stable form of bceLoss(sigmoid(z), t). */
    public static Tensor bceWithLogits(Tensor logits, Tensor target) {
        return BceWithLogits.apply(logits, target);
    }
}
