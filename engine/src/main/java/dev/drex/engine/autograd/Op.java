package dev.drex.engine.autograd;

import dev.drex.engine.tensor.Tensor;

/**
 * A recorded operation: one node of the reverse-mode graph. Each concrete op is one class holding its
 * forward ({@code static Tensor apply(...)}) and its {@link #backward}, saving in named fields only what
 * backward needs.
 *
 * <p>Contract of {@link #backward}: read {@code out.grad()} (dL/d out) and ADD (never assign) dL/d input
 * into {@code input.grad()} for every input with {@code requiresGrad()}. Gradients accumulate, so an
 * input used twice receives both contributions.
 */
public abstract class Op {
    /** The inputs this op read, in order. Cleared by {@link #release()} once backward has run. */
    protected Tensor[] inputs;

    protected Op(Tensor... inputs) {
        this.inputs = inputs;
    }

    /** The inputs, for graph traversal (empty after release). */
    public final Tensor[] inputs() {
        return inputs == null ? new Tensor[0] : inputs;
    }

    /** Accumulates input gradients from {@code out.grad()}. */
    protected abstract void backward(Tensor out);

    /** Drops saved state so memory can be reclaimed after backward; subclasses null their saved fields. */
    protected void release() {
        inputs = null;
    }

    /** A short name for error messages and graph dumps. */
    public String name() {
        return getClass().getSimpleName();
    }

    /** Lets {@link Backward} call the protected hooks from outside the subclass. */
    static void runBackward(Op op, Tensor out) {
        op.backward(out);
    }

    static void runRelease(Op op) {
        op.release();
    }

    /**
     * True when an op whose inputs are {@code ts} must record itself: recording is on and at least one
     * input requires a gradient.
     */
    public static boolean recording(Tensor... ts) {
        if (!Grad.enabled()) return false;
        for (Tensor t : ts) if (t != null && t.requiresGrad()) return true;
        return false;
    }
}
