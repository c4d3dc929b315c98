package dev.drex.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Parallel#forRange}: every index exactly once, nesting runs inline, concurrent callers, failures. */
class ParallelTest {

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(2);
    }

    @Test
    void everyIndexRunsExactlyOnceInContiguousChunks() {
        for (int threads = 1; threads <= 3; threads++) {
            Parallel.setThreads(threads);
            for (int n : new int[] {1, 2, 3, 17, 1000}) {
                for (int chunks : new int[] {1, 2, 3, 8, 5000}) {
                    AtomicIntegerArray hits = new AtomicIntegerArray(n);
                    Set<Integer> starts = ConcurrentHashMap.newKeySet();
                    Parallel.forRange(n, chunks, (from, to) -> {
                        assertTrue(from < to, "empty chunk [" + from + ", " + to + ")");
                        starts.add(from);
                        for (int i = from; i < to; i++) hits.incrementAndGet(i);
                    });
                    for (int i = 0; i < n; i++) assertEquals(1, hits.get(i), "index " + i + " n=" + n + " chunks=" + chunks);
                    assertEquals(Math.min(n, chunks), starts.size(), "n=" + n + " chunks=" + chunks);
                }
            }
        }
    }

    @Test
    void nestedRegionsRunInlineOnTheThreadOfTheOuterChunk() {
        Parallel.setThreads(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(4 * 50);
        Parallel.forRange(4, 4, (from, to) -> {
            Thread outer = Thread.currentThread();
            Parallel.forRange(50, 5, (f, t) -> {
                assertSame(outer, Thread.currentThread());
                for (int i = f; i < t; i++) hits.incrementAndGet(from * 50 + i);
            });
        });
        for (int i = 0; i < hits.length(); i++) assertEquals(1, hits.get(i), "index " + i);
    }

    @Test
    void concurrentCallersShareThePool() throws Exception {
        Parallel.setThreads(2);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Long>> sums = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                sums.add(callers.submit(() -> {
                    long total = 0;
                    for (int rep = 0; rep < 200; rep++) {
                        long[] part = new long[2];
                        Parallel.forRange(1000, 2, (from, to) -> {
                            for (int i = from; i < to; i++) part[from == 0 ? 0 : 1] += i;
                        });
                        total += part[0] + part[1];
                    }
                    return total;
                }));
            }
            for (Future<Long> s : sums) assertEquals(200L * 999 * 1000 / 2, s.get());
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void theCallerAndAWorkerRunChunksAtTheSameTime() throws Exception {
        Parallel.setThreads(2);
        for (int rep = 0; rep < 20; rep++) {
            CountDownLatch started = new CountDownLatch(2);
            AtomicReference<Thread>[] ran = new AtomicReference[] {new AtomicReference<>(), new AtomicReference<>()};
            Parallel.forRange(2, 2, (from, to) -> {
                ran[from].set(Thread.currentThread());
                started.countDown();
                try {
                    // each chunk waits for the other to start: only two threads at once can pass
                    assertTrue(started.await(10, TimeUnit.SECONDS), "the other chunk never started: no worker took it");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertNotSame(ran[0].get(), ran[1].get());
            assertTrue(ran[0].get() == Thread.currentThread() || ran[1].get() == Thread.currentThread(),
                    "the caller runs one of the chunks itself");
        }
    }

    @Test
    void aFailingChunkReachesTheCallerAndThePoolKeepsWorking() {
        Parallel.setThreads(2);
        for (int failing = 0; failing < 4; failing++) {
            int bad = failing;
            AtomicIntegerArray hits = new AtomicIntegerArray(4);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(4, 4, (from, to) -> {
                hits.incrementAndGet(from);
                if (from == bad) throw new IllegalStateException("chunk " + from);
            }));
            assertEquals("chunk " + bad, e.getMessage());
            for (int i = 0; i < 4; i++) assertEquals(1, hits.get(i), "every other chunk still ran once");
        }
        long[] sum = new long[1];
        Parallel.forRange(100, 2, (from, to) -> {
            long s = 0;
            for (int i = from; i < to; i++) s += i;
            synchronized (sum) {
                sum[0] += s;
            }
        });
        assertEquals(4950, sum[0]);
    }

    @Test
    void anInterruptedCallerWaitsForEveryChunkAndKeepsItsInterruptFlag() {
        Parallel.setThreads(2);
        AtomicIntegerArray done = new AtomicIntegerArray(2);
        Thread.currentThread().interrupt();
        try {
            Parallel.forRange(2, 2, (from, to) -> {
                if (Thread.currentThread().getName().startsWith("drex-parallel")) {
                    long end = System.nanoTime() + 50_000_000L;   // the worker's chunk outlasts the caller's
                    while (System.nanoTime() < end) Thread.onSpinWait();
                }
                done.incrementAndGet(from);
            });
            assertEquals(1, done.get(0));
            assertEquals(1, done.get(1));
            assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt flag survives the wait");
        } finally {
            Thread.interrupted();
        }
    }
}
