package dev.drex.engine.ops;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.autograd.Op;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import dev.drex.engine.testing.TestTensors;
import org.junit.jupiter.api.Test;

/** The harness must be able to fail: deliberately wrong backwards are caught, right ones pass. */
class GradCheckHarnessTest {

    /** y = a^2 whose backward uses a wrong slope factor * a (the right one is 2 a). */
    static final class WrongSquare extends Op {
        private final float factor;

        WrongSquare(Tensor a, float factor) {
            super(a);
            this.factor = factor;
        }

        static Tensor apply(Tensor a, float factor) {
            Tensor y = Tensor.zeros(a.shape());
            for (int i = 0; i < a.size(); i++) y.data()[i] = a.data()[a.offset() + i] * a.data()[a.offset() + i];
            return Op.recording(a) ? y.recordedBy(new WrongSquare(a, factor)) : y;
        }

        @Override
        protected void backward(Tensor out) {
            Tensor a = inputs[0];
            for (int i = 0; i < a.size(); i++) a.grad()[i] += factor * a.data()[a.offset() + i] * out.grad()[i];
        }
    }

    /** y = a + b, b a row broadcast over a's rows, whose backward forgets to sum db over the rows (keeps row 0 only). */
    static final class RowAddWithoutReduction extends Op {
        RowAddWithoutReduction(Tensor a, Tensor b) {
            super(a, b);
        }

        static Tensor apply(Tensor a, Tensor b) {
            int c = b.size();
            Tensor y = Tensor.zeros(a.shape());
            for (int i = 0; i < a.size(); i++) y.data()[i] = a.data()[a.offset() + i] + b.data()[b.offset() + i % c];
            return Op.recording(a, b) ? y.recordedBy(new RowAddWithoutReduction(a, b)) : y;
        }

        @Override
        protected void backward(Tensor out) {
            Tensor a = inputs[0], b = inputs[1];
            for (int i = 0; i < a.size(); i++) a.grad()[i] += out.grad()[i];
            for (int c = 0; c < b.size(); c++) b.grad()[c] += out.grad()[c]; // BUG: only row 0
        }
    }

    @Test
    void aSignErrorInBackwardIsDetected() {
        var rng = Init.rng(1);
        Tensor a = TestTensors.param(rng, 0.2, 1.0, 3, 2);
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradCheck.check("wrongSignSquare", in -> WrongSquare.apply(in[0], -2f), a));
        assertTrue(e.getMessage().contains("wrongSignSquare") && e.getMessage().contains("analytic"), e.getMessage());
        // the same check on the correct op passes
        GradCheck.check("square", in -> F.square(in[0]), a);
    }

    @Test
    void aMissingBroadcastReductionIsDetected() {
        var rng = Init.rng(2);
        Tensor a = TestTensors.param(rng, -1, 1, 4, 3);
        Tensor b = TestTensors.param(rng, -1, 1, 3);
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradCheck.check("rowAddWithoutReduction", in -> RowAddWithoutReduction.apply(in[0], in[1]), a, b));
        assertTrue(e.getMessage().contains("input 1"), "the failure names the broadcast input: " + e.getMessage());
        GradCheck.check("add row", in -> F.add(in[0], in[1]), a, b);
    }

    @Test
    void aOnePercentErrorIsDetected() {
        // slope 2.02 a instead of 2 a: the tolerances are tight enough to see a 1% error
        Tensor a = TestTensors.param(Init.rng(3), 0.5, 1.5, 5);
        assertThrows(AssertionError.class, () -> GradCheck.check("square with a 1% slope error", in -> WrongSquare.apply(in[0], 2.02f), a));
        GradCheck.check("square via the test op, right slope", in -> WrongSquare.apply(in[0], 2f), a);
    }
}
