package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** matmul (every transpose and batching mode) and linear: forward against double loops, gradients by finite differences. */
class MatMulLinearGradTest {
    private static final int[][] MKN = {{1, 1, 1}, {3, 5, 7}, {4, 1, 3}, {2, 6, 1}};

    /** Stored shape of an operand: (rows, cols) or its transpose, with an optional batch dimension. */
    private static int[] stored(int batch, boolean trans, int rows, int cols) {
        int r = trans ? cols : rows, c = trans ? rows : cols;
        return batch > 0 ? new int[] {batch, r, c} : new int[] {r, c};
    }

    /** Element (i, j) of op(X) for batch p, X stored as produced by {@link #stored}. */
    private static double at(Tensor x, int p, boolean trans, int i, int j) {
        int r = x.dim(-2), c = x.dim(-1);
        int base = x.rank() == 3 ? p * r * c : 0;
        return trans ? x.data()[x.offset() + base + j * c + i] : x.data()[x.offset() + base + i * c + j];
    }

    private static double[] naiveMatmul(Tensor a, Tensor b, boolean ta, boolean tb, int batches, int m, int k, int n) {
        double[] c = new double[batches * m * n];
        for (int p = 0; p < batches; p++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) s += at(a, p, ta, i, q) * at(b, p, tb, q, j);
                    c[(p * m + i) * n + j] = s;
                }
        return c;
    }

    @Test
    void matmulEveryModeMatchesNaiveAndFiniteDifferences() {
        RandomGenerator rng = Init.rng(10);
        int checks = 0;
        for (int[] s : MKN) {
            int m = s[0], k = s[1], n = s[2];
            for (int mode = 0; mode < 3; mode++) { // 0: 2-D x 2-D, 1: batched x batched, 2: batched x shared
                int batch = mode == 0 ? 0 : (m == 1 ? 1 : 3);
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                    Tensor a = param(rng, -1, 1, stored(batch, ta, m, k));
                    Tensor b = param(rng, -1, 1, stored(mode == 1 ? batch : 0, tb, k, n));
                    Tensor c = F.matmul(a, b, ta, tb);
                    int batches = Math.max(batch, 1);
                    assertArrayEquals(batch > 0 ? new int[] {batch, m, n} : new int[] {m, n}, c.shape());
                    String name = "matmul mode" + mode + (ta ? " A^T" : "") + (tb ? " B^T" : "") + " m" + m + "k" + k + "n" + n;
                    assertClose(name, naiveMatmul(a, b, ta, tb, batches, m, k, n), c, 1e-5);
                    GradCheck.check(name, in -> F.matmul(in[0], in[1], ta, tb), a, b);
                    checks++;
                }
            }
        }
        assertEquals(MKN.length * 12, checks);
    }

    @Test
    void matmulWithoutFlagsIsThePlainProductAndChecksShapes() {
        RandomGenerator rng = Init.rng(11);
        Tensor a = param(rng, -1, 1, 2, 3), b = param(rng, -1, 1, 3, 4);
        assertArrayEquals(F.matmul(a, b, false, false).toArray(), F.matmul(a, b).toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.matmul(a, a));
        assertTrue(e.getMessage().contains("inner dimensions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> F.matmul(Tensor.zeros(2, 2, 3), Tensor.zeros(3, 3, 4)));
    }

    @Test
    void matmulOfAnInputWithItselfAccumulatesBothGradients() {
        RandomGenerator rng = Init.rng(12);
        Tensor a = param(rng, -1, 1, 4, 4);
        GradCheck.check("matmul(a, a)", in -> F.matmul(in[0], in[0]), a);
        GradCheck.check("matmul(a, a^T)", in -> F.matmul(in[0], in[0], false, true), a);
        Tensor x = param(rng, -1, 1, 3, 5, 4);
        GradCheck.check("matmul batched(x, a) shared", in -> F.matmul(in[0], in[1], true, false), param(rng, -1, 1, 3, 4, 5), a);
        GradCheck.check("matmul batched x^T x", in -> F.matmul(in[0], in[0], true, false), x);
    }

    private static double[] naiveLinear(Tensor x, Tensor w, Tensor bias) {
        int in = w.dim(1), out = w.dim(0), rows = x.size() / in;
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < out; o++) {
                double s = bias == null ? 0 : bias.data()[o];
                for (int i = 0; i < in; i++) s += (double) x.data()[r * in + i] * w.data()[o * in + i];
                y[r * out + o] = s;
            }
        return y;
    }

    @Test
    void linearMatchesNaiveAndFiniteDifferences() {
        RandomGenerator rng = Init.rng(13);
        int[][] xShapes = {{5, 3}, {2, 3, 3}, {1, 3}, {3}, {7, 1}};
        for (int[] xs : xShapes) {
            int in = xs[xs.length - 1];
            for (int out : new int[] {1, 4}) {
                for (boolean withBias : new boolean[] {true, false}) {
                    Tensor x = param(rng, -1, 1, xs), w = param(rng, -1, 1, out, in);
                    Tensor bias = withBias ? param(rng, -1, 1, out) : null;
                    Tensor y = F.linear(x, w, bias);
                    int[] expectShape = xs.clone();
                    expectShape[xs.length - 1] = out;
                    assertArrayEquals(expectShape, y.shape());
                    String name = "linear x" + java.util.Arrays.toString(xs) + " out" + out + (withBias ? " +b" : "");
                    assertClose(name, naiveLinear(x, w, bias), y, 1e-5);
                    if (withBias) GradCheck.check(name, i -> F.linear(i[0], i[1], i[2]), x, w, bias);
                    else GradCheck.check(name, i -> F.linear(i[0], i[1], null), x, w);
                }
            }
        }
        // constant x: only the weights get gradients
        Tensor xc = uniform(rng, -1, 1, 4, 3);
        GradCheck.check("linear constant x", i -> F.linear(xc, i[0], i[1]), param(rng, -1, 1, 2, 3), param(rng, -1, 1, 2));
        assertNull(xc.gradOrNull(), "a constant input gets no gradient buffer");
        // x used twice: linear(x) + x
        Tensor sq = param(rng, -1, 1, 3, 3), ws = param(rng, -1, 1, 3, 3);
        GradCheck.check("linear(x) + x", i -> F.add(F.linear(i[0], i[1], null), i[0]), sq, ws);
        assertThrows(IllegalArgumentException.class, () -> F.linear(Tensor.zeros(2, 3), Tensor.zeros(4, 2), null));
        assertThrows(IllegalArgumentException.class, () -> F.linear(Tensor.zeros(2, 3), Tensor.zeros(4, 3), Tensor.zeros(3)));
    }
}
