package dev.drex.engine.tensor;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.autograd.Grad;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void rowsAndReshapeAreViewsSharingStorage() {
        Tensor t = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 2, 2);
        Tensor mid = t.rows(1, 3);
        assertArrayEquals(new int[] {2, 2, 2}, mid.shape());
        assertSame(t.data(), mid.data());
        assertEquals(4, mid.offset());
        assertEquals(6f, mid.get(0, 1, 0));
        Tensor flat = mid.reshape(-1, 4);
        assertArrayEquals(new int[] {2, 4}, flat.shape());
        flat.set(100f, 1, 3);
        assertEquals(100f, t.get(2, 1, 1), "a write through a view is visible in the source");
        assertThrows(IllegalArgumentException.class, () -> t.reshape(5, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.rows(2, 4));
    }

    @Test
    void viewGradientsFlowIntoTheSourceSlice() {
        Tensor p = Tensor.parameter("p", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        Tensor v = p.rows(1, 2).reshape(2);
        v.backward(new float[] {10f, 20f});
        assertArrayEquals(new float[] {0, 0, 10, 20, 0, 0}, p.grad());
    }

    @Test
    void noGradRecordsNothingAndAllocatesNoGradient() {
        Tensor p = Tensor.parameter("p", Tensor.zeros(4, 3));
        try (var off = Grad.off()) {
            Tensor v = p.rows(0, 2);
            assertFalse(v.requiresGrad());
            assertNull(v.creator());
        }
        assertNull(p.gradOrNull());
        assertTrue(p.rows(0, 2).requiresGrad(), "recording resumes after the scope closes");
    }

    @Test
    void initializersAreSeededAndScaled() {
        var a = Init.xavierUniform(Init.rng(7), 64, 32);
        var b = Init.xavierUniform(Init.rng(7), 64, 32);
        assertArrayEquals(a.toArray(), b.toArray());
        double bound = Math.sqrt(6.0 / 96);
        double max = 0, sumSq = 0;
        for (float x : a.toArray()) {
            max = Math.max(max, Math.abs(x));
            sumSq += x * x;
        }
        assertTrue(max <= bound);
        // variance of U(-a,a) is a^2/3 = 2/(in+out)
        assertEquals(2.0 / 96, sumSq / a.size(), 0.15 * 2.0 / 96);
        var n = Init.normal(Init.rng(1), 0f, 0.1f, 10000);
        double s2 = 0;
        for (float x : n.toArray()) s2 += x * x;
        assertEquals(0.01, s2 / 10000, 0.001);
    }
}
