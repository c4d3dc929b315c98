package dev.drex.engine.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The one place where threads start. Kernels stay single-threaded; callers split work into
 * independent chunks and hand them to {@link #forRange}.
 *
 * <p>The thread count defaults to the number of available processors and can be set with
 * {@code -Ddrex.threads=N} or {@link #setThreads(int)} (benchmarks compare 1 and 2 threads).
 * With one thread every body runs inline on the caller: no pool, no hand-off. With N threads the
 * caller is one of them: a pool of N - 1 workers helps it, chunks going to whoever claims them
 * first, so a region never waits for a worker that has not started (see {@code Region}). Calls
 * made from inside a chunk run inline (no nested fan-out).
 */
public final class Parallel {

    /** A body over the half-open chunk range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static volatile int threads = initialThreads();
    /** Parallel regions the current (non-pool) thread is running a chunk of: > 0 means nested calls run inline. */
    private static final ThreadLocal<int[]> IN_REGION = ThreadLocal.withInitial(() -> new int[1]);
    /** Busy-wait iterations (about 10-40 ns each) before the caller sleeps to wait for a worker's chunk. */
    private static final int SPINS = 2000;
    private static volatile ForkJoinPool pool;

    private Parallel() {}

    private static int initialThreads() {
        String p = System.getProperty("drex.threads");
        int n = Runtime.getRuntime().availableProcessors();
        if (p != null && !p.isBlank()) {
            try {
                n = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-Ddrex.threads must be a positive integer, got '" + p + "'");
            }
        }
        if (n < 1) throw new IllegalArgumentException("-Ddrex.threads must be >= 1, got " + n);
        return n;
    }

    /** Number of threads {@link #forRange} may use. */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads; 1 runs everything on the calling thread. */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        if (n != threads) {
            ForkJoinPool old = pool;
            pool = null;
            threads = n;
            if (old != null) old.shutdown();
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(Math.max(1, threads - 1)); // the calling thread is the other one
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into {@code chunks} contiguous pieces of nearly
     * equal size (the first {@code n % chunks} pieces one larger). Returns when all are done; if a
     * piece threw, rethrows the first failure once every piece has ended.
     * Use {@code chunks = threads()} for balanced work, more for uneven work.
     */
    public static void forRange(int n, int chunks, RangeBody body) {
        if (n <= 0) return;
        chunks = Math.max(1, Math.min(chunks, n));
        if (chunks == 1 || threads == 1 || ForkJoinTask.inForkJoinPool() || IN_REGION.get()[0] > 0) {
            // Inline: one thread, one chunk, or already inside a parallel region (no nested fan-out).
            if (chunks == 1) {
                body.run(0, n);
            } else {
                for (int c = 0; c < chunks; c++) body.run(start(n, chunks, c), start(n, chunks, c + 1));
            }
            return;
        }
        new Region(n, chunks, body).run(pool());
    }

    /**
     * One parallel region: chunks are claimed in order from a shared counter by whoever comes
     * first, the calling thread and up to {@code threads - 1} pool workers. The caller never waits
     * for a worker to start (on a busy machine a worker may be descheduled for milliseconds): if
     * none has, it runs every chunk itself; it waits only for chunks a worker has already claimed.
     */
    private static final class Region {
        private final int n, chunks;
        private final RangeBody body;
        private final AtomicInteger next = new AtomicInteger(), completed = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread caller = Thread.currentThread();

        Region(int n, int chunks, RangeBody body) {
            this.n = n;
            this.chunks = chunks;
            this.body = body;
        }

        void run(ForkJoinPool pool) {
            int helpers = Math.min(chunks, threads) - 1;
            for (int h = 0; h < helpers; h++) pool.execute(this::claimAndRun);
            int[] depth = IN_REGION.get();
            depth[0]++;
            try {
                claimAndRun();
            } finally {
                depth[0]--;
            }
            for (int spin = 0; completed.get() < chunks; spin++) {
                // a claimed chunk usually ends within microseconds: spin briefly, then sleep until its worker wakes us
                if (spin < SPINS) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 100_000);
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
        }

        /** Runs chunks until none is left to claim. */
        private void claimAndRun() {
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                try {
                    body.run(start(n, chunks, c), start(n, chunks, c + 1));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    if (completed.incrementAndGet() == chunks && Thread.currentThread() != caller) LockSupport.unpark(caller);
                }
            }
        }
    }

    /** {@link #forRange(int, int, RangeBody)} with one chunk per thread. */
    public static void forRange(int n, RangeBody body) {
        forRange(n, threads, body);
    }

    private static int start(int n, int chunks, int c) {
        int base = n / chunks, rem = n % chunks;
        return c * base + Math.min(c, rem);
    }
}
