package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.autograd.Backward;
import dev.drex.engine.autograd.Grad;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** What backward frees and keeps, the error of a second backward, and the no-grad mode of every op. */
class GraphMemoryTest {

    @Test
    void backwardFreesIntermediatesAndKeepsLeafGradients() {
        RandomGenerator rng = Init.rng(80);
        Tensor x = uniform(rng, -1, 1, 3, 4);
        Tensor w = param(rng, -1, 1, 2, 4), b = param(rng, -1, 1, 2);
        Tensor pre = F.linear(x, w, b);
        Tensor act = F.tanh(pre);
        Tensor loss = F.mean(F.square(act));
        loss.backward();
        assertNotNull(w.gradOrNull());
        assertNotNull(b.gradOrNull());
        for (Tensor t : List.of(pre, act, loss)) {
            assertNull(t.gradOrNull(), "intermediate gradient freed: " + t);
            assertEquals(0, t.creator().inputs().length, "op released its inputs: " + t.creator().name());
        }
        assertNull(x.gradOrNull(), "a constant input never gets a gradient buffer");
    }

    @Test
    void aSecondBackwardThroughAReleasedGraphFailsClearly() {
        RandomGenerator rng = Init.rng(81);
        Tensor w = param(rng, -1, 1, 3);
        Tensor loss = F.sum(F.exp(w));
        loss.backward();
        float[] once = w.grad().clone();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("already released"), e.getMessage());
        assertArrayEquals(once, w.grad(), "the failed call changed no gradient");

        // retainGraph keeps the graph: a second pass accumulates a second copy of the gradient
        Tensor loss2 = F.sum(F.exp(w));
        w.zeroGrad();
        Backward.run(loss2, new float[] {1f}, true);
        Backward.run(loss2, new float[] {1f}, false);
        for (int i = 0; i < 3; i++) assertEquals(2 * Math.exp(w.data()[i]), w.grad()[i], 1e-5);
    }

    @Test
    void noGradModeRecordsNothingForEveryOp() {
        RandomGenerator rng = Init.rng(82);
        Tensor a = param(rng, 0.5, 1.5, 3, 4), b = param(rng, 0.5, 1.5, 3, 4), row = param(rng, 0.5, 1.5, 4);
        Tensor sq = param(rng, 0.5, 1.5, 4, 4), g = param(rng, 0.5, 1.5, 4), e = param(rng, -1, 1, 3);
        List<Function<Void, Tensor>> ops = List.of(
                v -> F.matmul(a, sq), v -> F.matmul(a, b, false, true), v -> F.linear(a, sq, row),
                v -> F.add(a, b), v -> F.sub(a, row), v -> F.mul(a, b), v -> F.div(a, row),
                v -> F.scale(a, 2f), v -> F.addScalar(a, 1f), v -> F.neg(a),
                v -> F.sum(a), v -> F.mean(a), v -> F.sum(a, 1, false), v -> F.mean(a, 0, true),
                v -> F.exp(a), v -> F.log(a), v -> F.sqrt(a), v -> F.sigmoid(a), v -> F.tanh(a), v -> F.relu(a),
                v -> F.square(a), v -> F.gelu(a, false), v -> F.gelu(a, true),
                v -> F.softmax(a, null), v -> F.logSoftmax(a, new boolean[] {true, false, true, true}),
                v -> F.layerNorm(a, g, row, 1e-5f), v -> F.concat(0, a, b), v -> F.split(a, 1, 1, 3)[1],
                v -> F.slice(a, 0, 1, 2), v -> F.gatherRows(a, new int[] {2, 2}), v -> F.segmentMean(a, new int[] {0, 1}),
                v -> F.dropout(a, 0.5f, Init.rng(1), true), v -> F.mseLoss(a, b), v -> F.bceLoss(F.scale(a, 0.5f), b),
                v -> F.bceWithLogits(a, b), v -> F.attentionPool(a, e, new int[] {0, 2}));
        try (var off = Grad.off()) {
            for (int i = 0; i < ops.size(); i++) {
                Tensor y = ops.get(i).apply(null);
                assertNull(y.creator(), "op #" + i + " recorded a creator under Grad.off()");
                assertFalse(y.requiresGrad(), "op #" + i);
            }
        }
        for (Tensor t : List.of(a, b, row, sq, g, e)) assertNull(t.gradOrNull(), "no gradient was allocated");
        // and with recording on, the same ops do record
        for (int i = 0; i < ops.size(); i++) assertNotNull(ops.get(i).apply(null).creator(), "op #" + i + " records when enabled");
    }
}
