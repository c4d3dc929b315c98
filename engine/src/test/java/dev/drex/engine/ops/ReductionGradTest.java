package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** sum and mean, total and along every axis (negative too, with and without keepDim). */
class ReductionGradTest {
    private static final int[][] SHAPES = {{7}, {1}, {3, 1}, {1, 5}, {3, 5}, {2, 3, 4}, {2, 1, 3, 1}};

    @Test
    void totalSumAndMean() {
        RandomGenerator rng = Init.rng(20);
        for (int[] s : SHAPES) {
            Tensor a = param(rng, -1, 1, s);
            double total = 0;
            for (float v : a.toArray()) total += v;
            Tensor sum = F.sum(a), mean = F.mean(a);
            assertEquals(0, sum.rank(), "a scalar");
            assertEquals(total, sum.item(), 1e-5);
            assertEquals(total / a.size(), mean.item(), 1e-6);
            GradCheck.check("sum " + Arrays.toString(s), in -> F.sum(in[0]), a);
            GradCheck.check("mean " + Arrays.toString(s), in -> F.mean(in[0]), a);
        }
        Tensor x = param(rng, -1, 1, 3, 2);
        GradCheck.check("sum(x * x) + mean(x)", in -> F.add(F.sum(F.mul(in[0], in[0])), F.mean(in[0])), x);
    }

    @Test
    void alongEveryAxis() {
        RandomGenerator rng = Init.rng(21);
        int checks = 0;
        for (int[] s : SHAPES) {
            for (int axis = -s.length; axis < s.length; axis++) {
                for (boolean keepDim : new boolean[] {false, true}) {
                    for (boolean mean : new boolean[] {false, true}) {
                        Tensor a = param(rng, -1, 1, s);
                        int ax = axis < 0 ? axis + s.length : axis;
                        Tensor y = mean ? F.mean(a, axis, keepDim) : F.sum(a, axis, keepDim);
                        assertArrayEquals(expectedShape(s, ax, keepDim), y.shape());
                        String name = (mean ? "mean" : "sum") + " axis " + axis + (keepDim ? " keep " : " ") + Arrays.toString(s);
                        assertClose(name, naive(a, ax, mean), y, 1e-6);
                        final int fa = axis;
                        final boolean fk = keepDim, fm = mean;
                        GradCheck.check(name, in -> fm ? F.mean(in[0], fa, fk) : F.sum(in[0], fa, fk), a);
                        checks++;
                    }
                }
            }
        }
        assertTrue(checks > 50);
        assertThrows(IllegalArgumentException.class, () -> F.sum(Tensor.zeros(2, 3), 2, false));
        assertThrows(IllegalArgumentException.class, () -> F.mean(Tensor.zeros(2, 3), -3, true));
    }

    private static int[] expectedShape(int[] s, int ax, boolean keepDim) {
        if (keepDim) {
            int[] r = s.clone();
            r[ax] = 1;
            return r;
        }
        int[] r = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) if (i != ax) r[j++] = s[i];
        return r;
    }

    private static double[] naive(Tensor a, int ax, boolean mean) {
        int[] s = a.shape();
        int outer = 1, inner = 1;
        for (int i = 0; i < ax; i++) outer *= s[i];
        for (int i = ax + 1; i < s.length; i++) inner *= s[i];
        double[] r = new double[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int k = 0; k < s[ax]; k++)
                for (int i = 0; i < inner; i++) r[o * inner + i] += a.data()[(o * s[ax] + k) * inner + i];
        if (mean) for (int i = 0; i < r.length; i++) r[i] /= s[ax];
        return r;
    }
}
