package dev.drex.engine.tensor;

import dev.drex.engine.autograd.Backward;
import dev.drex.engine.autograd.Op;
import java.util.Arrays;

/**
 * A float32, row-major, contiguous tensor of any rank, with an optional gradient.
 *
 * <p>Storage is a {@code float[]} shared with views: a tensor is (data, offset, shape), and its elements
 * are {@code data[offset .. offset+size)} in row-major order. {@link #rows(int, int)} (a range along the
 * first dimension) and {@link #reshape(int...)} are views without copies. When recording is on and the
 * source requires a gradient, a view is itself a graph node whose backward adds into the source's gradient.
 *
 * <p>Gradient buffers are allocated on first use ({@link #grad()}); ops under {@code Grad.off()} record
 * nothing, so inference allocates none.
 * Leaves (parameters, inputs) keep theirs after {@link #backward()}; intermediate results drop theirs as
 * soon as they have been propagated, so a training step's memory is freed as it goes.
 */
public final class Tensor {
    private final float[] data;
    private final int offset;
    private final int[] shape;
    private final int size;

    private boolean requiresGrad;
    private float[] grad;
    private Op creator;
    private String name;

    /** Wraps {@code data[offset .. offset+size(shape))} without copying. */
    public Tensor(float[] data, int offset, int... shape) {
        this.shape = shape.clone();
        this.size = Shape.size(this.shape);
        if (offset < 0 || (long) offset + size > data.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " at offset " + offset
                    + " does not fit in a buffer of " + data.length + " floats");
        }
        this.data = data;
        this.offset = offset;
    }

    // ---------------------------------------------------------------- factories

    /** A new zero tensor. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shape.size(shape)], 0, shape);
    }

    /** A new tensor filled with {@code value}. */
    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    /** Wraps {@code values} (not copied) with the given shape; the lengths must agree. */
    public static Tensor of(float[] values, int... shape) {
        if (Shape.size(shape) != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
        }
        return new Tensor(values, 0, shape);
    }

    /** A rank-1 tensor holding a copy of {@code values}. */
    public static Tensor vector(float... values) {
        return new Tensor(values.clone(), 0, values.length);
    }

    /** A rank-0 tensor. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, 0);
    }

    /** A leaf that requires a gradient: a trainable parameter. */
    public static Tensor parameter(String name, Tensor init) {
        Tensor p = init.copy();
        p.requiresGrad = true;
        p.name = name;
        return p;
    }

    // ---------------------------------------------------------------- shape and storage

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int i) {
        return shape[i < 0 ? shape.length + i : i];
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return size;
    }

    /** Product of all dimensions but the last: the number of rows of the 2-D view {@code (rows, cols)}. */
    public int rowCount() {
        int r = 1;
        for (int i = 0; i < shape.length - 1; i++) r *= shape[i];
        return r;
    }

    /** The last dimension (1 for a scalar). */
    public int colCount() {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /** The backing array (shared with views). Elements live at {@code [offset(), offset()+size())}. */
    public float[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public boolean sameShape(Tensor o) {
        return Arrays.equals(shape, o.shape);
    }

    /** Element at a multi-index. */
    public float get(int... idx) {
        return data[offset + flatIndex(idx)];
    }

    /** Sets the element at a multi-index (no graph is recorded: for building inputs and tests). */
    public void set(float v, int... idx) {
        data[offset + flatIndex(idx)] = v;
    }

    /** The value of a one-element tensor. */
    public float item() {
        if (size != 1) throw new IllegalStateException("item() on a tensor of shape " + Arrays.toString(shape));
        return data[offset];
    }

    /** A fresh copy of the elements. */
    public float[] toArray() {
        return Arrays.copyOfRange(data, offset, offset + size);
    }

    /** A new tensor with copied data and the same shape, detached from the graph. */
    public Tensor copy() {
        return new Tensor(toArray(), 0, shape);
    }

    /** Same storage, no graph, no gradient requirement. */
    public Tensor detach() {
        return new Tensor(data, offset, shape);
    }

    private int flatIndex(int[] idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(idx) + " for shape " + Arrays.toString(shape));
        }
        int flat = 0;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(idx) + " out of shape " + Arrays.toString(shape));
            }
            flat = flat * shape[i] + idx[i];
        }
        return flat;
    }

    // ---------------------------------------------------------------- views

    /** Rows {@code [from, to)} along the first dimension, sharing storage. */
    public Tensor rows(int from, int to) {
        return View.rows(this, from, to);
    }

    /** The same elements with another shape (one entry may be -1), sharing storage. */
    public Tensor reshape(int... newShape) {
        return View.reshape(this, Shape.infer(size, newShape));
    }

    // ---------------------------------------------------------------- autodiff

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf as needing a gradient. Only leaves may be marked. */
    public Tensor requiresGrad(boolean on) {
        if (creator != null && !on) throw new IllegalStateException("cannot clear requiresGrad on a non-leaf; use detach()");
        requiresGrad = on;
        return this;
    }

    /** The op that produced this tensor, or null for a leaf. */
    public Op creator() {
        return creator;
    }

    public boolean isLeaf() {
        return creator == null;
    }

    /** Called by an op's {@code apply} when it records itself: this tensor becomes its output. */
    public Tensor recordedBy(Op op) {
        this.creator = op;
        this.requiresGrad = true;
        return this;
    }

    /** dL/d(this), allocated as zeros on first call. Same layout as the data, offset 0. */
    public float[] grad() {
        if (grad == null) grad = new float[size];
        return grad;
    }

    /** The gradient if one was allocated, else null (does not allocate). */
    public float[] gradOrNull() {
        return grad;
    }

    /** The gradient as a tensor (a copy), or null. */
    public Tensor gradTensor() {
        return grad == null ? null : new Tensor(grad.clone(), 0, shape);
    }

    /** Drops the gradient buffer (optimizers call this between steps, or fill it with zeros). */
    public void zeroGrad() {
        if (grad != null) Arrays.fill(grad, 0f);
    }

    /** Frees the gradient buffer. */
    public void clearGrad() {
        grad = null;
    }

    /** Backpropagates from this one-element tensor (seed 1). See {@link Backward#run}. */
    public void backward() {
        if (size != 1) throw new IllegalStateException("backward() needs a scalar; shape is " + Arrays.toString(shape));
        Backward.run(this, new float[] {1f}, false);
    }

    /** Backpropagates from this tensor with the given seed gradient (same size). */
    public void backward(float[] seed) {
        Backward.run(this, seed, false);
    }

    public String name() {
        return name;
    }

    public Tensor name(String n) {
        this.name = n;
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor");
        if (name != null) sb.append(' ').append(name);
        sb.append(Arrays.toString(shape));
        if (creator != null) sb.append(" <- ").append(creator.name());
        if (size <= 16) sb.append(' ').append(Arrays.toString(toArray()));
        return sb.toString();
    }
}
