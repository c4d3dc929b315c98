package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * One-dimensional convolution over time with "valid" padding (no padding: a window never leaves the
 * sequence), channels last, as in the text CNNs of Kim 2014 and DeepCoNN (Zheng et al. 2017, sec. 3.2).
 * Cross-correlation, like PyTorch {@code F.conv1d} (the filter is not flipped).
 *
 * <pre>
 *   x (N,T,C), w (F,K,C), bias (F) or null -> y (N,T',F),   T' = T - K + 1  (T &gt;= K)
 *   y[n,t,f] = b[f] + sum_{k&lt;K, c&lt;C} w[f,k,c] x[n,t+k,c]
 * </pre>
 *
 * <p>Implementation: im2col then one GEMM. With channels last the window (n,t) is the K*C consecutive floats
 * x[n, t..t+K-1, :], so im2col copies each window into row r = n T' + t of cols (N T', K C), and
 * y (N T', F) = cols w^T + b. Backward: dW (F, KC) += dY^T cols; db += column sums of dY;
 * dcols (N T', KC) = dY w, scattered back onto dx window by window (col2im, overlapping windows add).
 *
 * <p>Padded batches: positions past a sequence's true length hold whatever the caller put there (zeros);
 * outputs whose window touches them must be ignored downstream, e.g. by {@link MaxOverTime} with the valid
 * lengths L_n - K + 1.
 */
final class Conv1d extends Op {
    private final int n, t, c, filters, width, tOut;
    private float[] cols; // (N T', K C), saved only when w needs a gradient

    private Conv1d(Tensor x, Tensor w, Tensor bias, int[] dims, float[] cols) {
        super(x, w, bias);
        this.n = dims[0];
        this.t = dims[1];
        this.c = dims[2];
        this.filters = dims[3];
        this.width = dims[4];
        this.tOut = t - width + 1;
        this.cols = cols;
    }

    static Tensor apply(Tensor x, Tensor w, Tensor bias) {
        Checks.notNull("conv1d", "x", x);
        Checks.notNull("conv1d", "w", w);
        if (x.rank() != 3 || w.rank() != 3 || w.dim(2) != x.dim(2)) {
            throw new IllegalArgumentException("conv1d: x " + Arrays.toString(x.shape()) + " and w " + Arrays.toString(w.shape())
                    + " do not match (need x (N,T,C), w (F,K,C))");
        }
        int n = x.dim(0), t = x.dim(1), c = x.dim(2), f = w.dim(0), k = w.dim(1);
        if (t < k) {
            throw new IllegalArgumentException("conv1d: sequences of length " + t + " are shorter than the filter width " + k
                    + " (valid padding needs T >= K; pad the batch to at least K)");
        }
        if (bias != null && bias.size() != f) {
            throw new IllegalArgumentException("conv1d: bias " + Arrays.toString(bias.shape()) + " does not have " + f + " elements");
        }
        int tOut = t - k + 1, rows = n * tOut, kc = k * c;
        float[] cols = im2col(x.data(), x.offset(), n, t, c, k);
        Tensor y = Tensor.zeros(n, tOut, f);
        float[] yd = y.data();
        float beta = 0f;
        if (bias != null) {
            for (int r = 0; r < rows; r++) System.arraycopy(bias.data(), bias.offset(), yd, r * f, f);
            beta = 1f;
        }
        Gemm.sgemm(false, true, rows, f, kc, 1f, cols, 0, kc, w.data(), w.offset(), kc, beta, yd, 0, f);
        if (!Op.recording(x, w, bias)) return y;
        return y.recordedBy(new Conv1d(x, w, bias, new int[] {n, t, c, f, k}, w.requiresGrad() ? cols : null));
    }

    /** cols[(n T' + t), :] = x[n, t..t+K-1, :] (K C contiguous floats). */
    static float[] im2col(float[] x, int off, int n, int t, int c, int k) {
        int tOut = t - k + 1, kc = k * c;
        float[] cols = new float[n * tOut * kc];
        for (int s = 0; s < n; s++) {
            for (int p = 0; p < tOut; p++) {
                System.arraycopy(x, off + (s * t + p) * c, cols, (s * tOut + p) * kc, kc);
            }
        }
        return cols;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor x = inputs[0], w = inputs[1], bias = inputs[2];
        float[] dy = out.grad();
        int rows = n * tOut, kc = width * c;
        if (w.requiresGrad()) { // dW (F,KC) += dY^T (F,R) cols (R,KC)
            Gemm.sgemm(true, false, filters, kc, rows, 1f, dy, 0, filters, cols, 0, kc, 1f, w.grad(), 0, kc);
        }
        if (bias != null && bias.requiresGrad()) Reductions.sumRowsInto(dy, 0, rows, filters, bias.grad(), 0);
        if (x.requiresGrad()) {
            float[] dcols = new float[rows * kc]; // dcols (R,KC) = dY (R,F) w (F,KC)
            Gemm.sgemm(false, false, rows, kc, filters, 1f, dy, 0, filters, w.data(), w.offset(), kc, 0f, dcols, 0, kc);
            float[] dx = x.grad();
            for (int s = 0; s < n; s++) {
                for (int p = 0; p < tOut; p++) {
                    int from = (s * tOut + p) * kc, to = (s * t + p) * c;
                    for (int j = 0; j < kc; j++) dx[to + j] += dcols[from + j];
                }
            }
        }
    }

    @Override
    protected void release() {
        super.release();
        cols = null;
    }
}
