package dev.drex.bench;

import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.kernels.Parallel;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.jblas.NativeBlas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SGEMM {@code C (M,N) = A (M,K) B (K,N)}, row-major float32, beta = 0: drex {@link Gemm} against
 * jblas (OpenBLAS, native) and EJML (pure Java), on 1 and 2 threads. Shapes are {@code MxKxN}:
 * the three BERT-base projections at sequence length 128 and two squares.
 *
 * <p>Threads: drex through {@link Parallel#setThreads}; EJML with {@code CommonOps_FDRM} (1) or
 * {@code CommonOps_MT_FDRM} with {@code EjmlConcurrency.setMaxThreads} (2). jblas exposes no
 * thread setter: its OpenBLAS reads {@code OPENBLAS_NUM_THREADS} once when the library loads, so
 * each threads value must run in a JVM launched with that variable equal to it (the forks inherit
 * the environment; {@code bench/gemm-report.sh} runs one JMH invocation per value). The jblas
 * setup refuses to run when the variable disagrees with the {@code threads} parameter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class GemmBench {

    @Param({"128x768x768", "128x768x3072", "128x3072x768", "512x512x512", "1024x1024x1024"})
    public String shape;

    @Param({"drex", "jblas", "ejml"})
    public String impl;

    @Param({"1", "2"})
    public int threads;

    private int m, k, n;
    private float[] a, b, c;
    private FMatrixRMaj ea, eb, ec;

    @Setup(Level.Trial)
    public void setup() {
        String[] dims = shape.split("x");
        m = Integer.parseInt(dims[0]);
        k = Integer.parseInt(dims[1]);
        n = Integer.parseInt(dims[2]);
        Random rnd = new Random(20240607L);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() * 2f - 1f;
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextFloat() * 2f - 1f;
        switch (impl) {
            case "drex" -> Parallel.setThreads(threads);
            case "jblas" -> {
                String env = System.getenv("OPENBLAS_NUM_THREADS");
                if (env == null || Integer.parseInt(env.trim()) != threads) {
                    throw new IllegalStateException("jblas with threads=" + threads + " needs OPENBLAS_NUM_THREADS="
                            + threads + " in the environment (got " + env + "); run it through bench/gemm-report.sh");
                }
            }
            case "ejml" -> {
                EjmlConcurrency.setMaxThreads(threads);
                ea = FMatrixRMaj.wrap(m, k, a);
                eb = FMatrixRMaj.wrap(k, n, b);
                ec = FMatrixRMaj.wrap(m, n, c);
            }
            default -> throw new IllegalArgumentException("unknown impl " + impl);
        }
    }

    @Benchmark
    public void sgemm(Blackhole bh) {
        switch (impl) {
            case "drex" -> Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
            // Column-major BLAS on row-major arrays: C^T (n,m) = B^T (n,k) A^T (k,m), same memory, no copies.
            case "jblas" -> NativeBlas.sgemm('N', 'N', n, m, k, 1f, b, 0, n, a, 0, k, 0f, c, 0, n);
            case "ejml" -> {
                if (threads == 1) CommonOps_FDRM.mult(ea, eb, ec);
                else CommonOps_MT_FDRM.mult(ea, eb, ec);
            }
            default -> throw new IllegalArgumentException(impl);
        }
        bh.consume(c);
    }
}
