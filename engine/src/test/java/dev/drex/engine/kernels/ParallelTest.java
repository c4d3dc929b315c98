package dev.drex.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Parallel#forRange}: every index exactly once, nesting runs inline, concurrent callers. */
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
}
