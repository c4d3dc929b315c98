package dev.drex.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's float32 FMA peak as Java reaches it: 12 independent chains of {@code fma} on the
 * preferred vector species (no loads, no stores), per thread, on 1 and on N threads at once. The
 * ceiling for any SGEMM and for a BERT forward (bench/README.md, "Where the time goes").
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.drex.bench.FmaPeak [THREADS] [SECONDS]
 * </pre>
 * Prints GFLOP/s per thread by wall clock and by the thread's CPU time (best of several rounds),
 * and the sum over the threads.
 */
public final class FmaPeak {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private FmaPeak() {}

    /** {@code iters} steps of 12 independent FMAs; the result keeps the JIT from dropping the loop. */
    static float chains(long iters) {
        FloatVector a = FloatVector.broadcast(S, 1.0000001f), b = FloatVector.broadcast(S, 0.9999999f);
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        FloatVector c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iters; i++) {
            c0 = a.fma(b, c0); c1 = a.fma(b, c1); c2 = a.fma(b, c2); c3 = a.fma(b, c3);
            c4 = a.fma(b, c4); c5 = a.fma(b, c5); c6 = a.fma(b, c6); c7 = a.fma(b, c7);
            c8 = a.fma(b, c8); c9 = a.fma(b, c9); c10 = a.fma(b, c10); c11 = a.fma(b, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    /** Best {wall, cpu} GFLOP/s of the calling thread over {@code rounds} runs of about {@code seconds}. */
    static double[] measure(int rounds, double seconds) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long iters = 1_000_000;
        double bestWall = 0, bestCpu = 0, sink = 0;
        for (int r = 0; r < rounds + 2; r++) {
            long t0 = System.nanoTime(), c0 = bean.getCurrentThreadCpuTime();
            sink += chains(iters);
            long wall = System.nanoTime() - t0, cpu = bean.getCurrentThreadCpuTime() - c0;
            double flop = iters * 12.0 * S.length() * 2;
            if (r >= 2) {
                bestWall = Math.max(bestWall, flop / wall);
                bestCpu = Math.max(bestCpu, flop / Math.max(1, cpu));
            }
            iters = Math.max(1_000_000, (long) (iters * seconds * 1e9 / Math.max(1, wall)));
        }
        if (sink == 42) System.out.print("");
        return new double[] {bestWall, bestCpu};
    }

    public static void main(String[] args) throws Exception {
        int threadsArg;
        double secondsArg;
        try {
            threadsArg = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
            secondsArg = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        } catch (NumberFormatException e) {
            threadsArg = 0;
            secondsArg = 0;
        }
        int threads = threadsArg;
        double seconds = secondsArg;
        if (threads < 1 || !(seconds > 0) || args.length > 2) {
            System.err.println("usage: FmaPeak [THREADS >= 1] [SECONDS per round > 0], got " + String.join(" ", args));
            System.exit(2);
        }
        System.out.printf("species %s (%d float lanes), 12 FMA chains per thread%n", S, S.length());
        for (int t : new int[] {1, threads}) {
            List<Thread> workers = new ArrayList<>();
            double[][] results = new double[t][];
            for (int i = 0; i < t; i++) {
                int idx = i;
                Thread w = new Thread(() -> results[idx] = measure(6, seconds));
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) w.join();
            double sumWall = 0;
            for (int i = 0; i < t; i++) {
                System.out.printf("threads %d, thread %d: %.1f GFLOP/s wall, %.1f per CPU-second%n", t, i, results[i][0], results[i][1]);
                sumWall += results[i][0];
            }
            System.out.printf("threads %d: %.1f GFLOP/s in total%n", t, sumWall);
            if (t == threads) break;
        }
    }
}
