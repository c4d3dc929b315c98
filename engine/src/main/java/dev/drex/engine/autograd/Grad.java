package dev.drex.engine.autograd;

/**
 * Whether ops record the graph on this thread. Recording is on by default; inference wraps its work in
 * {@code try (var off = Grad.off()) { ... }}: inside, ops record nothing and allocate no gradient buffers.
 */
public final class Grad {
    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Grad() {}

    /** True when ops on this thread record their inputs for backward. */
    public static boolean enabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    /** Turns recording off until the returned scope is closed (scopes nest). */
    public static Scope off() {
        int[] d = DISABLED_DEPTH.get();
        d[0]++;
        return new Scope(d);
    }

    /** A no-grad region; closing it restores the previous state. */
    public static final class Scope implements AutoCloseable {
        private final int[] depth;
        private boolean closed;

        private Scope(int[] depth) {
            this.depth = depth;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                depth[0]--;
            }
        }
    }
}
