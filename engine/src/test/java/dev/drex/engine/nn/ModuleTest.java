package dev.drex.engine.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleTest {

    /** A leaf module with two parameters. */
    static final class Pair extends Module {
        final Tensor a = parameter("a", Tensor.zeros(2, 3));
        final Tensor b = parameter("b", Tensor.zeros(3));
    }

    /** Parameters and children interleaved, one level of nesting below another. */
    static final class Tree extends Module {
        final Tensor first = parameter("first", Tensor.zeros(1));
        final Pair left = module("left", new Pair());
        final Tensor middle = parameter("middle", Tensor.zeros(4));
        final Outer right = module("right", new Outer());
    }

    static final class Outer extends Module {
        final Pair inner = module("inner", new Pair());
    }

    @Test
    void namedParametersAreDottedAndInRegistrationOrder() {
        Tree t = new Tree();
        assertEquals(List.of("first", "left.a", "left.b", "middle", "right.inner.a", "right.inner.b"),
                List.copyOf(t.namedParameters().keySet()));
        assertSame(t.right.inner.b, t.parameterAt("right.inner.b"));
        assertEquals(1 + 6 + 3 + 4 + 6 + 3, t.parameterCount());
        assertEquals(List.of("left", "right"), List.copyOf(t.children().keySet()));
        var e = assertThrows(IllegalArgumentException.class, () -> t.parameterAt("left.c"));
        assertTrue(e.getMessage().contains("left.c"));
    }

    @Test
    void parametersAreTrainableLeavesCopiedFromTheirInit() {
        Tensor init = Tensor.vector(1f, 2f);
        Module m = new Module() {
            final Tensor p = parameter("p", init);
        };
        Tensor p = m.parameterAt("p");
        assertTrue(p.requiresGrad() && p.isLeaf());
        init.data()[0] = 9f;
        assertEquals(1f, p.get(0), "the parameter owns a copy of its initial values");
    }

    @Test
    void tiedParametersAndSharedChildrenAreListedOnce() {
        Pair shared = new Pair();
        Module m = new Module() {
            final Pair one = module("one", shared);
            final Pair two = module("two", shared);
            final Tensor tied = registerParameter("tied", shared.a);
        };
        assertEquals(List.of("one.a", "one.b"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(9, m.parameterCount());
    }

    @Test
    void badNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Module() {
            final Tensor p = parameter("a.b", Tensor.zeros(1));
        });
        var e = assertThrows(IllegalArgumentException.class, () -> new Module() {
            final Tensor p = parameter("w", Tensor.zeros(1));
            final Tensor q = parameter("w", Tensor.zeros(1));
        });
        assertTrue(e.getMessage().contains("'w'"));
        assertThrows(IllegalArgumentException.class, () -> new Module() {
            final Tensor p = registerParameter("x", Tensor.zeros(1)); // not trainable
        });
    }

    @Test
    void zeroGradAndTrainingFlagReachEveryDescendant() {
        Tree t = new Tree();
        t.left.a.grad()[4] = 3f;
        t.right.inner.b.grad()[0] = -1f;
        t.zeroGrad();
        assertArrayEquals(new float[6], t.left.a.grad());
        assertArrayEquals(new float[3], t.right.inner.b.grad());
        assertNull(t.middle.gradOrNull(), "zeroGrad does not allocate");
        assertTrue(t.right.inner.isTraining());
        t.eval();
        assertFalse(t.right.inner.isTraining());
        t.train(true);
        assertTrue(t.left.isTraining());
    }

    @Test
    void snapshotAndRestoreKeepTheBestWeights() {
        Tree t = new Tree();
        t.left.a.data()[2] = 7f;
        var best = t.snapshot();
        t.left.a.data()[2] = -1f;
        t.middle.data()[0] = 5f;
        t.restore(best);
        assertEquals(7f, t.left.a.get(0, 2));
        assertEquals(0f, t.middle.get(0));
        best.put("middle", new float[3]);
        var e = assertThrows(IllegalArgumentException.class, () -> t.restore(best));
        assertTrue(e.getMessage().contains("'middle'"), e.getMessage());
        best.remove("middle");
        e = assertThrows(IllegalArgumentException.class, () -> t.restore(best));
        assertTrue(e.getMessage().contains("'middle' is missing"), e.getMessage());
    }
}
