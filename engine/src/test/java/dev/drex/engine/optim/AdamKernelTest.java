package dev.drex.engine.optim;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.tensor.Init;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AdamKernelTest {

    private static float[] random(RandomGenerator rng, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
        return a;
    }

    @Test
    void simdEqualsScalarBitForBitAtAwkwardSizesAndOffsets() {
        RandomGenerator rng = Init.rng(2026);
        for (int n : new int[] {1, 3, 15, 17, 33, 1000, 1037}) {
            for (int off : new int[] {0, 5}) {
                float[] w = random(rng, n + off + 3, 2), g = random(rng, n, 1), m = random(rng, n, 0.1), v = random(rng, n, 0.01);
                for (int i = 0; i < n; i++) v[i] = Math.abs(v[i]);
                float[] w2 = w.clone(), m2 = m.clone(), v2 = v.clone();
                // step 3 of AdamW, lr 1e-3, wd 1e-2
                float stepSize = (float) (1e-3 / (1 - Math.pow(0.9, 3)));
                float invSqrtBc2 = (float) (1 / Math.sqrt(1 - Math.pow(0.999, 3)));
                AdamKernel.scalar(w, off, g, m, v, n, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, stepSize, invSqrtBc2, 1 - 1e-5f);
                AdamKernel.simd(w2, off, g, m2, v2, n, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, stepSize, invSqrtBc2, 1 - 1e-5f);
                String at = "n=" + n + " off=" + off;
                assertArrayEquals(w, w2, 0f, at + " w");
                assertArrayEquals(m, m2, 0f, at + " m");
                assertArrayEquals(v, v2, 0f, at + " v");
            }
        }
    }
}
