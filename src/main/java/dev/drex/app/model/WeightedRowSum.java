package dev.drex.app.model;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * A sparse row vector times a dense matrix, for a batch of sparse rows: the first layer of the DReX-MLP
 * towers (spec: "the first layer is a sum of the rated columns").
 *
 * <pre>
 *   table (V,C); entries e in [0, nnz): column index cols[e] in [0,V), weight w[e];
 *   segment b = entries [starts[b], starts[b+1])  (the last ends at nnz; a segment may be EMPTY)
 *   y[b] = sum_{e in b} w[e] * table[cols[e]]              -> y (B,C)
 *   dtable[cols[e]] += w[e] * dy[b]                        (scatter-add)
 * </pre>
 *
 * With {@code table = W^T} of a Linear layer (in = V) this is {@code W x} for the sparse {@code x} whose
 * non-zeros are {@code x[cols[e]] = w[e]}, at O(nnz * C) instead of O(V * C).
 */
final class WeightedRowSum extends Op {
    private int[] cols;
    private float[] weights;
    private int[] starts;

    private WeightedRowSum(Tensor table, int[] cols, float[] weights, int[] starts) {
        super(table);
        this.cols = cols;
        this.weights = weights;
        this.starts = starts;
    }

    /** See the class comment. {@code starts} ascending from 0, each <= nnz. */
    static Tensor apply(Tensor table, int[] cols, float[] weights, int[] starts) {
        if (table.rank() != 2) throw new IllegalArgumentException("weightedRowSum: table must be 2-D, got " + Arrays.toString(table.shape()));
        if (cols.length != weights.length) {
            throw new IllegalArgumentException("weightedRowSum: " + cols.length + " columns but " + weights.length + " weights");
        }
        int v = table.dim(0), c = table.dim(1), nnz = cols.length;
        for (int b = 0; b < starts.length; b++) {
            int prev = b == 0 ? 0 : starts[b - 1];
            if (starts[b] < prev || starts[b] > nnz || (b == 0 && starts[0] != 0)) {
                throw new IllegalArgumentException("weightedRowSum: segment starts must ascend from 0 to <= " + nnz + ": " + Arrays.toString(starts));
            }
        }
        for (int e = 0; e < nnz; e++) {
            if (cols[e] < 0 || cols[e] >= v) {
                throw new IndexOutOfBoundsException("weightedRowSum: cols[" + e + "] = " + cols[e] + " outside table "
                        + (table.name() == null ? "" : table.name() + " ") + Arrays.toString(table.shape()));
            }
        }
        Tensor y = Tensor.zeros(starts.length, c);
        float[] td = table.data(), yd = y.data();
        int to = table.offset();
        for (int b = 0; b < starts.length; b++) {
            int end = b + 1 < starts.length ? starts[b + 1] : nnz;
            for (int e = starts[b]; e < end; e++) {
                float w = weights[e];
                int src = to + cols[e] * c, dst = b * c;
                for (int j = 0; j < c; j++) yd[dst + j] += w * td[src + j];
            }
        }
        return Op.recording(table) ? y.recordedBy(new WeightedRowSum(table, cols.clone(), weights.clone(), starts.clone())) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad(), dt = inputs[0].grad();
        int c = out.dim(1), nnz = cols.length;
        for (int b = 0; b < starts.length; b++) {
            int end = b + 1 < starts.length ? starts[b + 1] : nnz;
            for (int e = starts[b]; e < end; e++) {
                float w = weights[e];
                int dst = cols[e] * c, src = b * c;
                for (int j = 0; j < c; j++) dt[dst + j] += w * dy[src + j];
            }
        }
    }

    @Override
    protected void release() {
        super.release();
        cols = null;
        weights = null;
        starts = null;
    }
}
