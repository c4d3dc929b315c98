package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * {@link Conv1d} of token sequences read through an embedding table, without building the embedded sequences:
 * equal to {@code conv1d(x, w, bias)} with x[n,t] = table[ids[n][t]] (zeros past a sequence's end), "valid" windows.
 *
 * <pre>
 *   table (V,C), ids N sequences of token ids (padded to T = max(longest, K) with zero vectors),
 *   w (F,K,C), bias (F) or null -> y (N,T-K+1,F)
 *   P (U, F K) = E_U w^T            E_U the U distinct rows the batch uses, w seen as (F K, C)
 *   y[n,t,f] = b[f] + sum_{k&lt;K} P[ids[n][t+k], f K + k]          (a padded position adds nothing)
 * </pre>
 * By linearity this is the convolution of the embedded sequences (w_f,k . table[id] = P[id, f K + k]), at the cost of
 * U C F K multiply-adds for P plus N T' F K additions, instead of N T' K C F: a large saving when the batch repeats
 * words (U much smaller than N T). Backward: dP[id(n,t+k), f K + k] += dy[n,t,f]; dW (F K, C) += dP^T E_U;
 * db += sum dy; d table[U] += dP w (only when the table requires a gradient).
 */
final class EmbeddingConv1d extends Op {
    private final int[][] ids;
    private final int t, c, filters, width;
    private int[] rows;     // (U) table row of each distinct token, ascending
    private int[][] local;  // ids mapped to [0,U)
    private float[] rowsE;  // E_U (U,C)

    private EmbeddingConv1d(Tensor table, Tensor w, Tensor bias, int[][] ids, int t, int[] rows, int[][] local, float[] rowsE) {
        super(table, w, bias);
        this.ids = ids;
        this.t = t;
        this.c = table.dim(1);
        this.filters = w.dim(0);
        this.width = w.dim(1);
        this.rows = rows;
        this.local = local;
        this.rowsE = rowsE;
    }

    static Tensor apply(Tensor table, int[][] ids, Tensor w, Tensor bias) {
        Checks.notNull("embeddingConv1d", "table", table);
        Checks.notNull("embeddingConv1d", "ids", ids);
        Checks.notNull("embeddingConv1d", "w", w);
        if (table.rank() != 2 || w.rank() != 3 || w.dim(2) != table.dim(1)) {
            throw new IllegalArgumentException("embeddingConv1d: table " + Arrays.toString(table.shape()) + " and w " + Arrays.toString(w.shape())
                    + " do not match (need table (V,C), w (F,K,C))");
        }
        int v = table.dim(0), c = table.dim(1), f = w.dim(0), k = w.dim(1), fk = f * k;
        if (bias != null && bias.size() != f) {
            throw new IllegalArgumentException("embeddingConv1d: bias " + Arrays.toString(bias.shape()) + " does not have " + f + " elements");
        }
        if (ids.length == 0) throw new IllegalArgumentException("embeddingConv1d: no sequence");
        // distinct tokens, in ascending order (deterministic), and the sequences in local indices
        int t = k;
        boolean[] used = new boolean[v];
        for (int n = 0; n < ids.length; n++) {
            Checks.notNull("embeddingConv1d", "ids[" + n + "]", ids[n]);
            t = Math.max(t, ids[n].length);
            for (int id : ids[n]) {
                if (id < 0 || id >= v) throw new IllegalArgumentException("embeddingConv1d: sequence " + n + " has token " + id + " outside the table of " + v + " rows");
                used[id] = true;
            }
        }
        int[] localOf = new int[v];
        int u = 0;
        for (int id = 0; id < v; id++) if (used[id]) localOf[id] = u++;
        int[] rows = new int[u];
        for (int id = 0; id < v; id++) if (used[id]) rows[localOf[id]] = id;
        int[][] local = new int[ids.length][];
        for (int n = 0; n < ids.length; n++) {
            local[n] = new int[ids[n].length];
            for (int p = 0; p < ids[n].length; p++) local[n][p] = localOf[ids[n][p]];
        }
        float[] rowsE = new float[u * c];
        for (int j = 0; j < u; j++) System.arraycopy(table.data(), table.offset() + rows[j] * c, rowsE, j * c, c);
        float[] proj = new float[u * fk]; // P (U, F K) = E_U (U,C) w^T (C, F K)
        if (u > 0) Gemm.sgemm(false, true, u, fk, c, 1f, rowsE, 0, c, w.data(), w.offset(), c, 0f, proj, 0, fk);

        int tOut = t - k + 1;
        Tensor y = Tensor.zeros(ids.length, tOut, f);
        float[] yd = y.data();
        for (int n = 0; n < ids.length; n++) {
            int[] s = local[n];
            for (int p = 0; p < tOut; p++) {
                int out = (n * tOut + p) * f;
                if (bias != null) System.arraycopy(bias.data(), bias.offset(), yd, out, f);
                for (int q = 0; q < k && p + q < s.length; q++) {
                    int row = s[p + q] * fk + q;
                    for (int g = 0; g < f; g++) yd[out + g] += proj[row + g * k];
                }
            }
        }
        if (!Op.recording(table, w, bias)) return y;
        return y.recordedBy(new EmbeddingConv1d(table, w, bias, ids, t, rows, local, rowsE));
    }

    @Override
    protected void backward(Tensor out) {
        Tensor table = inputs[0], w = inputs[1], bias = inputs[2];
        float[] dy = out.grad();
        int u = rows.length, fk = filters * width, tOut = t - width + 1;
        float[] dProj = new float[u * fk];
        for (int n = 0; n < local.length; n++) {
            int[] s = local[n];
            for (int p = 0; p < tOut; p++) {
                int at = (n * tOut + p) * filters;
                for (int q = 0; q < width && p + q < s.length; q++) {
                    int row = s[p + q] * fk + q;
                    for (int g = 0; g < filters; g++) dProj[row + g * width] += dy[at + g];
                }
            }
        }
        if (bias != null && bias.requiresGrad()) Reductions.sumRowsInto(dy, 0, local.length * tOut, filters, bias.grad(), 0);
        if (u == 0) return;
        if (w.requiresGrad()) { // dW (F K, C) += dP^T (F K, U) E_U (U, C)
            Gemm.sgemm(true, false, fk, c, u, 1f, dProj, 0, fk, rowsE, 0, c, 1f, w.grad(), 0, c);
        }
        if (table.requiresGrad()) { // d E_U (U, C) = dP (U, F K) w (F K, C), scattered to the table rows
            float[] dRows = new float[u * c];
            Gemm.sgemm(false, false, u, c, fk, 1f, dProj, 0, fk, w.data(), w.offset(), c, 0f, dRows, 0, c);
            float[] dt = table.grad();
            for (int j = 0; j < u; j++) for (int ch = 0; ch < c; ch++) dt[rows[j] * c + ch] += dRows[j * c + ch];
        }
    }

    @Override
    protected void release() {
        super.release();
        rows = null;
        local = null;
        rowsE = null;
    }
}
