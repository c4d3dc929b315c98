package dev.drex.engine.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The one place where threads start. Kernels stay single-threaded; callers split work into
 * independent chunks and hand them to {@link #forRange}.
 *
 * <p>The thread count defaults to the number of available processors and can be set with
 * {@code -Ddrex.threads=N} or {@link #setThreads(int)} (benchmarks compare 1 and 2 threads).
 * With one thread every body runs inline on the caller: no pool, no hand-off.
 */
public final class Parallel {

    /** A body over the half-open chunk range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static volatile int threads = initialThreads();
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
                    p = new ForkJoinPool(threads);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into {@code chunks} contiguous pieces of nearly
     * equal size (the first {@code n % chunks} pieces one larger). Returns when all are done.
     * Use {@code chunks = threads()} for balanced work, more for uneven work.
     */
    public static void forRange(int n, int chunks, RangeBody body) {
        if (n <= 0) return;
        chunks = Math.max(1, Math.min(chunks, n));
        if (chunks == 1 || threads == 1 || ForkJoinTask.inForkJoinPool()) {
            // Inline: one thread, one chunk, or already inside a parallel region (no nested fan-out).
            if (chunks == 1) {
                body.run(0, n);
            } else {
                for (int c = 0; c < chunks; c++) body.run(start(n, chunks, c), start(n, chunks, c + 1));
            }
            return;
        }
        final int total = chunks;
        pool().invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[total - 1];
                for (int c = 1; c < total; c++) {
                    final int from = start(n, total, c), to = start(n, total, c + 1);
                    tasks[c - 1] = ForkJoinTask.adapt(() -> body.run(from, to)).fork();
                }
                body.run(0, start(n, total, 1));
                for (int i = tasks.length - 1; i >= 0; i--) tasks[i].join();
            }
        });
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
