package dev.drex.engine.nn;

import dev.drex.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named-parameter registry: the base of every layer and model.
 *
 * <p>A module registers its trainable tensors ({@link #parameter}) and its child modules ({@link #module})
 * under local names. {@link #namedParameters()} walks the tree and returns every parameter under its dotted
 * path, e.g. {@code gru.W_z} or {@code mlp.0.weight}, in registration order (parameters and children
 * interleaved as they were registered), so the order is the same on every run. That map is what optimizers,
 * gradient clipping and checkpoint files take.
 *
 * <p>A tensor registered under two paths (tied weights) is listed once, under the first path met, so an
 * optimizer never updates it twice.
 *
 * <p>Modules carry a training flag ({@link #train(boolean)}, default on) that layers such as dropout read.
 */
public abstract class Module {
    /** Local name -> Tensor (a parameter) or Module (a child), in registration order. */
    private final LinkedHashMap<String, Object> entries = new LinkedHashMap<>();
    private boolean training = true;

    // ---------------------------------------------------------------- registration

    /**
     * Creates a trainable parameter from a copy of {@code init} and registers it under {@code name}.
     *
     * @return the parameter (a leaf with {@code requiresGrad})
     */
    protected final Tensor parameter(String name, Tensor init) {
        checkName(name);
        Tensor p = Tensor.parameter(name, init);
        entries.put(name, p);
        return p;
    }

    /** Registers an existing parameter (e.g. one shared with another module) under {@code name}. */
    protected final Tensor registerParameter(String name, Tensor p) {
        checkName(name);
        if (!p.isLeaf() || !p.requiresGrad()) {
            throw new IllegalArgumentException("'" + name + "' is not a trainable leaf tensor: " + p);
        }
        entries.put(name, p);
        return p;
    }

    /** Registers {@code child} under {@code name}; its parameters appear as {@code name.<child path>}. */
    protected final <M extends Module> M module(String name, M child) {
        checkName(name);
        if (child == this) throw new IllegalArgumentException("a module cannot contain itself ('" + name + "')");
        entries.put(name, child);
        child.train(training);
        return child;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("a local name must be non-empty and contain no '.': '" + name + "' in "
                    + getClass().getSimpleName());
        }
        if (entries.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is already registered in " + getClass().getSimpleName());
        }
    }

    // ---------------------------------------------------------------- queries

    /** Every parameter under its dotted path, in registration order; tied tensors listed once. */
    public final Map<String, Tensor> namedParameters() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, new IdentityHashMap<>());
        return Collections.unmodifiableMap(out);
    }

    private void collect(String prefix, Map<String, Tensor> out, IdentityHashMap<Object, Boolean> seen) {
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            String path = prefix + e.getKey();
            Object v = e.getValue();
            if (seen.put(v, Boolean.TRUE) != null) continue; // a tied tensor or a shared child: first path wins
            if (v instanceof Tensor t) {
                out.put(path, t);
            } else {
                ((Module) v).collect(path + ".", out, seen);
            }
        }
    }

    /** The parameters in the order of {@link #namedParameters()}. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** The parameter at a dotted path. */
    public final Tensor parameterAt(String path) {
        Tensor t = namedParameters().get(path);
        if (t == null) {
            throw new IllegalArgumentException("no parameter '" + path + "' in " + getClass().getSimpleName()
                    + "; parameters: " + namedParameters().keySet());
        }
        return t;
    }

    /** The direct children, in registration order. */
    public final Map<String, Module> children() {
        LinkedHashMap<String, Module> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            if (e.getValue() instanceof Module m) out.put(e.getKey(), m);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Total number of scalar parameters (tied tensors counted once). */
    public final long parameterCount() {
        long n = 0;
        for (Tensor t : namedParameters().values()) n += t.size();
        return n;
    }

    /** Fills every parameter's gradient with zeros (buffers are kept; unallocated ones stay unallocated). */
    public final void zeroGrad() {
        for (Tensor t : namedParameters().values()) t.zeroGrad();
    }

    // ---------------------------------------------------------------- in-memory snapshots

    /** Copies of every parameter's values, by dotted name (e.g. to keep the best weights during training). */
    public final Map<String, float[]> snapshot() {
        LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : namedParameters().entrySet()) out.put(e.getKey(), e.getValue().toArray());
        return out;
    }

    /**
     * Copies values taken by {@link #snapshot()} back into the parameters. The names must match exactly and
     * every length must agree; nothing is copied otherwise, and the error names the parameter.
     */
    public final void restore(Map<String, float[]> values) {
        Map<String, Tensor> params = namedParameters();
        for (String name : values.keySet()) {
            if (!params.containsKey(name)) throw new IllegalArgumentException("restore: unexpected parameter '" + name + "'");
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            float[] v = values.get(e.getKey());
            if (v == null) throw new IllegalArgumentException("restore: parameter '" + e.getKey() + "' is missing");
            if (v.length != e.getValue().size()) {
                throw new IllegalArgumentException("restore: parameter '" + e.getKey() + "' has " + v.length + " values, expected "
                        + e.getValue().size());
            }
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            Tensor t = e.getValue();
            System.arraycopy(values.get(e.getKey()), 0, t.data(), t.offset(), t.size());
        }
    }

    // ---------------------------------------------------------------- training flag

    /** Sets the training flag on this module and all its descendants. */
    public final Module train(boolean on) {
        training = on;
        for (Object v : entries.values()) if (v instanceof Module m) m.train(on);
        return this;
    }

    /** Shorthand for {@code train(false)}. */
    public final Module eval() {
        return train(false);
    }

    /** True while training (dropout active). */
    public final boolean isTraining() {
        return training;
    }

    /** One line per parameter: {@code path shape}, then the total count. */
    public String summary() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('\n');
        for (Map.Entry<String, Tensor> e : namedParameters().entrySet()) {
            sb.append("  ").append(e.getKey()).append(' ').append(java.util.Arrays.toString(e.getValue().shape())).append('\n');
        }
        return sb.append("  parameters: ").append(parameterCount()).toString();
    }
}
