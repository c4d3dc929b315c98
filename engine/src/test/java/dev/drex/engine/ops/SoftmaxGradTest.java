package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** softmax and logSoftmax with no, partial, per-column and fully masked rows; attention pooling. */
class SoftmaxGradTest {

    /** Reference over the last axis in double; mask may be null, per element or per column. */
    private static double[] naive(Tensor a, boolean[] mask, boolean log) {
        int c = a.colCount(), rows = a.rowCount();
        double[] out = new double[a.size()];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int j = 0; j < c; j++) if (kept(mask, c, r, j)) max = Math.max(max, a.data()[r * c + j]);
            for (int j = 0; j < c; j++) if (kept(mask, c, r, j)) sum += Math.exp(a.data()[r * c + j] - max);
            for (int j = 0; j < c; j++) {
                boolean k = kept(mask, c, r, j);
                double v = a.data()[r * c + j] - max - Math.log(sum);
                out[r * c + j] = log ? (k ? v : Double.NEGATIVE_INFINITY) : (k ? Math.exp(v) : 0);
            }
        }
        return out;
    }

    private static boolean kept(boolean[] mask, int c, int r, int j) {
        if (mask == null) return true;
        return mask.length == c ? mask[j] : mask[r * c + j];
    }

    /** Masks for a (rows, c) input: none, per element with row 1 fully masked, per column. */
    private static boolean[][] masks(RandomGenerator rng, int rows, int c) {
        boolean[] perElement = new boolean[rows * c];
        for (int i = 0; i < perElement.length; i++) perElement[i] = rng.nextDouble() < 0.6;
        for (int r = 0; r < rows; r++) perElement[r * c] = true; // every row keeps at least one entry ...
        if (rows > 1) for (int j = 0; j < c; j++) perElement[c + j] = false; // ... except row 1, fully masked
        boolean[] perColumn = new boolean[c];
        for (int j = 0; j < c; j++) perColumn[j] = j % 2 == 0;
        return new boolean[][] {null, perElement, perColumn};
    }

    @Test
    void softmaxAndLogSoftmaxWithMasks() {
        RandomGenerator rng = Init.rng(30);
        int[][] shapes = {{1}, {5}, {3, 1}, {3, 5}, {2, 3, 7}};
        for (int[] s : shapes) {
            int c = s[s.length - 1];
            int rows = Arrays.stream(s).reduce(1, (x, y) -> x * y) / c;
            String[] kinds = {"no mask", "partial + full-row mask", "column mask"};
            boolean[][] ms = masks(rng, rows, c);
            for (int m = 0; m < ms.length; m++) {
                boolean[] mask = ms[m];
                Tensor a = param(rng, -2, 2, s);
                String where = Arrays.toString(s) + " " + kinds[m];
                Tensor p = F.softmax(a, mask), lp = F.logSoftmax(a, mask);
                assertClose("softmax " + where, naive(a, mask, false), p, 1e-6);
                assertClose("logSoftmax " + where, naive(a, mask, true), lp, 1e-6);
                GradCheck.check("softmax " + where, in -> F.softmax(in[0], mask), a);
                GradCheck.check("logSoftmax " + where, in -> F.logSoftmax(in[0], mask), a);
                if (m == 1 && rows > 1) {
                    // the fully masked row: probabilities exactly 0, log-probabilities -Infinity, gradient exactly 0
                    for (int j = 0; j < c; j++) {
                        assertEquals(0f, p.data()[c + j]);
                        assertEquals(Float.NEGATIVE_INFINITY, lp.data()[c + j]);
                        assertEquals(0f, a.grad()[c + j], "no gradient into a fully masked row");
                    }
                }
                if (mask != null) {
                    for (int i = 0; i < a.size(); i++) {
                        if (!kept(mask, c, i / c, i % c)) assertEquals(0f, a.grad()[i], "masked entries get no gradient");
                    }
                }
            }
        }
        Tensor x = param(rng, -2, 2, 2, 4);
        GradCheck.check("softmax(x) * x", in -> F.mul(F.softmax(in[0], null), in[0]), x);
        assertThrows(IllegalArgumentException.class, () -> F.softmax(Tensor.zeros(2, 3), new boolean[4]));
    }

    @Test
    void attentionPoolOverSegments() {
        RandomGenerator rng = Init.rng(31);
        int[][] layouts = {null, {0}, {0, 1, 2}, {0, 3, 4}, {0, 2, 5, 6}};
        int n = 7, c = 3;
        for (int[] starts : layouts) {
            for (boolean columnScores : new boolean[] {false, true}) {
                Tensor h = param(rng, -1, 1, n, c);
                Tensor e = columnScores ? param(rng, -2, 2, n, 1) : param(rng, -2, 2, n);
                Tensor y = F.attentionPool(h, e, starts);
                int[] st = starts == null ? new int[] {0} : starts;
                assertArrayEquals(new int[] {st.length, c}, y.shape());
                double[] expected = new double[st.length * c];
                double[] weights = new double[n];
                for (int s = 0; s < st.length; s++) {
                    int from = st[s], to = s + 1 < st.length ? st[s + 1] : n;
                    double max = Double.NEGATIVE_INFINITY, sum = 0;
                    for (int j = from; j < to; j++) max = Math.max(max, e.data()[j]);
                    for (int j = from; j < to; j++) sum += Math.exp(e.data()[j] - max);
                    for (int j = from; j < to; j++) {
                        weights[j] = Math.exp(e.data()[j] - max) / sum;
                        for (int k = 0; k < c; k++) expected[s * c + k] += weights[j] * h.data()[j * c + k];
                    }
                }
                String name = "attentionPool " + Arrays.toString(starts) + (columnScores ? " (N,1)" : " (N)");
                assertClose(name, expected, y, 1e-6);
                assertClose(name + " weights", weights, F.attentionWeights(e, starts), 1e-6);
                GradCheck.check(name, in -> F.attentionPool(in[0], in[1], starts), h, e);
            }
        }
        // h used twice: as the pooled rows and, through a linear map, as the scores
        Tensor h = param(rng, -1, 1, 5, 3), w = param(rng, -1, 1, 1, 3);
        GradCheck.check("attentionPool(h, h w)", in -> F.attentionPool(in[0], F.linear(in[0], in[1], null), new int[] {0, 2}), h, w);
        assertThrows(IllegalArgumentException.class, () -> F.attentionPool(Tensor.zeros(4, 2), Tensor.zeros(3), null));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> F.attentionPool(Tensor.zeros(4, 2), Tensor.zeros(4), new int[] {0, 2, 2}));
        assertTrue(empty.getMessage().contains("segment 1"), empty.getMessage());
    }
}
