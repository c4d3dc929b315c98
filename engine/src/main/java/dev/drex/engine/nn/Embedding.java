package dev.drex.engine.nn;

import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * A lookup table of learnable vectors (PyTorch {@code nn.Embedding}): row {@code id} of {@code weight}.
 *
 * <pre>  weight (vocab, dim); ids int[n] -> (n, dim)</pre>
 *
 * Rows are drawn from {@code N(0, std^2)}; DReX's user and item initial vectors use std 0.1 (spec,
 * "Initialization"), PyTorch's default is std 1. Parameter: {@code weight}.
 */
public final class Embedding extends Module {
    private final int vocab;
    private final int dim;
    private final Tensor weight;

    public Embedding(int vocab, int dim, float std, RandomGenerator rng) {
        if (vocab < 1 || dim < 1) throw new IllegalArgumentException("Embedding(" + vocab + ", " + dim + "): sizes must be >= 1");
        this.vocab = vocab;
        this.dim = dim;
        this.weight = parameter("weight", Init.normal(rng, 0f, std, vocab, dim));
    }

    /** Rows from {@code N(0, 1)}, as PyTorch. */
    public Embedding(int vocab, int dim, RandomGenerator rng) {
        this(vocab, dim, 1f, rng);
    }

    /** {@code ids int[n] -> (n, dim)}; gradients accumulate into the gathered rows. */
    public Tensor forward(int[] ids) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocab) {
                throw new IndexOutOfBoundsException("Embedding(" + vocab + ", " + dim + "): id " + ids[i] + " at position " + i
                        + " is out of range");
            }
        }
        return F.gatherRows(weight, ids);
    }

    public Tensor weight() {
        return weight;
    }

    public int vocabSize() {
        return vocab;
    }

    public int dim() {
        return dim;
    }
}
