package dev.drex.engine.ops;

import static dev.drex.engine.testing.TestTensors.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import dev.drex.engine.testing.GradCheck;
import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Binary ops in every broadcast mode, scalar ops and unary ops: forward against doubles, gradients by finite differences. */
class ElementwiseGradTest {

    /** {a shape, b shape} for every broadcast mode, including size-1 and odd dimensions. */
    private static final int[][][] BROADCASTS = {
            {{3, 5}, {3, 5}},        // same
            {{}, {}},                // same, scalars
            {{1, 1}, {1, 1}},        // same, size 1
            {{2, 3, 5}, {2, 3, 5}},  // same, 3-D
            {{3, 5}, {5}},           // row
            {{3, 5}, {1, 5}},        // row as (1,C)
            {{2, 3, 5}, {5}},        // row against 3-D
            {{7}, {7}},              // same 1-D
            {{1, 7}, {7}},           // row, one row
            {{3, 5}, {3, 1}},        // column
            {{1, 5}, {1, 1}},        // (1,1): row and column agree
            {{5, 1}, {5, 1}},        // same
            {{3, 5}, {}},            // scalar []
            {{2, 3, 5}, {1}},        // scalar [1]
            {{5}, {1}},              // scalar against 1-D
    };

    /** Expected a o b with b broadcast: index of b for element i of a. */
    private static int bIndex(int[] as, int[] bs, int i) {
        int bSize = Arrays.stream(bs).reduce(1, (x, y) -> x * y);
        int aSize = Arrays.stream(as).reduce(1, (x, y) -> x * y);
        if (bSize == aSize) return i;
        if (bSize == 1) return 0;
        int cols = as[as.length - 1];
        if (bs[bs.length - 1] == cols) return i % cols; // row
        return i / cols;                                 // column
    }

    private void checkBinary(String name, BinaryOperator<Tensor> op, DoubleBinaryOperator ref, boolean divisor) {
        RandomGenerator rng = Init.rng(name.hashCode());
        for (int[][] s : BROADCASTS) {
            Tensor a = param(rng, -1.5, 1.5, s[0]);
            Tensor b = divisor ? awayFromZero(rng, 0.5, 1.5, s[1]) : param(rng, -1.5, 1.5, s[1]);
            Tensor y = op.apply(a, b);
            assertArrayEquals(s[0], y.shape(), name + " keeps a's shape");
            double[] expected = new double[a.size()];
            for (int i = 0; i < expected.length; i++) expected[i] = ref.applyAsDouble(a.data()[i], b.data()[bIndex(s[0], s[1], i)]);
            String label = name + " " + Arrays.toString(s[0]) + " o " + Arrays.toString(s[1]);
            assertClose(label, expected, y, 1e-6);
            GradCheck.check(label, in -> op.apply(in[0], in[1]), a, b);
            // b constant: a alone; a constant: b alone (the broadcast reduction by itself)
            Tensor bc = b.copy(), ac = a.copy();
            GradCheck.check(label + " (b const)", in -> op.apply(in[0], bc), a);
            GradCheck.check(label + " (a const)", in -> op.apply(ac, in[0]), b);
        }
        // an input used twice
        Tensor x = divisor ? awayFromZero(rng, 0.5, 1.5, 3, 4) : param(rng, -1.5, 1.5, 3, 4);
        GradCheck.check(name + "(x, x)", in -> op.apply(in[0], in[0]), x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.apply(Tensor.zeros(3, 4), Tensor.zeros(4, 3)));
        assertTrue(e.getMessage().contains("broadcast"), e.getMessage());
    }

    @Test
    void add() {
        checkBinary("add", F::add, (a, b) -> a + b, false);
    }

    @Test
    void sub() {
        checkBinary("sub", F::sub, (a, b) -> a - b, false);
    }

    @Test
    void mul() {
        checkBinary("mul", F::mul, (a, b) -> a * b, false);
    }

    @Test
    void div() {
        checkBinary("div", F::div, (a, b) -> a / b, true);
    }

