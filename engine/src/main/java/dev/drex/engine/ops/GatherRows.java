package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Row lookup (an embedding lookup; PyTorch {@code F.embedding} / {@code index_select(0, rows)}).
 *
 * <pre>
 *   table (V,C), rows (n) of indices in [0,V) -> y (n,C),  y[i] = table[rows[i]]
 *   dtable[rows[i]] += dy[i]   (scatter-add: a row gathered twice receives both gradients)
 * </pre>
 */
final class GatherRows extends Op {
    private int[] rows;

    private GatherRows(Tensor table, int[] rows) {
        super(table);
        this.rows = rows;
    }

    static Tensor apply(Tensor table, int[] rows) {
        Checks.notNull("gatherRows", "table", table);
        Checks.notNull("gatherRows", "rows", rows);
        if (table.rank() != 2) throw new IllegalArgumentException("gatherRows: table must be 2-D (V,C), got " + Arrays.toString(table.shape()));
        int v = table.dim(0), c = table.dim(1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= v) {
                throw new IndexOutOfBoundsException("gatherRows: rows[" + i + "] = " + rows[i] + " is outside the table "
                        + (table.name() == null ? "" : table.name() + " ") + Arrays.toString(table.shape()) + " (valid 0.." + (v - 1) + ")");
            }
        }
        Tensor y = Tensor.zeros(rows.length, c);
        float[] td = table.data(), yd = y.data();
        for (int i = 0; i < rows.length; i++) System.arraycopy(td, table.offset() + rows[i] * c, yd, i * c, c);
        return Op.recording(table) ? y.recordedBy(new GatherRows(table, rows.clone())) : y;
    }

    @Override
    protected void backward(Tensor out) {
        float[] dy = out.grad(), dt = inputs[0].grad();
        int c = out.dim(1);
        for (int i = 0; i < rows.length; i++) Elementwise.axpy(1f, dy, i * c, dt, rows[i] * c, c);
    }

    @Override
    protected void release() {
        super.release();
        rows = null;
    }
}
