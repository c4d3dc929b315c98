package dev.drex.engine.io;

import java.io.IOException;

/**
 * A checkpoint file (safetensors, TensorFlow tensor bundle, ONNX) is malformed or does not hold
 * what the caller needs. The message always names the file and, where there is one, the tensor,
 * and gives what was expected next to what was found.
 */
public final class CheckpointFormatException extends IOException {

    public CheckpointFormatException(String message) {
        super(message);
    }

    public CheckpointFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
