package dev.drex.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.drex.engine.bert.BertModel;
import dev.drex.engine.bert.BertOutput;
import dev.drex.engine.bert.BertProfile;
import dev.drex.engine.io.ModelFetcher;
import dev.drex.engine.kernels.Parallel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * BERT forward throughput, ours or ONNX Runtime's, one engine per JVM (so each RSS is its own).
 * Used by bench/bert-vs-onnx.sh.
 * <pre>
 *   BertVsOnnx drex  MODEL_DIR  THREADS BATCH SEQ REPS
 *   BertVsOnnx onnx  MODEL.onnx THREADS BATCH SEQ REPS
 *   BertVsOnnx check MODEL_DIR MODEL.onnx      max |diff| of both engines on a padded batch
 *   BertVsOnnx fetch MODELS_DIR                ModelFetcher.fetchAndConvert("bert-base-uncased", ...)
 * </pre>
 * Prints one line: {@code engine threads batch seq seconds(median) tokens/s rss_mb peak_rss_mb cpu_s}, with
 * cpu_s the process CPU time per forward (all threads), a contention-insensitive companion of the
 * wall time on a shared machine (ORT's spinning worker threads count in it).
 * Inputs: random ids in [1000, 20000) with [CLS]/[SEP], all tokens real (attention mask 1).
 * With {@code -Ddrex.bert.profile=true} the drex run also prints where its time went, per phase, to stderr.
 */
public final class BertVsOnnx {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "fetch" -> ModelFetcher.fetchAndConvert("bert-base-uncased", Path.of(args[1]), System.err);
            case "check" -> check(Path.of(args[1]), Path.of(args[2]));
            case "drex", "onnx" -> {
                int threads = Integer.parseInt(args[2]), batch = Integer.parseInt(args[3]), seq = Integer.parseInt(args[4]);
                int reps = Integer.parseInt(args[5]);
                int[][] ids = ids(batch, seq, 42);
                // per-forward wall times, then the mean process CPU time per forward as the last element
                double[] seconds = args[0].equals("drex") ? runDrex(Path.of(args[1]), threads, ids, reps)
                        : runOnnx(Path.of(args[1]), threads, ids, reps);
                double cpu = seconds[seconds.length - 1];
                seconds = Arrays.copyOf(seconds, seconds.length - 1);
                Arrays.sort(seconds);
                double median = seconds[seconds.length / 2];
                System.out.printf("%s %d %d %d %.4f %.1f %.0f %.0f %.4f%n", args[0], threads, batch, seq, median,
                        batch * seq / median, rss, rssMb("VmHWM"), cpu);
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static int[][] ids(int batch, int seq, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] ids = new int[batch][seq];
        for (int[] row : ids) {
            for (int t = 0; t < seq; t++) row[t] = r.nextInt(1000, 20000);
            row[0] = 101;
            row[seq - 1] = 102;
        }
        return ids;
    }

    /** Resident set (MB) read while the engine is still open, after the timed runs. */
    static double rss;

    /** Records {@link #rss} and prints the memory breakdown (live heap after a GC) to stderr. */
    static void recordMemory() {
        double anon = rssMb("RssAnon"), file = rssMb("RssFile");
        rss = anon + file;
        System.gc(); // only to measure the live heap; the RSS above is read before it
        Runtime rt = Runtime.getRuntime();
        System.err.printf("memory: RssAnon %.0f MB, RssFile %.0f MB; Java heap live after GC %.0f MB, committed %.0f MB%n",
                anon, file, (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.totalMemory() / 1048576.0);
    }

    static double[] runDrex(Path dir, int threads, int[][] ids, int reps) throws Exception {
        Parallel.setThreads(threads);
        try (BertModel model = BertModel.load(dir)) {
            for (int i = 0; i < 2; i++) model.forward(ids, null);
            BertProfile.reset();
            double[] s = new double[reps + 1];
            long cpu0 = cpuNanos();
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                model.forward(ids, null);
                s[i] = (System.nanoTime() - t0) / 1e9;
            }
            s[reps] = (cpuNanos() - cpu0) / 1e9 / reps;
            recordMemory();
            if (BertProfile.enabled()) System.err.print("profile over " + reps + " forwards:\n" + BertProfile.report());
            return s;
        }
    }

    static double[] runOnnx(Path onnx, int threads, int[][] ids, int reps) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(onnx.toString(), o)) {
                long[][] id = new long[ids.length][], mask = new long[ids.length][], types = new long[ids.length][];
                for (int b = 0; b < ids.length; b++) {
                    id[b] = Arrays.stream(ids[b]).asLongStream().toArray();
                    mask[b] = new long[ids[b].length];
                    Arrays.fill(mask[b], 1);
                    types[b] = new long[ids[b].length];
                }
                try (OnnxTensor i = OnnxTensor.createTensor(env, id); OnnxTensor m = OnnxTensor.createTensor(env, mask);
                     OnnxTensor t = OnnxTensor.createTensor(env, types)) {
                    Map<String, OnnxTensor> in = Map.of("input_ids", i, "attention_mask", m, "token_type_ids", t);
                    for (int k = 0; k < 2; k++) session.run(in).close();
                    double[] s = new double[reps + 1];
                    long cpu0 = cpuNanos();
                    for (int k = 0; k < reps; k++) {
                        long t0 = System.nanoTime();
                        session.run(in).close();
                        s[k] = (System.nanoTime() - t0) / 1e9;
                    }
                    s[reps] = (cpuNanos() - cpu0) / 1e9 / reps;
                    recordMemory();
                    return s;
                }
            }
        }
    }

    /** Both engines on a batch of 3 (lengths 128, 37, 5; ORT padded): max |diff| over real tokens. */
    static void check(Path dir, Path onnx) throws Exception {
        int[][] ids = {ids(1, 128, 1)[0], ids(1, 37, 2)[0], ids(1, 5, 3)[0]};
        long[][] id = new long[3][128], mask = new long[3][128], types = new long[3][128];
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < ids[b].length; t++) {
                id[b][t] = ids[b][t];
                mask[b][t] = 1;
            }
        }
        float[][][] expected;
        float[][] expectedPooled;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor i = OnnxTensor.createTensor(env, id); OnnxTensor m = OnnxTensor.createTensor(env, mask);
             OnnxTensor t = OnnxTensor.createTensor(env, types);
             OrtSession.Result r = session.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", t))) {
            expected = (float[][][]) r.get(0).getValue();
            expectedPooled = (float[][]) r.get(1).getValue();
        }
        try (BertModel model = BertModel.load(dir)) {
            BertOutput out = model.forward(ids, null);
            double max = 0, maxPooled = 0;
            for (int b = 0; b < 3; b++) {
                for (int tok = 0; tok < ids[b].length; tok++) {
                    for (int j = 0; j < out.hidden(); j++) max = Math.max(max, Math.abs(out.hidden(b, tok, j) - expected[b][tok][j]));
                }
                for (int j = 0; j < out.hidden(); j++) {
                    maxPooled = Math.max(maxPooled, Math.abs(out.pooled()[b * out.hidden() + j] - expectedPooled[b][j]));
                }
            }
            System.out.printf("check: max |diff| drex vs ONNX Runtime: last_hidden_state %.2e, pooled %.2e%n", max, maxPooled);
        }
    }

    /** CPU time of the whole process (every thread, Java and native), in ns. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A /proc/self/status memory line in MB (Linux), or -1. */
    static double rssMb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return -1;
    }
}
