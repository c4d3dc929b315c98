package dev.drex.engine.io;

import java.io.IOException;

/** Where a streamed tensor's values go, in row-major order (see {@link SafetensorsWriter}). */
public interface FloatSink {

    void put(float value) throws IOException;

    /** Puts {@code values[offset, offset + length)} in order. */
    default void put(float[] values, int offset, int length) throws IOException {
        for (int i = 0; i < length; i++) put(values[offset + i]);
    }

    default void put(float[] values) throws IOException {
        put(values, 0, values.length);
    }
}
