package dev.drex.tokenizer.bert;

import java.util.Arrays;

/** A growable list of {@code int}s (token ids) without boxing. Not thread-safe. */
final class IntList {

    private int[] values = new int[32];
    private int size;

    void add(int v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    int size() { return size; }

    int get(int i) { return values[i]; }

    void clear() { size = 0; }

    void removeLast() { size--; }

    int[] toArray() { return Arrays.copyOf(values, size); }
}
