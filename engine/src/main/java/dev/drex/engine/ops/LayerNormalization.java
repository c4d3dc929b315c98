package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.LayerNorm;
import dev.drex.engine.kernels.Parallel;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Layer normalization over the last axis (Ba, Kiros and Hinton 2016; PyTorch {@code nn.LayerNorm}):
 * two-pass mean and biased variance, then an affine map.
 *
 * <pre>
 *   x (...,C), gamma (C), beta (C) -> y (...,C)
 *   y = (x - mean) / sqrt(var + eps) * gamma + beta,   var = mean((x - mean)^2)
 *   with xhat = (x - mean) rstd, g = dy gamma:
 *   dx += rstd (g - mean(g) - xhat mean(g xhat));   dgamma += sum_rows dy xhat;   dbeta += sum_rows dy
 * </pre>
 * Forward saves only (mean, rstd) per row. Large inputs split rows across cores; each chunk sums its
 * dgamma and dbeta in its own buffer, added together at the end (no shared writes).
 */
final class LayerNormalization extends Op {
    private float[] stats; // (rows, 2): mean, rstd

    private LayerNormalization(Tensor x, Tensor gamma, Tensor beta, float[] stats) {
        super(x, gamma, beta);
        this.stats = stats;
    }

    static Tensor apply(Tensor x, Tensor gamma, Tensor beta, float eps) {
        Checks.notNull("layerNorm", "x", x);
        Checks.notNull("layerNorm", "gamma", gamma);
        Checks.notNull("layerNorm", "beta", beta);
        if (x.rank() == 0) throw new IllegalArgumentException("layerNorm: x is a scalar; need at least one axis");
        int cols = x.colCount(), rows = x.rowCount();
        if (gamma.size() != cols || beta.size() != cols) {
            throw new IllegalArgumentException("layerNorm: gamma " + Arrays.toString(gamma.shape()) + " and beta "
                    + Arrays.toString(beta.shape()) + " must have " + cols + " elements for x " + Arrays.toString(x.shape()));
        }
        if (!(eps >= 0f)) throw new IllegalArgumentException("layerNorm: eps must be >= 0, got " + eps);
        Tensor y = Tensor.zeros(x.shape());
        float[] stats = new float[2 * rows];
        float[] xd = x.data(), yd = y.data(), gd = gamma.data(), bd = beta.data();
        int xo = x.offset(), go = gamma.offset(), bo = beta.offset();
        Checks.forRows(rows, cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                LayerNorm.layerNorm(xd, xo + r * cols, gd, go, bd, bo, yd, r * cols, cols, eps, stats, 2 * r);
            }
        });
        return Op.recording(x, gamma, beta) ? y.recordedBy(new LayerNormalization(x, gamma, beta, stats)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor x = inputs[0], gamma = inputs[1], beta = inputs[2];
        float[] dy = out.grad();
        int cols = out.colCount(), rows = out.rowCount();
        boolean parallel = (long) rows * cols >= Checks.PARALLEL_MIN_ELEMENTS && rows >= 2 && Parallel.threads() > 1;
        int chunks = parallel ? Math.min(rows, Parallel.threads()) : 1;
        float[] dgPartial = gamma.requiresGrad() ? new float[chunks * cols] : null;
        float[] dbPartial = beta.requiresGrad() ? new float[chunks * cols] : null;
        float[] dx = x.requiresGrad() ? x.grad() : null;
        float[] xd = x.data(), gd = gamma.data(), st = stats;
        int xo = x.offset(), go = gamma.offset();
        Parallel.RangeBody chunkBody = (c0, c1) -> {
            float[] scratch = dx == null ? new float[cols] : null; // the kernel always writes a dx row
            for (int c = c0; c < c1; c++) {
                int from = (int) ((long) rows * c / chunks), to = (int) ((long) rows * (c + 1) / chunks);
                for (int r = from; r < to; r++) {
                    LayerNorm.layerNormBackwardAcc(xd, xo + r * cols, gd, go, dy, r * cols, st[2 * r], st[2 * r + 1],
                            dx == null ? scratch : dx, dx == null ? 0 : r * cols,
                            dgPartial, c * cols, dbPartial, c * cols, cols);
                }
            }
        };
        if (chunks == 1) chunkBody.run(0, 1);
        else Parallel.forRange(chunks, chunks, chunkBody);
        for (int c = 0; c < chunks; c++) {
            if (dgPartial != null) Elementwise.axpy(1f, dgPartial, c * cols, gamma.grad(), 0, cols);
            if (dbPartial != null) Elementwise.axpy(1f, dbPartial, c * cols, beta.grad(), 0, cols);
        }
    }

    @Override
    protected void release() {
        super.release();
        stats = null;
    }
}
