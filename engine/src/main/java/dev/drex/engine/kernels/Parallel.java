package dev.drex.engine.kernels;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place where threads start. Kernels stay single-threaded; callers split work into
 * independent chunks and hand them to {@link #forRange}.
 *
 * <p>The thread count defaults to the number of available processors and can be set with
 * {@code -Ddrex.threads=N} or {@link #setThreads(int)} (benchmarks compare 1 and 2 threads).
 * With one thread every body runs inline on the caller: no pool, no hand-off.
 *
 * <p>How a region runs. The pool is the caller plus {@code threads - 1} daemon workers. The
 * caller publishes a job (the body and a chunk counter), and then the caller and the workers
 * claim chunks from the counter until none is left; the caller waits for the last chunk to
 * finish and rethrows the first exception any chunk threw. Which thread runs which chunk varies,
 * the chunks' bounds do not, so results never depend on the schedule.
 *
 * <p>Why not a {@link java.util.concurrent.ForkJoinPool}: a BERT-base forward at batch 1 opens
 * ~110 regions of 0.1-3 ms each, and a fork/join region costs two to three thread wake-ups in a
 * row (the pool worker that takes the submitted task, the worker that steals the forked half,
 * the caller when it is done), each tens of microseconds on a virtual machine whose idle vCPU has
 * halted. Here the caller works instead of waiting, and an idle worker (or a caller waiting for
 * the last chunk) first spins for {@code -Ddrex.parallel.spinMicros} (default 100) before it
 * parks, so the next region of a forward finds it awake. Spinning burns CPU that another process
 * could use: {@code -Ddrex.parallel.spinMicros=0} parks at once (the cost is only latency).
 *
 * <p>Nesting: a region opened inside a chunk runs inline on that chunk's thread (no nested
 * fan-out), as does a region opened inside a {@link java.util.concurrent.ForkJoinPool} task or
 * while another caller's region holds the pool (callers never queue behind each other).
 */
public final class Parallel {

    /** A body over the half-open chunk range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** How long an idle worker, or a caller waiting for the last chunk, spins before parking. */
    static final long SPIN_NANOS = spinNanos();

    private static volatile int threads = initialThreads();
    private static volatile Pool pool;

    /** True on a thread while it runs a chunk: nested regions then run inline. */
    private static final ThreadLocal<boolean[]> IN_REGION = ThreadLocal.withInitial(() -> new boolean[1]);

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

    private static long spinNanos() {
        String p = System.getProperty("drex.parallel.spinMicros", "100");
        try {
            long micros = Long.parseLong(p.trim());
            if (micros < 0) throw new NumberFormatException();
            return micros * 1000;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Ddrex.parallel.spinMicros must be a non-negative integer, got '" + p + "'");
        }
    }

    /** Number of threads {@link #forRange} may use. */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads; 1 runs everything on the calling thread. */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        if (n != threads) {
            Pool old = pool;
            pool = null;
            threads = n;
            if (old != null) old.shutdown();
        }
    }

    private static Pool pool() {
        Pool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new Pool(threads - 1);
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
        if (chunks == 1 || threads == 1) {   // the common case of small ops: no thread-local lookup
            runInline(n, chunks, body);
            return;
        }
        boolean[] inRegion = IN_REGION.get();
        if (inRegion[0] || ForkJoinTask.inForkJoinPool()) {
            runInline(n, chunks, body);
            return;
        }
        Pool p = pool();
        if (!p.lock.tryLock()) {           // another caller's region holds the workers
            runInline(n, chunks, body);
            return;
        }
        try {
            p.run(new Job(n, chunks, body, Thread.currentThread()), inRegion);
        } finally {
            p.lock.unlock();
        }
    }

    /** {@link #forRange(int, int, RangeBody)} with one chunk per thread. */
    public static void forRange(int n, RangeBody body) {
        forRange(n, threads, body);
    }

    /** The chunks one after another on the calling thread (nested regions inside stay inline). */
    private static void runInline(int n, int chunks, RangeBody body) {
        for (int c = 0; c < chunks; c++) body.run(start(n, chunks, c), start(n, chunks, c + 1));
    }

    private static int start(int n, int chunks, int c) {
        int base = n / chunks, rem = n % chunks;
        return c * base + Math.min(c, rem);
    }

    /** One region: its chunks are claimed through {@code next}; the last to finish wakes the caller. */
    private static final class Job {
        final int n, chunks;
        final RangeBody body;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile boolean callerParked;
        volatile Throwable error;

        Job(int n, int chunks, RangeBody body, Thread caller) {
            this.n = n;
            this.chunks = chunks;
            this.body = body;
            this.caller = caller;
        }

        /** Claims and runs chunks until none is left. */
        void work(boolean[] inRegion) {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                inRegion[0] = true;
                try {
                    body.run(start(n, chunks, c), start(n, chunks, c + 1));
                } catch (Throwable t) {
                    if (error == null) error = t;
                } finally {
                    inRegion[0] = false;
                }
                if (done.incrementAndGet() == chunks && callerParked) LockSupport.unpark(caller);
            }
        }

        boolean finished() {
            return done.get() == chunks;
        }
    }

    /** The workers and the job they look for; one region at a time (the lock). */
    private static final class Pool {
        final ReentrantLock lock = new ReentrantLock();
        private final Worker[] workers;
        private volatile Job job;
        private volatile long generation;
        private volatile boolean shutdown;

        Pool(int size) {
            workers = new Worker[size];
            for (int i = 0; i < size; i++) {
                workers[i] = new Worker(this, i);
                workers[i].start();
            }
        }

        /** Publishes the job, works on it, waits for every chunk; rethrows the first failure. */
        void run(Job j, boolean[] inRegion) {
            job = j;
            generation++;                        // only the lock holder writes it
            for (Worker w : workers) if (w.parked) LockSupport.unpark(w);
            j.work(inRegion);
            if (!j.finished()) {
                long deadline = System.nanoTime() + SPIN_NANOS;
                while (!j.finished() && System.nanoTime() < deadline) Thread.onSpinWait();
                if (!j.finished()) {
                    j.callerParked = true;
                    boolean interrupted = false;
                    while (!j.finished()) {
                        LockSupport.park(this);
                        if (Thread.interrupted()) interrupted = true;   // park returns at once while the flag is set
                    }
                    if (interrupted) Thread.currentThread().interrupt();
                }
            }
            job = null;                          // let the body be collected
            Throwable t = j.error;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            if (t != null) throw new RuntimeException(t);
        }

        void shutdown() {
            shutdown = true;
            for (Worker w : workers) LockSupport.unpark(w);
        }
    }

    private static final class Worker extends Thread {
        private final Pool pool;
        volatile boolean parked;

        Worker(Pool pool, int index) {
            super("drex-parallel-" + (index + 1));
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            boolean[] inRegion = IN_REGION.get();
            long seen = 0;
            while (true) {
                long g = pool.generation;
                if (g == seen) {
                    long deadline = System.nanoTime() + SPIN_NANOS;
                    while ((g = pool.generation) == seen && !pool.shutdown && System.nanoTime() < deadline) Thread.onSpinWait();
                    if (g == seen && !pool.shutdown) {
                        parked = true;
                        while ((g = pool.generation) == seen && !pool.shutdown) LockSupport.park(this);
                        parked = false;
                    }
                }
                if (pool.shutdown) return;
                seen = g;
                work(pool.job, inRegion);
            }
        }

        /** A separate frame, so that an idle worker holds no reference to the last job (and what its body captured). */
        private static void work(Job j, boolean[] inRegion) {
            if (j != null) j.work(inRegion);
        }
    }
}
