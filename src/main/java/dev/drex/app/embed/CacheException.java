package dev.drex.app.embed;

import java.io.IOException;

/** An embedding cache that cannot be used as asked: corrupted, foreign, made for another model, or incomplete. */
public final class CacheException extends IOException {

    public CacheException(String message) {
        super(message);
    }

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
