package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** conv1d and maxOverTime: forward against naive loops, gradient checks, awkward shapes, bad input. */
class TextCnnGradTest {

    /** y[n,t,f] = b[f] + sum_{k,c} w[f,k,c] x[n,t+k,c], in double, by the definition. */
    private static double[] naiveConv(Tensor x, Tensor w, Tensor b) {
        int n = x.dim(0), t = x.dim(1), c = x.dim(2), f = w.dim(0), k = w.dim(1), tOut = t - k + 1;
        double[] y = new double[n * tOut * f];
        for (int s = 0; s < n; s++)
            for (int p = 0; p < tOut; p++)
                for (int g = 0; g < f; g++) {
                    double acc = b == null ? 0 : b.get(g);
                    for (int q = 0; q < k; q++)
                        for (int ch = 0; ch < c; ch++) acc += (double) w.get(g, q, ch) * x.get(s, p + q, ch);
                    y[(s * tOut + p) * f + g] = acc;
                }
        return y;
    }

    @Test
    void conv1dMatchesNaiveLoopsAndPassesGradientChecks() {
        RandomGenerator rng = Init.rng(601);
        int[][] shapes = { // N, T, C, F, K
            {1, 1, 1, 1, 1}, {1, 3, 1, 1, 3}, {2, 5, 3, 4, 3}, {3, 7, 2, 5, 2}, {1, 4, 5, 1, 1}, {2, 3, 3, 3, 3}, {3, 9, 4, 2, 3}};
        for (int[] s : shapes) {
            Tensor x = param(rng, -1, 1, s[0], s[1], s[2]);
            Tensor w = param(rng, -1, 1, s[3], s[4], s[2]);
            Tensor b = param(rng, -1, 1, s[3]);
            Tensor y = F.conv1d(x, w, b);
            assertArrayEquals(new int[] {s[0], s[1] - s[4] + 1, s[3]}, y.shape());
            assertClose("conv1d " + java.util.Arrays.toString(s), naiveConv(x, w, b), y, 1e-5);
            assertClose("conv1d no bias", naiveConv(x, w, null), F.conv1d(x, w, null), 1e-5);
            GradCheck.check("conv1d " + java.util.Arrays.toString(s), in -> F.conv1d(in[0], in[1], in[2]), x, w, b);
        }
        // a constant input (frozen embeddings): only w and b get gradients
        Tensor x = uniform(rng, -1, 1, 2, 6, 3);
        Tensor w = param(rng, -1, 1, 3, 3, 3);
        GradCheck.check("conv1d constant x, no bias", in -> F.conv1d(x, in[0], null), w);
    }

