package dev.drex.engine.tensor;

import java.util.Arrays;

/** Shape arithmetic for row-major tensors. Shapes are plain {@code int[]}; this class never stores one. */
public final class Shape {
    private Shape() {}

    /** Number of elements: the product of the dimensions (1 for a scalar, shape {@code []}). */
    public static int size(int[] shape) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= shape[i];
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 elements");
            }
        }
        return (int) n;
    }

    /** Row-major strides: {@code strides[i] = prod(shape[i+1..])}. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Resolves one {@code -1} entry so that the total size is {@code size}; checks the product. */
    public static int[] infer(int size, int... shape) {
        int[] out = shape.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (unknown >= 0) throw new IllegalArgumentException("more than one -1 in shape " + Arrays.toString(shape));
                unknown = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + size + " elements into " + Arrays.toString(shape));
            }
            out[unknown] = (int) (size / known);
        } else if (known != size) {
            throw new IllegalArgumentException("cannot reshape " + size + " elements into " + Arrays.toString(shape));
        }
        return out;
    }

    public static String toString(int[] shape) {
        return Arrays.toString(shape);
    }
}