    private void checkUnary(String name, UnaryOperator<Tensor> op, DoubleUnaryOperator ref, double lo, double hi, boolean awayFromZero) {
        RandomGenerator rng = Init.rng(name.hashCode());
        int[][] shapes = {{}, {1}, {7}, {3, 5}, {2, 1, 3}};
        for (int[] s : shapes) {
            Tensor a = awayFromZero ? awayFromZero(rng, lo, hi, s) : param(rng, lo, hi, s);
            Tensor y = op.apply(a);
            double[] expected = new double[a.size()];
            for (int i = 0; i < expected.length; i++) expected[i] = ref.applyAsDouble(a.data()[i]);
            String label = name + " " + Arrays.toString(s);
            assertClose(label, expected, y, 2e-6);
            GradCheck.check(label, in -> op.apply(in[0]), a);
        }
        Tensor x = awayFromZero ? awayFromZero(rng, lo, hi, 2, 3) : param(rng, lo, hi, 2, 3);
        GradCheck.check(name + "(x) * x", in -> F.mul(op.apply(in[0]), in[0]), x);
    }

    @Test
    void unaryOps() {
        checkUnary("exp", F::exp, Math::exp, -2, 2, false);
        checkUnary("log", F::log, Math::log, 0.3, 3, false);
        checkUnary("sqrt", F::sqrt, Math::sqrt, 0.3, 3, false);
        checkUnary("sigmoid", F::sigmoid, v -> 1 / (1 + Math.exp(-v)), -4, 4, false);
        checkUnary("tanh", F::tanh, Math::tanh, -2, 2, false);
        checkUnary("relu", F::relu, v -> Math.max(v, 0), 0.1, 2, true); // |x| >= 0.1 > 2h: no kink inside the stencil
        checkUnary("square", F::square, v -> v * v, -2, 2, false);
        checkUnary("scale(-2.5)", a -> F.scale(a, -2.5f), v -> -2.5 * v, -2, 2, false);
        checkUnary("addScalar(0.75)", a -> F.addScalar(a, 0.75f), v -> v + 0.75, -2, 2, false);
        checkUnary("neg", F::neg, v -> -v, -2, 2, false);
        checkUnary("gelu exact", a -> F.gelu(a, false), v -> 0.5 * v * (1 + erf(v / Math.sqrt(2))), -3, 3, false);
        checkUnary("gelu tanh", a -> F.gelu(a, true),
                v -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))), -3, 3, false);
    }

    @Test
    void reluHasZeroGradientWhereTheInputIsNegative() {
        Tensor a = Tensor.vector(-1f, 2f, -0.5f, 0.25f).requiresGrad(true);
        F.sum(F.relu(a)).backward();
        assertArrayEquals(new float[] {0, 1, 0, 1}, a.grad());
    }

    @Test
    void largeInputsTakeTheParallelPathAndAgreeWithTheSmallOne() {
        // 2^17 elements reach Checks.PARALLEL_MIN_ELEMENTS: each chunk must land at its own offset
        RandomGenerator rng = Init.rng(5);
        assertTrue(512 * 256 >= Checks.PARALLEL_MIN_ELEMENTS, "the big tensor must take the parallel path");
        Tensor big = uniform(rng, -2, 2, 512, 256);
        Tensor y = F.tanh(big);
        for (int i = 0; i < big.size(); i += 997) assertEquals(Math.tanh(big.data()[i]), y.data()[i], 1e-6);
        assertEquals(Math.tanh(big.data()[big.size() - 1]), y.data()[big.size() - 1], 1e-6);
        // every broadcast mode on the parallel path
        Tensor row = uniform(rng, 0.5, 1.5, 256), col = uniform(rng, 0.5, 1.5, 512, 1), s = Tensor.scalar(1.25f);
        Tensor same = uniform(rng, 0.5, 1.5, 512, 256);
        Tensor[] ys = {F.div(big, same), F.div(big, row), F.div(big, col), F.div(big, s)};
        for (int i = 0; i < big.size(); i += 331) {
            int r = i / 256, c = i % 256;
            assertEquals(big.data()[i] / same.data()[i], ys[0].data()[i], 1e-6, "same " + i);
            assertEquals(big.data()[i] / row.data()[c], ys[1].data()[i], 1e-6, "row " + i);
            assertEquals(big.data()[i] / col.data()[r], ys[2].data()[i], 1e-6, "column " + i);
            assertEquals(big.data()[i] / 1.25f, ys[3].data()[i], 1e-6, "scalar " + i);
        }
    }

    /** erf by its Maclaurin series (|x| <= 3 here; 80 terms reach double precision). */
    static double erf(double x) {
        double term = x, sum = x;
        for (int k = 1; k < 80; k++) {
            term *= -x * x / k;
            sum += term / (2 * k + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
