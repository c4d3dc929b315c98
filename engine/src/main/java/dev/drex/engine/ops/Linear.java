package dev.drex.engine.ops;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.kernels.Reductions;
import dev.drex.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Affine map y = x W^T + b (PyTorch {@code F.linear}), as one GEMM with the bias fused: the output rows
 * start as copies of b and the product is accumulated onto them (beta = 1).
 *
 * <pre>
 *   x (...,IN), w (OUT,IN), bias (OUT) or null -> y (...,OUT)
 *   dx (R,IN) += dy (R,OUT) w;   dW (OUT,IN) += dy^T x;   db (OUT) += sum_r dy[r]     (R = rows of x)
 * </pre>
 */
final class Linear extends Op {
    private final int rows, in, outDim;

    private Linear(Tensor x, Tensor w, Tensor bias, int rows, int in, int outDim) {
        super(x, w, bias);
        this.rows = rows;
        this.in = in;
        this.outDim = outDim;
    }

    static Tensor apply(Tensor x, Tensor w, Tensor bias) {
        Checks.notNull("linear", "x", x);
        Checks.notNull("linear", "w", w);
        if (x.rank() < 1 || w.rank() != 2 || w.dim(1) != x.dim(-1)) {
            throw new IllegalArgumentException("linear: x " + Arrays.toString(x.shape()) + " and w "
                    + Arrays.toString(w.shape()) + " do not match (need x (...,in), w (out,in))");
        }
        int in = w.dim(1), outDim = w.dim(0), rows = x.rowCount();
        if (bias != null && bias.size() != outDim) {
            throw new IllegalArgumentException("linear: bias " + Arrays.toString(bias.shape()) + " does not have " + outDim + " elements");
        }
        int[] shape = x.shape();
        shape[shape.length - 1] = outDim;
        Tensor y = Tensor.zeros(shape);
        float[] yd = y.data();
        float beta = 0f;
        if (bias != null) {
            for (int r = 0; r < rows; r++) System.arraycopy(bias.data(), bias.offset(), yd, r * outDim, outDim);
            beta = 1f;
        }
        Gemm.sgemm(false, true, rows, outDim, in, 1f, x.data(), x.offset(), in, w.data(), w.offset(), in, beta, yd, 0, outDim);
        return Op.recording(x, w, bias) ? y.recordedBy(new Linear(x, w, bias, rows, in, outDim)) : y;
    }

    @Override
    protected void backward(Tensor out) {
        Tensor x = inputs[0], w = inputs[1], bias = inputs[2];
        float[] dy = out.grad();
        if (x.requiresGrad()) {
            Gemm.sgemm(false, false, rows, in, outDim, 1f, dy, 0, outDim, w.data(), w.offset(), in, 1f, x.grad(), 0, in);
        }
        if (w.requiresGrad()) {
            Gemm.sgemm(true, false, outDim, in, rows, 1f, dy, 0, outDim, x.data(), x.offset(), in, 1f, w.grad(), 0, in);
        }
        if (bias != null && bias.requiresGrad()) Reductions.sumRowsInto(dy, 0, rows, outDim, bias.grad(), 0);
    }
}
