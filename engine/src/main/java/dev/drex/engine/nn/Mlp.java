package dev.drex.engine.nn;

import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A multi-layer perceptron: Linear layers of sizes {@code sizes[0] -> sizes[1] -> ... -> sizes[L]}, with
 * ReLU (and, when {@code dropout > 0}, inverted dropout) after every layer but the last:
 *
 * <pre>
 *   h_0 = x (..., sizes[0]);  h_l = dropout(relu(Linear_l(h_{l-1})))  for l < L;  y = Linear_L(h_{L-1})
 * </pre>
 *
 * Layers are children {@code 0, 1, ...}, so parameters are named {@code 0.weight}, {@code 0.bias}, ...
 * (and {@code mlp.0.weight} inside a parent that registers this as {@code mlp}). Dropout is active only
 * while {@link #isTraining()}; its masks are drawn from {@code rng} after the initial weights.
 */
public final class Mlp extends Module {
    private final int[] sizes;
    private final List<Linear> layers = new ArrayList<>();
    private final float dropout;
    private final RandomGenerator rng;

    /** An MLP with optional hidden-layer dropout {@code p} in [0, 1). */
    public Mlp(RandomGenerator rng, float dropout, int... sizes) {
        if (sizes.length < 2) throw new IllegalArgumentException("Mlp needs at least 2 sizes (in, out), got " + Arrays.toString(sizes));
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("Mlp dropout must be in [0, 1), got " + dropout);
        this.sizes = sizes.clone();
        this.dropout = dropout;
        this.rng = rng;
        for (int l = 0; l + 1 < sizes.length; l++) layers.add(module(Integer.toString(l), new Linear(sizes[l], sizes[l + 1], true, rng)));
    }

    /** An MLP without dropout. */
    public Mlp(RandomGenerator rng, int... sizes) {
        this(rng, 0f, sizes);
    }

    /** {@code x (..., sizes[0]) -> (..., sizes[L])}. */
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (int l = 0; l < layers.size(); l++) {
            h = layers.get(l).forward(h);
            if (l + 1 < layers.size()) {
                h = F.relu(h);
                if (dropout > 0 && isTraining()) h = F.dropout(h, dropout, rng, true);
            }
        }
        return h;
    }

    public List<Linear> layers() {
        return Collections.unmodifiableList(layers);
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public float dropout() {
        return dropout;
    }
}
