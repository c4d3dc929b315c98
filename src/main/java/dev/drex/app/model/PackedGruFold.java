package dev.drex.app.model;

import dev.drex.engine.nn.GruCell;
import dev.drex.engine.ops.F;
import dev.drex.engine.tensor.Tensor;

/**
 * A batched GRU fold over histories of different lengths that steps only the rows still active (PyTorch's
 * packed sequences): rows are sorted by length, longest first, so at step t the active rows are the first
 * n_t and the others are carried unchanged without being computed. Same numbers as
 * {@link GruCell#fold(Tensor, java.util.List, int[])} with a length mask, at a fraction of the work when
 * lengths vary (user histories of Musical Instruments: mean ~5 of a window of 20).
 *
 * <pre>
 *   h0 (B, H); x (D, in) the distinct interactions' features;
 *   order (B): sorted position -> batch row; counts (T): n_t active rows at step t (non-increasing);
 *   gather (sum n_t): step-major, rows of x for the active sorted rows  -> h (B, H) in batch order
 *   per step, on the active rows (the cell of the spec, with the fused weights of GruCell):
 *     [xz xg xc] = x [W_z; W_g; W_c]^T + [b_z b_g b_c]     (all steps in one GEMM)
 *     z = sigm(xz + h R_z^T),  g = sigm(xg + h R_g^T),  c = tanh(xc + (g * h) R_c^T),  h' = h + z * (c - h)
 * </pre>
 */
final class PackedGruFold {
    private PackedGruFold() {}

    /** The packed layout of one fold, built by {@link BatchPlan}. */
    record Layout(int[] order, int[] inverse, int[] counts, int[] gather) {
        int steps() {
            return counts.length;
        }
    }

    /** Sorts rows by {@code lengths} (longest first, stable) and lists, step by step, their history rows. */
    static Layout layout(int[][] histories, java.util.function.IntUnaryOperator slotOf) {
        int b = histories.length;
        Integer[] idx = new Integer[b];
        for (int j = 0; j < b; j++) idx[j] = j;
        java.util.Arrays.sort(idx, (p, q) -> Integer.compare(histories[q].length, histories[p].length));
        int[] order = new int[b], inverse = new int[b];
        for (int s = 0; s < b; s++) {
            order[s] = idx[s];
            inverse[idx[s]] = s;
        }
        int steps = b == 0 ? 0 : histories[order[0]].length;
        int[] counts = new int[steps];
        int total = 0;
        for (int t = 0; t < steps; t++) {
            int n = 0;
            while (n < b && histories[order[n]].length > t) n++;
            counts[t] = n;
            total += n;
        }
        int[] gather = new int[total];
        for (int t = 0, at = 0; t < steps; t++) {
            for (int s = 0; s < counts[t]; s++) gather[at++] = slotOf.applyAsInt(histories[order[s]][t]);
        }
        return new Layout(order, inverse, counts, gather);
    }

    /** The fold; see the class comment. */
    static Tensor fold(GruCell gru, Tensor h0, Tensor x, Layout layout) {
        if (layout.steps() == 0) return h0;
        return foldGathered(gru, F.gatherRows(h0, layout.order()), F.gatherRows(x, layout.gather()), layout);
    }

    /**
     * The fold from its two gathers already made: {@code sorted} = h0's rows in sorted order (B, H) and
     * {@code gathered} = x's rows step by step (sum n_t, in). {@link #fold} is this after the gathers.
     */
    static Tensor foldGathered(GruCell gru, Tensor sorted, Tensor gathered, Layout layout) {
        int b = sorted.dim(0), hs = gru.hiddenSize();
        Tensor inputWeights = F.concat(0, gru.parameterAt("W_z"), gru.parameterAt("W_g"), gru.parameterAt("W_c"));
        Tensor inputBias = F.concat(0, gru.parameterAt("b_z"), gru.parameterAt("b_g"), gru.parameterAt("b_c"));
        Tensor rzg = F.concat(0, gru.parameterAt("R_z"), gru.parameterAt("R_g"));
        Tensor rc = gru.parameterAt("R_c");
        Tensor proj = F.linear(gathered, inputWeights, inputBias);                           // (sum n_t, 3H)
        Tensor h = sorted;                                                                   // sorted (B, H)
        int at = 0;
        for (int t = 0; t < layout.steps(); t++) {
            int n = layout.counts()[t];
            Tensor active = n == b ? h : h.rows(0, n);
            Tensor[] xp = F.split(proj.rows(at, at + n), 1, hs, hs, hs);
            Tensor[] hp = F.split(F.matmul(active, rzg, false, true), 1, hs, hs);
            Tensor z = F.sigmoid(F.add(xp[0], hp[0]));
            Tensor g = F.sigmoid(F.add(xp[1], hp[1]));
            Tensor c = F.tanh(F.add(xp[2], F.matmul(F.mul(g, active), rc, false, true)));
            Tensor next = F.add(active, F.mul(z, F.sub(c, active)));
            h = n == b ? next : F.concat(0, next, h.rows(n, b));
            at += n;
        }
        return F.gatherRows(h, layout.inverse());
    }
}
