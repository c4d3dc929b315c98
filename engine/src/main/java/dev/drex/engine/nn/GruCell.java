package dev.drex.engine.nn;

import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The GRU of the DReX spec ("Global representations: GRU folds"), batched over rows:
 *
 * <pre>
 *   z  = sigm(W_z x + R_z h + b_z)              update gate
 *   g  = sigm(W_g x + R_g h + b_g)              reset gate
 *   c  = tanh(W_c x + R_c (g * h) + b_c)        candidate (the reset gate applies BEFORE R_c)
 *   h' = (1 - z) * h + z * c                    computed as h + z * (c - h)
 *
 *   x (B, in), h (B, H) -> h' (B, H);  W_* (H, in), R_* (H, H), b_* (H)
 * </pre>
 *
 * Parameters are stored one per matrix under the spec's names ({@code W_z W_g W_c R_z R_g R_c b_z b_g b_c})
 * and initialised as the spec says: every matrix Xavier-uniform on its own (H, in) or (H, H) shape, biases 0.
 *
 * <p>Fusion: a step concatenates {@code [W_z; W_g; W_c]} (3H, in) and {@code [R_z; R_g]} (2H, H), so the
 * three input projections are ONE GEMM and the two recurrent gate projections another; {@code R_c} needs
 * {@code g * h} and stays separate. {@link #fold} does the concatenation once per sequence and projects
 * the inputs of ALL steps with one GEMM (T*B, in) x (in, 3H) before the recurrence. The recurrence itself
 * is one graph node per step ({@link GruStepOp}: two GEMMs and the gate arithmetic forward, a hand-written
 * backward), tested equal to the composed generic ops. Gradients flow back through the concatenations
 * into the named matrices, so BPTT over any length is ordinary autodiff.
 */
public final class GruCell extends Module {
    private final int inputSize;
    private final int hiddenSize;
    private final Tensor wz, wg, wc, rz, rg, rc, bz, bg, bc;
    private boolean fusedKernel = true;

    public GruCell(int inputSize, int hiddenSize, RandomGenerator rng) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("GruCell(" + inputSize + ", " + hiddenSize + "): sizes must be >= 1");
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        int h = hiddenSize;
        wz = parameter("W_z", Init.xavierUniform(rng, h, inputSize));
        wg = parameter("W_g", Init.xavierUniform(rng, h, inputSize));
        wc = parameter("W_c", Init.xavierUniform(rng, h, inputSize));
        rz = parameter("R_z", Init.xavierUniform(rng, h, h));
        rg = parameter("R_g", Init.xavierUniform(rng, h, h));
        rc = parameter("R_c", Init.xavierUniform(rng, h, h));
        bz = parameter("b_z", Tensor.zeros(h));
        bg = parameter("b_g", Tensor.zeros(h));
        bc = parameter("b_c", Tensor.zeros(h));
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /**
     * Chooses how the recurrent part of a step runs: as one {@link GruStepOp} with a hand-written backward
     * (default), or as a chain of generic ops (for tests and benchmarks; same math).
     */
    public GruCell fusedKernel(boolean on) {
        this.fusedKernel = on;
        return this;
    }

    /** One step: {@code x (B, in), h (B, H) -> h' (B, H)}. */
    public Tensor step(Tensor x, Tensor h) {
        checkInput("x", x, h.rank() == 2 ? h.dim(0) : -1);
        checkHidden(h);
        Fused w = fuse();
        return recur(F.linear(x, w.inputWeights, w.inputBias), h, w.recurrentGates, null);
    }

    /**
     * Folds the cell over a sequence, oldest first: {@code h_{t+1} = step(xs[t], h_t)}, returning
     * {@code h_T} ({@code h0} itself when {@code xs} is empty).
     *
     * <pre>  h0 (B, H), xs T x (B, in) -> h_T (B, H)</pre>
     */
    public Tensor fold(Tensor h0, List<Tensor> xs) {
        return fold(h0, xs, null);
    }

    /**
     * Folds over sequences of different lengths packed oldest first: row {@code b} takes part in the
     * first {@code lengths[b]} steps only, afterwards its state is carried unchanged
     * ({@code h_{t+1} = h_t + m_t * (step(x_t, h_t) - h_t)} with the mask {@code m_t[b] = t < lengths[b]}).
     * Rows of {@code xs[t]} past a row's length are ignored but must be finite (zeros are fine).
     * {@code lengths == null} means every row uses all steps.
     *
     * <pre>  h0 (B, H), xs T x (B, in), lengths int[B] in [0, T] -> h (B, H)</pre>
     */
    public Tensor fold(Tensor h0, List<Tensor> xs, int[] lengths) {
        checkHidden(h0);
        int batch = h0.dim(0), steps = xs.size();
        if (lengths != null) {
            if (lengths.length != batch) {
                throw new IllegalArgumentException("GruCell.fold: " + lengths.length + " lengths for a batch of " + batch);
            }
            for (int b = 0; b < batch; b++) {
                if (lengths[b] < 0 || lengths[b] > steps) {
                    throw new IllegalArgumentException("GruCell.fold: lengths[" + b + "] = " + lengths[b] + " outside [0, " + steps + "]");
                }
            }
        }
        for (int t = 0; t < steps; t++) checkInput("xs[" + t + "]", xs.get(t), batch);
        if (steps == 0) return h0;

        Fused w = fuse();
        // all input projections at once: (T*B, in) -> (T*B, 3H), then a row view per step
        Tensor allX = steps == 1 ? xs.get(0) : F.concat(0, xs.toArray(new Tensor[0]));
        Tensor allProj = F.linear(allX, w.inputWeights, w.inputBias);
        Tensor h = h0;
        for (int t = 0; t < steps; t++) {
            h = recur(allProj.rows(t * batch, (t + 1) * batch), h, w.recurrentGates, mask(lengths, t));
        }
        return h;
    }

    // ---------------------------------------------------------------- the recurrence

    /** The concatenated weights of one step or one fold. */
    private record Fused(Tensor inputWeights, Tensor inputBias, Tensor recurrentGates) {}

    private Fused fuse() {
        return new Fused(F.concat(0, wz, wg, wc), F.concat(0, bz, bg, bc), F.concat(0, rz, rg));
    }

    /**
     * The step given the input projection {@code xp = [W_z x + b_z, W_g x + b_g, W_c x + b_c]} (B, 3H) and
     * the fused {@code [R_z; R_g]} (2H, H). {@code mask} (B) of 0/1, or null, scales the update per row.
     */
    private Tensor recur(Tensor xp, Tensor h, Tensor rzg, float[] mask) {
        return fusedKernel ? GruStepOp.apply(xp, h, rzg, rc, mask) : recurComposed(xp, h, rzg, mask);
    }

    /** {@link #recur} as a chain of generic ops. */
    private Tensor recurComposed(Tensor xp, Tensor h, Tensor rzg, float[] mask) {
        int hs = hiddenSize;
        Tensor[] xParts = F.split(xp, 1, hs, hs, hs);           // 3 x (B, H)
        Tensor[] hParts = F.split(F.matmul(h, rzg, false, true), 1, hs, hs); // h [R_z; R_g]^T -> 2 x (B, H)
        Tensor z = F.sigmoid(F.add(xParts[0], hParts[0]));
        Tensor g = F.sigmoid(F.add(xParts[1], hParts[1]));
        Tensor c = F.tanh(F.add(xParts[2], F.matmul(F.mul(g, h), rc, false, true)));
        if (mask != null) z = F.mul(z, Tensor.of(mask.clone(), mask.length, 1)); // column broadcast: frozen rows get z = 0
        return F.add(h, F.mul(z, F.sub(c, h)));                 // (1 - z) h + z c
    }

    /** The 0/1 mask (B) of rows still active at step t, or null when all are. */
    private static float[] mask(int[] lengths, int t) {
        if (lengths == null) return null;
        boolean all = true;
        for (int len : lengths) all &= t < len;
        if (all) return null;
        float[] m = new float[lengths.length];
        for (int b = 0; b < lengths.length; b++) if (t < lengths[b]) m[b] = 1f;
        return m;
    }

    /**
     * The step written literally as the spec's four equations, six separate products and no fusion: the
     * reference the fused path is tested against.
     */
    Tensor referenceStep(Tensor x, Tensor h) {
        Tensor z = F.sigmoid(F.add(F.add(F.linear(x, wz, null), F.linear(h, rz, null)), bz));
        Tensor g = F.sigmoid(F.add(F.add(F.linear(x, wg, null), F.linear(h, rg, null)), bg));
        Tensor c = F.tanh(F.add(F.add(F.linear(x, wc, null), F.linear(F.mul(g, h), rc, null)), bc));
        Tensor oneMinusZ = F.addScalar(F.neg(z), 1f);
        return F.add(F.mul(oneMinusZ, h), F.mul(z, c));
    }

    private void checkInput(String what, Tensor x, int batch) {
        if (x.rank() != 2 || x.dim(1) != inputSize || (batch >= 0 && x.dim(0) != batch)) {
            throw new IllegalArgumentException("GruCell(" + inputSize + ", " + hiddenSize + "): " + what + " has shape "
                    + Arrays.toString(x.shape()) + ", expected (" + (batch >= 0 ? batch : "B") + ", " + inputSize + ")");
        }
    }

    private void checkHidden(Tensor h) {
        if (h.rank() != 2 || h.dim(1) != hiddenSize) {
            throw new IllegalArgumentException("GruCell(" + inputSize + ", " + hiddenSize + "): h has shape "
                    + Arrays.toString(h.shape()) + ", expected (B, " + hiddenSize + ")");
        }
    }
}