    @Test
    void conv1dRejectsBadShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.conv1d(Tensor.zeros(1, 2, 3), Tensor.zeros(4, 3, 3), null));
        assertTrue(e.getMessage().contains("shorter than the filter width 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.conv1d(Tensor.zeros(1, 5, 3), Tensor.zeros(4, 3, 2), null));
        assertTrue(e.getMessage().contains("do not match"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.conv1d(Tensor.zeros(1, 5, 3), Tensor.zeros(4, 3, 3), Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("bias"), e.getMessage());
    }

    /** A tensor of distinct values at least 0.1 apart (so a 2h = 0.02 perturbation never changes an argmax), shuffled. */
    private static Tensor distinct(RandomGenerator rng, int... shape) {
        int size = 1;
        for (int d : shape) size *= d;
        float[] v = new float[size];
        for (int i = 0; i < size; i++) v[i] = (i - size / 2f) * 0.1f;
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float tmp = v[i];
            v[i] = v[j];
            v[j] = tmp;
        }
        return Tensor.parameter("x", Tensor.of(v, shape));
    }

    @Test
    void maxOverTimeMatchesNaiveLoopsAndRoutesGradientToArgmax() {
        RandomGenerator rng = Init.rng(602);
        int[][] cases = { // N, T, F, then the lengths
            {1, 1, 1, 1}, {1, 4, 3, 4}, {2, 5, 3, 5, 1}, {3, 7, 1, 2, 7, 3}, {2, 3, 17, 3, 2}};
        for (int[] cs : cases) {
            int n = cs[0], t = cs[1], f = cs[2];
            int[] lengths = java.util.Arrays.copyOfRange(cs, 3, 3 + n);
            Tensor x = distinct(rng, n, t, f);
            Tensor y = F.maxOverTime(x, lengths);
            double[] expect = new double[n * f];
            for (int s = 0; s < n; s++)
                for (int j = 0; j < f; j++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int p = 0; p < lengths[s]; p++) m = Math.max(m, x.get(s, p, j));
                    expect[s * f + j] = m;
                }
            assertClose("maxOverTime", expect, y, 0);
            GradCheck.check("maxOverTime " + java.util.Arrays.toString(cs), in -> F.maxOverTime(in[0], lengths), x);
        }
        Tensor all = distinct(rng, 2, 3, 2);
        GradCheck.check("maxOverTime lengths null", in -> F.maxOverTime(in[0], null), all);
    }

    @Test
    void paddingNeverWinsAndTiesGoToTheFirstPosition() {
        // sequence 0 has length 2; its padded position 2 holds a huge value that must be ignored
        Tensor x = Tensor.parameter("x", Tensor.of(new float[] {1, 5, 5, 2, 99, 99, /* seq 1 */ 3, 3, 3, 3, 3, 3}, 2, 3, 2));
        Tensor y = F.maxOverTime(x, new int[] {2, 3});
        assertArrayEquals(new float[] {5, 5, 3, 3}, y.toArray());
        y.backward(new float[] {1, 2, 3, 4});
        // feature 0 of seq 0: max 5 at t=1; feature 1: tie 5 at t=0 -> first; seq 1 all ties -> t=0
        assertArrayEquals(new float[] {0, 2, 1, 0, 0, 0, 3, 4, 0, 0, 0, 0}, x.grad());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.maxOverTime(Tensor.zeros(2, 3, 1), new int[] {0, 3}));
        assertTrue(e.getMessage().contains("sequence 0 has length 0"), e.getMessage());
    }

    @Test
    void embeddingConv1dEqualsConv1dOfTheEmbeddedSequencesAndPassesGradientChecks() {
        RandomGenerator rng = Init.rng(603);
        int[][][] batches = {{{0}}, {{2, 1, 2, 0, 4}, {3}, {}, {1, 1, 1, 1}}, {{4, 3, 2}, {0, 1, 2, 3, 4, 0, 1}}};
        int[][] sizes = {{1, 1}, {3, 3}, {2, 2}}; // F, K
        for (int b = 0; b < batches.length; b++) {
            int[][] ids = batches[b];
            int f = sizes[b][0], k = sizes[b][1], c = 3;
            Tensor table = param(rng, -1, 1, 5, c);
            Tensor w = param(rng, -1, 1, f, k, c);
            Tensor bias = param(rng, -1, 1, f);
            int t = k;
            for (int[] s : ids) t = Math.max(t, s.length);
            Tensor x = Tensor.zeros(ids.length, t, c); // the embedded, zero-padded sequences
            for (int n = 0; n < ids.length; n++)
                for (int p = 0; p < ids[n].length; p++)
                    for (int ch = 0; ch < c; ch++) x.set(table.get(ids[n][p], ch), n, p, ch);
            assertClose("embeddingConv1d batch " + b, naiveConv(x, w, bias), F.embeddingConv1d(table, ids, w, bias), 1e-5);
            assertClose("embeddingConv1d no bias", naiveConv(x, w, null), F.embeddingConv1d(table, ids, w, null), 1e-5);
            GradCheck.check("embeddingConv1d batch " + b, in -> F.embeddingConv1d(in[0], ids, in[1], in[2]), table, w, bias);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.embeddingConv1d(Tensor.zeros(5, 3), new int[][] {{1, 5}}, Tensor.zeros(2, 3, 3), null));
        assertTrue(e.getMessage().contains("sequence 0 has token 5 outside the table of 5 rows"), e.getMessage());
    }
}
