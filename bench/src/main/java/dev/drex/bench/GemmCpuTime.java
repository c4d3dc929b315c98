package dev.drex.bench;

import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.kernels.Parallel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.jblas.NativeBlas;

/**
 * A companion to {@link GemmBench} for a machine shared with other jobs: SGEMM throughput
 * measured against the calling thread's CPU time as well as wall time. CPU time does
 * not count the time the thread sat descheduled while other processes ran, so drex and jblas
 * (OpenBLAS with {@code OPENBLAS_NUM_THREADS=1} computes on the calling thread) compare fairly even
 * when wall-clock numbers swing by 2x. It still includes cache pollution by the neighbours.
 *
 * <p>Each round times every shape with each implementation in turn (interleaved, so slow periods
 * hit all); the best round per cell is reported. drex on 2 threads is timed by wall clock only
 * (its best round is the one where both cores happened to be free), to compare with drex on 1.
 * The last column multiplies by a B packed once with {@link Gemm#packB} (the inference path). Usage (see bench/README.md):
 * {@code OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=Haswell java --add-modules jdk.incubator.vector
 * -cp bench/target/benchmarks.jar dev.drex.bench.GemmCpuTime [rounds] [seconds-per-cell]}.
 */
public final class GemmCpuTime {

    private static final String[] SHAPES = {"128x768x768", "128x768x3072", "128x3072x768", "512x512x512", "1024x1024x1024"};
    private static final String[] IMPLS = {"drex", "jblas", "drex 2 threads", "drex pre-packed B"};

    private GemmCpuTime() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        if (!"1".equals(env)) throw new IllegalStateException("run with OPENBLAS_NUM_THREADS=1 (got " + env + ")");
        Parallel.setThreads(1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] bestWall = new double[SHAPES.length][IMPLS.length];
        double[][] bestCpu = new double[SHAPES.length][IMPLS.length];
        for (int round = 0; round <= rounds; round++) { // round 0 is warm-up
            for (int s = 0; s < SHAPES.length; s++) {
                String[] d = SHAPES[s].split("x");
                int m = Integer.parseInt(d[0]), k = Integer.parseInt(d[1]), n = Integer.parseInt(d[2]);
                Random rnd = new Random(20240607L);
                float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
                for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() * 2f - 1f;
                for (int i = 0; i < b.length; i++) b[i] = rnd.nextFloat() * 2f - 1f;
                Gemm.PackedB packed = Gemm.packB(false, k, n, b, 0, n);
                for (int impl = 0; impl < IMPLS.length; impl++) {
                    Parallel.setThreads(impl == 2 ? 2 : 1);
                    long wall0 = System.nanoTime(), cpu0 = mx.getCurrentThreadCpuTime();
                    long ops = 0;
                    do {
                        if (impl == 0 || impl == 2) Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
                        else if (impl == 3) Gemm.sgemm(false, m, 1f, a, 0, k, packed, 0f, c, 0, n);
                        else NativeBlas.sgemm('N', 'N', n, m, k, 1f, b, 0, n, a, 0, k, 0f, c, 0, n);
                        ops++;
                    } while (System.nanoTime() - wall0 < seconds * 1e9);
                    double flop = 2.0 * m * n * k * ops;
                    if (round > 0) {
                        bestWall[s][impl] = Math.max(bestWall[s][impl], flop / (System.nanoTime() - wall0));
                        bestCpu[s][impl] = Math.max(bestCpu[s][impl], flop / (mx.getCurrentThreadCpuTime() - cpu0));
                    }
                }
            }
        }
        System.out.printf("GFLOP/s, best of %d rounds of %.1f s per cell (OPENBLAS_CORETYPE=%s)%n",
                rounds, seconds, System.getenv("OPENBLAS_CORETYPE"));
        System.out.println("| shape (MxKxN) | drex wall | jblas wall | drex CPU-time | jblas CPU-time | drex/jblas (CPU-time) "
                + "| drex 2 threads wall | drex 2t/1t (wall) | drex pre-packed B CPU-time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int s = 0; s < SHAPES.length; s++) {
            System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %.2f | %.1f |%n", SHAPES[s], bestWall[s][0], bestWall[s][1],
                    bestCpu[s][0], bestCpu[s][1], bestCpu[s][0] / bestCpu[s][1], bestWall[s][2], bestWall[s][2] / bestWall[s][0], bestCpu[s][3]);
        }
    }
}
