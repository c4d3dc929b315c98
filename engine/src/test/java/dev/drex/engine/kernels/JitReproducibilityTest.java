package dev.drex.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Same inputs, same bits, whatever the JIT is doing. The Vector API runs a plain-Java fallback while a
 * method is interpreted or C1-compiled and C2 intrinsics afterwards; any kernel whose result depends
 * on which one ran (a library transcendental, an unspecified reduction order) makes training runs
 * irreproducible within one JVM. This test runs every SIMD-dispatched kernel on fixed seeded inputs in
 * a child JVM with {@code -Xint} (fallback only) and in this JVM after a warm-up long enough for C2,
 * and compares the outputs bit for bit.
 */
class JitReproducibilityTest {

    /** Sizes: a bit over a vector, and rows of 1000+ with a tail. */
    private static final int[] SIZES = {17, 1000, 1031};

    /** Runs every kernel on fixed inputs; returns name -> output, in a fixed order. */
    static Map<String, float[]> computeAll() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int n : SIZES) {
            Random rnd = new Random(42 + n);
            float[] x = new float[n], y = new float[n], pos = new float[n], gamma = new float[n], beta = new float[n];
            boolean[] mask = new boolean[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) (rnd.nextGaussian() * 3);
                y[i] = (float) rnd.nextGaussian();
                pos[i] = (float) Math.exp(rnd.nextGaussian() * 4);
                gamma[i] = 1 + 0.1f * (float) rnd.nextGaussian();
                beta[i] = 0.1f * (float) rnd.nextGaussian();
                mask[i] = rnd.nextInt(4) != 0;
            }
            String s = "@" + n;
            out.put("exp" + s, unary(Elementwise::exp, x));
            out.put("log" + s, unary(Elementwise::log, pos));
            out.put("tanh" + s, unary(Elementwise::tanh, x));
            out.put("sigmoid" + s, unary(Elementwise::sigmoid, x));
            out.put("erf" + s, unary(Elementwise::erf, x));
            out.put("geluErf" + s, unary(Elementwise::geluErf, x));
            out.put("geluTanh" + s, unary(Elementwise::geluTanh, x));
            float[] d = y.clone();
            Elementwise.geluErfBackwardAcc(x, 0, y, 0, d, 0, n);
            out.put("geluErfBackward" + s, d);
            d = y.clone();
            Elementwise.geluTanhBackwardAcc(x, 0, y, 0, d, 0, n);
            out.put("geluTanhBackward" + s, d);
            out.put("reductions" + s, new float[] {Reductions.sum(x, 0, n), Reductions.dot(x, 0, y, 0, n),
                    Reductions.sumSquares(x, 0, n), Reductions.max(x, 0, n)});
            float[] p = new float[n];
            Softmax.softmax(x, 0, p, 0, n, null, 0);
            out.put("softmax" + s, p);
            float[] pm = new float[n];
            Softmax.softmaxScaled(x, 0, 0.7f, pm, 0, n, mask, 0);
            out.put("softmaxScaledMasked" + s, pm);
            float[] lp = new float[n];
            Softmax.logSoftmax(x, 0, lp, 0, n, mask, 0);
            out.put("logSoftmax" + s, lp);
            d = y.clone();
            Softmax.softmaxBackwardAcc(p, 0, y, 0, d, 0, n);
            out.put("softmaxBackward" + s, d);
            d = y.clone();
            Softmax.logSoftmaxBackwardAcc(lp, 0, y, 0, d, 0, n, mask, 0);
            out.put("logSoftmaxBackward" + s, d);
            float[] ln = new float[n], stats = new float[2];
            LayerNorm.layerNorm(x, 0, gamma, 0, beta, 0, ln, 0, n, 1e-5f, stats, 0);
            out.put("layerNorm" + s, ln);
            out.put("layerNormStats" + s, stats);
            float[] dx = y.clone(), dg = new float[n], db = new float[n];
            LayerNorm.layerNormBackwardAcc(x, 0, gamma, 0, y, 0, stats[0], stats[1], dx, 0, dg, 0, db, 0, n);
            out.put("layerNormBackward" + s, dx);
            out.put("layerNormDgamma" + s, dg);
            int rows = 37, dim = n;                       // attention pooling: 5 rows of width n, u = y / sqrt(n)
            float[] u = new float[dim], h = new float[rows * dim];        // 37 rows: full groups of lane sums, then a partial one
            for (int i = 0; i < dim; i++) u[i] = y[i] / (float) Math.sqrt(dim);
            for (int j = 0; j < rows; j++) System.arraycopy(j % 2 == 0 ? x : y, 0, h, j * dim, dim);
            float[] a = new float[rows], pooled = new float[dim], du = new float[dim], g = new float[rows];
            float[] work = new float[AttentionPooling.WORK_FLOATS];
            AttentionPooling.forward(u, 0, h, 0, rows, dim, a, 0, pooled, 0, work);
            AttentionPooling.backwardAcc(gamma, 0, h, 0, rows, dim, a, 0, g, 0, du, 0, work);
            out.put("attentionWeights" + s, a);
            out.put("attentionPooled" + s, pooled);
            out.put("attentionBackward" + s, du);
        }
        return out;
    }

    private interface Unary { void apply(float[] x, int xOff, float[] out, int outOff, int n); }

    private static float[] unary(Unary f, float[] x) {
        float[] out = new float[x.length];
        f.apply(x, 0, out, 0, x.length);
        return out;
    }

    /** Child-JVM entry point: prints "name bits bits ..." lines for {@link #computeAll()}. */
    public static void main(String[] args) {
        PrintStream ps = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (var e : computeAll().entrySet()) {
            StringBuilder sb = new StringBuilder(e.getKey());
            for (float v : e.getValue()) sb.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(v)));
            ps.println(sb);
        }
        ps.flush();
    }

    private static Map<String, float[]> runChild(String... jvmFlags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("--add-modules", "jdk.incubator.vector", "-Ddrex.simd=true",
                "-cp", System.getProperty("java.class.path"), JitReproducibilityTest.class.getName()));
        Path outFile = Files.createTempFile("drex-jit-repro", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("child JVM " + cmd + " did not finish in 300 s");
        }
        assertEquals(0, p.exitValue(), "child JVM exit code, command " + cmd);
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(outFile)) {
            String[] f = line.split(" ");
            float[] v = new float[f.length - 1];
            for (int i = 1; i < f.length; i++) v[i - 1] = Float.intBitsToFloat(Integer.parseUnsignedInt(f[i], 16));
            out.put(f[0], v);
        }
        Files.delete(outFile);
        return out;
    }

    @Test
    void interpretedAndC2CompiledKernelsGiveTheSameBits() throws Exception {
        if (!Simd.ENABLED) fail("this test checks the SIMD kernels: run it without -Ddrex.simd=false");
        Map<String, float[]> interpreted = runChild("-Xint");
        long t0 = System.nanoTime();
        for (int i = 0; i < 3000; i++) computeAll();       // warm-up: C2 compiles and intrinsifies the kernels
        System.out.printf("warm-up %.1f s%n", (System.nanoTime() - t0) * 1e-9);
        Map<String, float[]> compiled = computeAll();
        assertEquals(compiled.keySet(), interpreted.keySet(), "kernel list");
        List<String> differing = new ArrayList<>();
        for (var e : compiled.entrySet()) {
            float[] c = e.getValue(), in = interpreted.get(e.getKey());
            int diffs = 0, first = -1;
            for (int i = 0; i < c.length; i++)
                if (Float.floatToRawIntBits(c[i]) != Float.floatToRawIntBits(in[i]) && !(Float.isNaN(c[i]) && Float.isNaN(in[i]))) {
                    if (first < 0) first = i;
                    diffs++;
                }
            if (diffs > 0)
                differing.add(e.getKey() + ": " + diffs + "/" + c.length + " differ, first at " + first
                        + " (compiled " + c[first] + ", interpreted " + in[first] + ")");
        }
        differing.forEach(System.out::println);
        if (!differing.isEmpty()) fail(differing.size() + " kernels give different bits interpreted (-Xint) and C2-compiled:\n"
                + String.join("\n", differing));
    }
}
