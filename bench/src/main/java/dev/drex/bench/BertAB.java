package dev.drex.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the engine in one JVM, forwards alternated A B B A ..., for a machine shared with
 * other jobs: both builds see the same load at the same moments, so their per-round wall-time
 * ratio is far steadier than two separate runs minutes apart. Each build gets its own class
 * loader (its own {@code Parallel} pool, its own kernels); the idle one's threads sleep.
 * <pre>
 *   BertAB MODEL_DIR THREADS BATCH ROUNDS CLASSPATH_A CLASSPATH_B
 * </pre>
 * e.g. A = a benchmarks.jar built from the old commit, B = the current one. Both load MODEL_DIR
 * with {@code BertModel.load(Path)} (system properties such as {@code drex.bert.packedDir} apply to
 * both). Prints, per build, the median and best wall time per forward, tokens/s and the mean process
 * CPU seconds per forward, then the median (and quartiles) of the per-round ratio A/B and the load average.
 * Inputs as {@link BertVsOnnx}: sequence length 128, random ids, all tokens real.
 */
public final class BertAB {

    private BertAB() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) throw new IllegalArgumentException("usage: BertAB MODEL_DIR THREADS BATCH ROUNDS CLASSPATH_A CLASSPATH_B");
        Path model = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]), batch = Integer.parseInt(args[2]), rounds = Integer.parseInt(args[3]);
        String[] classpaths = {args[4], args[5]}, names = {"A", "B"};
        int[][] ids = BertVsOnnx.ids(batch, 128, 42);
        Object[] models = new Object[2];
        Method[] forward = new Method[2];
        for (int i = 0; i < 2; i++) {
            List<URL> urls = new ArrayList<>();
            for (String p : classpaths[i].split(":")) urls.add(Path.of(p).toUri().toURL());
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            loader.loadClass("dev.drex.engine.kernels.Parallel").getMethod("setThreads", int.class).invoke(null, threads);
            Class<?> bert = loader.loadClass("dev.drex.engine.bert.BertModel");
            models[i] = bert.getMethod("load", Path.class).invoke(null, model);
            forward[i] = bert.getMethod("forward", int[][].class, int[][].class);
            for (int w = 0; w < 3; w++) forward[i].invoke(models[i], ids, null);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] wall = new double[2][rounds], cpu = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int i = r % 2 == 0 ? k : 1 - k; // A B, B A, ...
                long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                forward[i].invoke(models[i], ids, null);
                wall[i][r] = (System.nanoTime() - t0) / 1e9;
                cpu[i][r] = (os.getProcessCpuTime() - c0) / 1e9;
            }
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) ratio[r] = wall[0][r] / wall[1][r];
        Arrays.sort(ratio);
        for (int i = 0; i < 2; i++) {
            double[] w = wall[i].clone();
            Arrays.sort(w);
            System.out.printf("%s threads %d batch %d: wall median %.4f s (%.0f tok/s), best %.4f s (%.0f tok/s); CPU %.4f s per forward%n",
                    names[i], threads, batch, w[rounds / 2], batch * 128 / w[rounds / 2], w[0], batch * 128 / w[0],
                    Arrays.stream(cpu[i]).sum() / rounds);
        }
        System.out.printf("wall A/B per round: median %.3f (quartiles %.3f .. %.3f); load average %s%n", ratio[rounds / 2],
                ratio[rounds / 4], ratio[3 * rounds / 4], Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0); // the builds' pool threads
    }
}
