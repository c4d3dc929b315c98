package dev.drex.app.model;

import dev.drex.engine.nn.Linear;
import dev.drex.engine.nn.Module;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * A DReX-MLP tower (spec: "U_u = MLP_u(R_u / 5)"): one hidden layer of size d with ReLU, over a sparse
 * rating row of width {@code columns} (|I| for the user tower, |U| for the item tower).
 *
 * <pre>
 *   r (B, columns) sparse, values rating / 5
 *   hidden = relu(W_1 r + b_1)      computed as the sum of the rated columns of W_1 ({@link WeightedRowSum})
 *   out    = W_2 hidden + b_2       (B, d)
 * </pre>
 * W_1 is stored transposed, {@code W_1t (columns, d)}, so that a column of W_1 is a contiguous row;
 * Xavier-uniform is symmetric in (in, out), so the initial distribution is the one of W_1.
 */
public final class RatingRowTower extends Module {
    private final Tensor w1t, b1;
    private final Linear out;

    public RatingRowTower(int columns, int d, RandomGenerator rng) {
        w1t = parameter("W_1t", Init.xavierUniform(rng, columns, d));
        b1 = parameter("b_1", Tensor.zeros(d));
        out = module("out", new Linear(d, d, true, rng));
    }

    /** The tower's output for a batch of sparse rows; {@code dropout} (may be 0) on the hidden layer. */
    public Tensor forward(BatchPlan.SparseRows rows, float dropout, RandomGenerator dropoutRng, boolean training) {
        Tensor hidden = F.relu(F.add(WeightedRowSum.apply(w1t, rows.cols(), rows.vals(), rows.starts()), b1));
        if (dropout > 0) hidden = F.dropout(hidden, dropout, dropoutRng, training);
        return out.forward(hidden);
    }
}
