package dev.drex.app.model;

import dev.drex.engine.autograd.Grad;
import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Parallel;
import dev.drex.engine.nn.GruCell;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Tensor;

/**
 * The user fold and the item fold of a batch ({@link PackedGruFold}) run side by side, one per thread,
 * forward and backward: the two are independent but for their shared input x, and each is many small GEMMs
 * and pointwise ops (hidden d = 64) that one core runs faster alone than two cores run handing off work.
 *
 * <pre>
 *   in the main graph:   gu = x[gather_u], su = h0u[order_u], gi = x[gather_i], si = h0i[order_i]
 *   this op:             h_u = foldGathered(GRU_user, su, gu),  h_i = foldGathered(GRU_item, si, gi)
 *                        output Y (2B, H) = [h_u ; h_i]
 * </pre>
 * Each fold is recorded as its own graph on leaves standing for gu, su (gi, si) that share their storage; the
 * backward seeds the two roots with the halves of dY, runs the two backward sweeps in parallel (each writes
 * only its own GRU's parameter gradients and its own leaves), then adds the leaves' gradients into gu, su, gi,
 * si. Same numbers, bit for bit, as the two folds recorded in one graph: each fold's ops run their backward
 * in the same order as there, every gradient they touch starts from zero or belongs to that fold alone, and
 * the main graph sees gi's contributions to x.grad before gu's, as before.
 */
final class ParallelFolds extends Op {
    private Tensor userRoot, itemRoot;
    private Tensor[] leaves;
    private final int rowsPerHalf;

    private ParallelFolds(Tensor[] ins, Tensor[] leaves, Tensor userRoot, Tensor itemRoot, int rowsPerHalf) {
        super(ins);
        this.leaves = leaves;
        this.userRoot = userRoot;
        this.itemRoot = itemRoot;
        this.rowsPerHalf = rowsPerHalf;
    }

    /** {h_u, h_i} (B, H) each; both layouts must have at least one step. */
    static Tensor[] apply(GruCell userGru, Tensor h0u, PackedGruFold.Layout userFold, GruCell itemGru, Tensor h0i,
                          PackedGruFold.Layout itemFold, Tensor x) {
        if (userFold.steps() == 0 || itemFold.steps() == 0) throw new IllegalArgumentException("parallelFolds: a fold without steps");
        Tensor[] ins = {F.gatherRows(x, userFold.gather()), F.gatherRows(h0u, userFold.order()),
                F.gatherRows(x, itemFold.gather()), F.gatherRows(h0i, itemFold.order())};
        boolean record = Grad.enabled();
        Tensor[] leaves = new Tensor[4];
        for (int j = 0; j < 4; j++) leaves[j] = record ? ins[j].detach().requiresGrad(ins[j].requiresGrad()) : ins[j];
        Tensor[] roots = new Tensor[2];
        Parallel.forRange(2, 2, (from, to) -> {
            for (int f = from; f < to; f++) {
                try (var off = record ? null : Grad.off()) {
                    roots[f] = f == 0 ? PackedGruFold.foldGathered(userGru, leaves[1], leaves[0], userFold)
                            : PackedGruFold.foldGathered(itemGru, leaves[3], leaves[2], itemFold);
                }
            }
        });
        if (!record || !(roots[0].requiresGrad() || roots[1].requiresGrad())) return roots;
        int b = roots[0].dim(0), h = roots[0].dim(1);
        if (roots[1].dim(0) != b || roots[1].dim(1) != h) throw new IllegalArgumentException("parallelFolds: the folds' outputs differ in shape");
        Tensor y = Tensor.zeros(2 * b, h);
        System.arraycopy(roots[0].data(), roots[0].offset(), y.data(), 0, b * h);
        System.arraycopy(roots[1].data(), roots[1].offset(), y.data(), b * h, b * h);
        y.recordedBy(new ParallelFolds(ins, leaves, roots[0], roots[1], b * h));
        return new Tensor[] {y.rows(0, b), y.rows(b, 2 * b)};
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad();
        Parallel.forRange(2, 2, (from, to) -> {
            for (int f = from; f < to; f++) {
                Tensor root = f == 0 ? userRoot : itemRoot;
                if (root.requiresGrad()) root.backward(java.util.Arrays.copyOfRange(dy, f * rowsPerHalf, (f + 1) * rowsPerHalf));
            }
        });
        for (int j = 0; j < 4; j++) {
            float[] g = leaves[j].gradOrNull();
            if (g == null || !inputs[j].requiresGrad()) continue;
            float[] dst = inputs[j].grad();
            for (int i = 0; i < g.length; i++) dst[i] += g[i];
        }
    }

    @Override
    protected void release() {
        super.release();
        userRoot = itemRoot = null;
        leaves = null;
    }
}
