package dev.drex.engine.optim;

import dev.drex.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first-order optimizer over named parameters (the map {@code Module.namedParameters()} returns).
 *
 * <p>{@link #step()} reads each parameter's gradient and updates its values in place, one flat loop per
 * parameter over {@code data[offset .. offset+size)}. A parameter whose gradient buffer was never
 * allocated (it took no part in any backward since it was created) is skipped, as PyTorch skips
 * {@code grad is None}; a zero-filled gradient is an ordinary zero gradient.
 *
 * <p>The state ({@link #state()}: moment buffers keyed by {@code <kind>.<parameter name>}, plus
 * {@link #stepCount()}) is everything needed to resume training exactly; {@link #loadState} restores it.
 */
public abstract class Optimizer {
    protected final List<String> names;
    protected final List<Tensor> params;
    protected double learningRate;
    protected long stepCount;

    protected Optimizer(Map<String, Tensor> namedParams, double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
        this.names = new ArrayList<>(namedParams.keySet());
        this.params = new ArrayList<>(namedParams.values());
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (!p.isLeaf() || !p.requiresGrad()) {
                throw new IllegalArgumentException("'" + names.get(i) + "' is not a trainable leaf tensor: " + p);
            }
        }
        this.learningRate = learningRate;
    }

    /** Applies one update to every parameter from its current gradient, then counts the step. */
    public final void step() {
        stepCount++;
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            float[] g = p.gradOrNull();
            if (g != null) update(i, p.data(), p.offset(), g, p.size());
        }
    }

    /**
     * Updates parameter {@code index}: values {@code w[off .. off+n)}, gradient {@code g[0 .. n)}.
     * {@link #stepCount} already counts this step (1 on the first call).
     */
    protected abstract void update(int index, float[] w, int off, float[] g, int n);

    /** Fills every parameter's gradient with zeros (buffers are kept for the next backward). */
    public final void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    public final double learningRate() {
        return learningRate;
    }

    /** Sets the learning rate for the following steps (for schedules). */
    public final void setLearningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + lr);
        this.learningRate = lr;
    }

    /** Number of {@link #step()} calls so far (restored by {@link #loadState}). */
    public final long stepCount() {
        return stepCount;
    }

    /** The names of the parameters, in update order. */
    public final List<String> parameterNames() {
        return Collections.unmodifiableList(names);
    }

    /** Copies of the state buffers, keyed by {@code <kind>.<parameter name>}, in a fixed order. */
    public final Map<String, float[]> state() {
        LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : buffers().entrySet()) out.put(e.getKey(), e.getValue().clone());
        return out;
    }

    /**
     * Restores the state saved by {@link #state()} and the step count. Every key must be present with the
     * right length and no other key may appear; the error names the offending buffer.
     */
    public final void loadState(Map<String, float[]> state, long steps) {
        if (steps < 0) throw new IllegalArgumentException("step count must be >= 0, got " + steps);
        Map<String, float[]> mine = buffers();
        for (String key : state.keySet()) {
            if (!mine.containsKey(key)) {
                throw new IllegalArgumentException("unexpected optimizer state '" + key + "' (known: " + mine.keySet() + ")");
            }
        }
        for (Map.Entry<String, float[]> e : mine.entrySet()) {
            float[] src = state.get(e.getKey());
            if (src == null) throw new IllegalArgumentException("optimizer state '" + e.getKey() + "' is missing");
            if (src.length != e.getValue().length) {
                throw new IllegalArgumentException("optimizer state '" + e.getKey() + "' has " + src.length
                        + " values, expected " + e.getValue().length);
            }
        }
        for (Map.Entry<String, float[]> e : mine.entrySet()) {
            float[] src = state.get(e.getKey());
            System.arraycopy(src, 0, e.getValue(), 0, src.length);
        }
        this.stepCount = steps;
    }

    /** The live state buffers, keyed by {@code <kind>.<parameter name>}, in a fixed order. */
    protected abstract Map<String, float[]> buffers();
}
