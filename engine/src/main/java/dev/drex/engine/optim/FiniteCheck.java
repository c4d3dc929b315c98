package dev.drex.engine.optim;

import dev.drex.engine.tensor.Tensor;
import java.util.Map;

/**
 * Guards for a training loop: fail fast, naming the parameter, when a value or a gradient is NaN or
 * infinite (a diverging loss, an overflow in a kernel, a bad input row).
 */
public final class FiniteCheck {
    private FiniteCheck() {}

    /**
     * Throws {@link NonFiniteException} naming the first parameter (in map order) whose gradient holds a
     * NaN or an infinity, with the flat index and value. Parameters without a gradient buffer pass.
     */
    public static void requireFiniteGradients(Map<String, Tensor> namedParams) {
        for (Map.Entry<String, Tensor> e : namedParams.entrySet()) {
            float[] g = e.getValue().gradOrNull();
            if (g == null) continue;
            int bad = firstNonFinite(g, 0, e.getValue().size());
            if (bad >= 0) throw new NonFiniteException("gradient of", e.getKey(), e.getValue(), bad, g[bad]);
        }
    }

    /** Throws {@link NonFiniteException} naming the first parameter whose values hold a NaN or an infinity. */
    public static void requireFiniteValues(Map<String, Tensor> namedParams) {
        for (Map.Entry<String, Tensor> e : namedParams.entrySet()) {
            Tensor t = e.getValue();
            int bad = firstNonFinite(t.data(), t.offset(), t.size());
            if (bad >= 0) throw new NonFiniteException("value of", e.getKey(), t, bad, t.data()[t.offset() + bad]);
        }
    }

    /** Index (relative to {@code off}) of the first NaN or infinity in {@code a[off .. off+n)}, or -1. */
    static int firstNonFinite(float[] a, int off, int n) {
        for (int i = 0; i < n; i++) if (!Float.isFinite(a[off + i])) return i;
        return -1;
    }

    /** A NaN or infinity in a named tensor. */
    public static final class NonFiniteException extends IllegalStateException {
        private final String parameterName;

        NonFiniteException(String what, String name, Tensor t, int flatIndex, float value) {
            super(what + " parameter '" + name + "' " + java.util.Arrays.toString(t.shape()) + " is " + value
                    + " at flat index " + flatIndex);
            this.parameterName = name;
        }

        /** The dotted name of the offending parameter. */
        public String parameterName() {
            return parameterName;
        }
    }
}
