package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every op reading a view that starts at a non-zero offset of a larger buffer (rows 1..3 of a (5,4)
 * leaf): forward reads must honour the offset, and gradients must land in the right slice of the source.
 */
class ViewInputsGradTest {

    @Test
    void opsOnOffsetViews() {
        RandomGenerator rng = Init.rng(90);
        Tensor src = param(rng, 0.5, 1.5, 5, 4);
        Tensor other = param(rng, 0.5, 1.5, 6, 4);
        Map<String, Function<Tensor[], Tensor>> fs = new TreeMap<>();
        // v: rows 1..3 of src (3,4); u: rows 2..4 of other (3,4)
        fs.put("matmul", in -> F.matmul(v(in), u(in), false, true));
        fs.put("matmul batched shared", in -> F.matmul(v(in).reshape(3, 2, 2), u(in).rows(0, 2).reshape(2, 4), true, false).reshape(-1));
        fs.put("linear", in -> F.linear(v(in), u(in), u(in).rows(0, 1).reshape(4).rows(0, 3)));
        fs.put("add row", in -> F.add(v(in), u(in).rows(1, 2).reshape(4)));
        fs.put("sub column", in -> F.sub(v(in), u(in).rows(0, 3).reshape(12).rows(4, 7).reshape(3, 1)));
        fs.put("mul same", in -> F.mul(v(in), u(in)));
        fs.put("div scalar", in -> F.div(v(in), u(in).reshape(12).rows(5, 6)));
        fs.put("unary chain", in -> F.sqrt(F.exp(F.tanh(F.log(v(in))))));
        fs.put("sum axis 0", in -> F.sum(v(in), 0, false));
        fs.put("softmax", in -> F.softmax(v(in), null));
        fs.put("logSoftmax", in -> F.logSoftmax(v(in), new boolean[] {true, false, true, true}));
        fs.put("layerNorm", in -> F.layerNorm(v(in), u(in).rows(0, 1).reshape(4), u(in).rows(2, 3).reshape(4), 1e-5f));
        fs.put("concat", in -> F.concat(1, v(in), u(in)));
        fs.put("slice", in -> F.slice(v(in), 1, 1, 3));
        fs.put("gatherRows", in -> F.gatherRows(v(in), new int[] {2, 0, 2}));
        fs.put("segmentMean", in -> F.segmentMean(v(in), new int[] {0, 1}));
        fs.put("attentionPool", in -> F.attentionPool(v(in), u(in).reshape(12).rows(3, 6), new int[] {0, 2}));
        fs.put("dropout", in -> F.dropout(v(in), 0.4f, Init.rng(3), true));
        fs.put("mseLoss", in -> F.mseLoss(v(in), u(in)));
        fs.put("bceLoss", in -> F.bceLoss(F.scale(v(in), 0.5f), F.scale(u(in), 0.5f)));
        fs.put("bceWithLogits", in -> F.bceWithLogits(v(in), u(in)));
        fs.put("gelu", in -> F.gelu(v(in), false));
        for (var e : fs.entrySet()) {
            GradCheck.check("view input: " + e.getKey(), e.getValue(), src, other);
            // rows outside the views never receive a gradient
            for (int c = 0; c < 4; c++) {
                assertEquals(0f, src.grad()[c], e.getKey() + ": row 0 of src is outside the view");
                assertEquals(0f, src.grad()[16 + c], e.getKey() + ": row 4 of src is outside the view");
                assertEquals(0f, other.grad()[c], e.getKey() + ": row 0 of other is outside the view");
            }
        }
    }

    private static Tensor v(Tensor[] in) {
        return in[0].rows(1, 4);
    }

    private static Tensor u(Tensor[] in) {
        return in[1].rows(2, 5);
    }

    @Test
    void largeSoftmaxSplitAcrossCoresMatchesRowByRow() {
        RandomGenerator rng = Init.rng(91);
        Tensor a = uniform(rng, -3, 3, 600, 64); // 38400 elements: over the parallel threshold
        boolean[] mask = new boolean[64];
        for (int j = 0; j < 64; j++) mask[j] = j % 3 != 0;
        Tensor all = F.logSoftmax(a, mask);
        for (int r = 0; r < 600; r += 37) {
            Tensor one = F.logSoftmax(a.rows(r, r + 1), mask);
            assertArrayEquals(one.toArray(), all.rows(r, r + 1).toArray(), "row " + r);
        }
    }
}
