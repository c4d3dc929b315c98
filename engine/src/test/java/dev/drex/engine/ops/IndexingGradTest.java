package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** concat, split, slice, gatherRows and segmentMean. */
class IndexingGradTest {

    /** Element at a multi-index of a row-major tensor, read through data (independent of the ops). */
    private static float at(Tensor t, int... idx) {
        return t.get(idx);
    }

    @Test
    void concatAlongEveryAxis() {
        RandomGenerator rng = Init.rng(50);
        int[] base = {2, 3, 4};
        for (int axis = -3; axis < 3; axis++) {
            int ax = axis < 0 ? axis + 3 : axis;
            int[] lens = {1, 3, 2};
            Tensor[] ts = new Tensor[3];
            for (int i = 0; i < 3; i++) {
                int[] s = base.clone();
                s[ax] = lens[i];
                ts[i] = param(rng, -1, 1, s);
            }
            Tensor y = F.concat(axis, ts);
            int[] expect = base.clone();
            expect[ax] = 6;
            assertArrayEquals(expect, y.shape());
            // every output element equals the input element it came from
            int[] idx = new int[3];
            for (idx[0] = 0; idx[0] < expect[0]; idx[0]++)
                for (idx[1] = 0; idx[1] < expect[1]; idx[1]++)
                    for (idx[2] = 0; idx[2] < expect[2]; idx[2]++) {
                        int k = idx[ax], t = 0;
                        while (k >= lens[t]) k -= lens[t++];
                        int[] src = idx.clone();
                        src[ax] = k;
                        assertEquals(at(ts[t], src), at(y, idx));
                    }
            final int fa = axis;
            GradCheck.check("concat axis " + axis, in -> F.concat(fa, in), ts);
        }
        Tensor a = param(rng, -1, 1, 2, 3);
        GradCheck.check("concat(a, a) axis 1", in -> F.concat(1, in[0], in[0]), a);
        Tensor c = uniform(rng, -1, 1, 2, 2);
        GradCheck.check("concat(a, const) axis -1", in -> F.concat(-1, in[0], c), a);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("tensor 1"), e.getMessage());
    }

    @Test
    void sliceAndSplit() {
        RandomGenerator rng = Init.rng(51);
        int[] s = {3, 5, 2};
        for (int axis = -3; axis < 3; axis++) {
            int ax = axis < 0 ? axis + 3 : axis;
            int len = s[ax];
            Tensor a = param(rng, -1, 1, s);
            final int fa = axis;
            int from = len > 2 ? 1 : 0, to = len;
            Tensor y = F.slice(a, axis, from, to);
            int[] idx = new int[3];
            int[] ys = y.shape();
            for (idx[0] = 0; idx[0] < ys[0]; idx[0]++)
                for (idx[1] = 0; idx[1] < ys[1]; idx[1]++)
                    for (idx[2] = 0; idx[2] < ys[2]; idx[2]++) {
                        int[] src = idx.clone();
                        src[ax] += from;
                        assertEquals(at(a, src), at(y, idx));
                    }
            GradCheck.check("slice axis " + axis + " [" + from + "," + to + ")", in -> F.slice(in[0], fa, from, to), a);
            int[] sizes = len == 2 ? new int[] {1, 1} : len == 3 ? new int[] {2, 0, 1} : new int[] {1, 3, 1};
            Tensor[] parts = F.split(a, axis, sizes);
            assertEquals(sizes.length, parts.length);
            for (int i = 0; i < parts.length; i++) assertEquals(sizes[i], parts[i].dim(ax));
            // the parts reassemble the input
            assertArrayEquals(a.toArray(), F.concat(axis, parts).toArray());
            // weighted recombination of the parts, so each part's gradient is checked
            GradCheck.check("split axis " + axis + " " + Arrays.toString(sizes), in -> {
                Tensor[] p = F.split(in[0], fa, sizes);
                Tensor acc = null;
                for (int i = 0; i < p.length; i++) {
                    Tensor term = F.scale(F.sum(F.square(p[i])), i + 1f);
                    acc = acc == null ? term : F.add(acc, term);
                }
                return acc;
            }, a);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> F.slice(Tensor.zeros(2, 3), 1, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> F.split(Tensor.zeros(2, 3), 1, 1, 1));
    }

    @Test
    void gatherRowsScatterAddsRepeatedIndices() {
        RandomGenerator rng = Init.rng(52);
        Tensor table = param(rng, -1, 1, 5, 3);
        int[][] indexSets = {{0}, {4, 0, 2}, {1, 1, 3, 1, 4}, {2, 2}};
        for (int[] rows : indexSets) {
            Tensor y = F.gatherRows(table, rows);
            assertArrayEquals(new int[] {rows.length, 3}, y.shape());
            for (int i = 0; i < rows.length; i++)
                for (int c = 0; c < 3; c++) assertEquals(table.get(rows[i], c), y.get(i, c));
            GradCheck.check("gatherRows " + Arrays.toString(rows), in -> F.gatherRows(in[0], rows), table);
        }
        // a row gathered three times receives three times the upstream gradient
        table.clearGrad();
        F.sum(F.gatherRows(table, new int[] {1, 1, 3, 1})).backward();
        assertArrayEquals(new float[] {0, 0, 0, 3, 3, 3, 0, 0, 0, 1, 1, 1, 0, 0, 0}, table.grad());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> F.gatherRows(table, new int[] {0, 5}));
        assertTrue(e.getMessage().contains("rows[1] = 5"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> F.gatherRows(table, new int[] {-1}));
    }

    @Test
    void segmentMeanOverLayouts() {
        RandomGenerator rng = Init.rng(53);
        int n = 6, c = 3;
        int[][] layouts = {{0}, {0, 1, 2, 3, 4, 5}, {0, 2, 5}, {0, 5}, {0, 1, 4}};
        for (int[] starts : layouts) {
            Tensor x = param(rng, -1, 1, n, c);
            Tensor y = F.segmentMean(x, starts);
            double[] expected = new double[starts.length * c];
            for (int s = 0; s < starts.length; s++) {
                int from = starts[s], to = s + 1 < starts.length ? starts[s + 1] : n;
                for (int j = from; j < to; j++)
                    for (int k = 0; k < c; k++) expected[s * c + k] += x.get(j, k) / (double) (to - from);
            }
            assertClose("segmentMean " + Arrays.toString(starts), expected, y, 1e-6);
            GradCheck.check("segmentMean " + Arrays.toString(starts), in -> F.segmentMean(in[0], starts), x);
        }
        Tensor x = param(rng, -1, 1, 4, 2);
        GradCheck.check("segmentMean(x) then its rows with x", in -> F.add(F.sum(F.segmentMean(in[0], new int[] {0, 3})), F.sum(F.square(in[0]))), x);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> F.segmentMean(Tensor.zeros(4, 2), new int[] {0, 2, 2}));
        assertTrue(empty.getMessage().contains("segment 1") && empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> F.segmentMean(Tensor.zeros(4, 2), new int[] {0, 4}));
        assertTrue(past.getMessage().contains("segment 1"), past.getMessage());
        assertThrows(IllegalArgumentException.class, () -> F.segmentMean(Tensor.zeros(4, 2), new int[] {1, 2}));
    }
}
