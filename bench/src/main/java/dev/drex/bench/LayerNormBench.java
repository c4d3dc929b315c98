package dev.drex.bench;

import dev.drex.engine.kernels.LayerNormScalar;
import dev.drex.engine.kernels.LayerNormSimd;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * LayerNorm over the rows of a (rows, cols) matrix, forward and backward (dx, dgamma, dbeta),
 * SIMD twin vs scalar twin.
 * {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar LayerNormBench}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class LayerNormBench {

    @Param({"128", "768", "3072"})
    public int cols;

    @Param({"128"})
    public int rows;

    @Param({"simd", "scalar"})
    public String impl;

    private float[] x, y, dy, dx, gamma, beta, dgamma, dbeta, stats;
    private boolean simd;

    @Setup
    public void setup() {
        Random rnd = new Random(1234);
        int n = rows * cols;
        x = new float[n]; y = new float[n]; dy = new float[n]; dx = new float[n];
        gamma = new float[cols]; beta = new float[cols]; dgamma = new float[cols]; dbeta = new float[cols];
        stats = new float[2 * rows];
        for (int i = 0; i < n; i++) { x[i] = (float) rnd.nextGaussian() * 2f + 0.5f; dy[i] = (float) rnd.nextGaussian(); }
        for (int c = 0; c < cols; c++) { gamma[c] = 1f + 0.1f * (float) rnd.nextGaussian(); beta[c] = 0.1f * (float) rnd.nextGaussian(); }
        simd = impl.equals("simd");
        forward();
    }

    @Benchmark
    public float[] forward() {
        for (int r = 0, off = 0; r < rows; r++, off += cols) {
            if (simd) LayerNormSimd.layerNorm(x, off, gamma, 0, beta, 0, y, off, cols, 1e-12f, stats, 2 * r);
            else LayerNormScalar.layerNorm(x, off, gamma, 0, beta, 0, y, off, cols, 1e-12f, stats, 2 * r);
        }
        return y;
    }

    @Benchmark
    public float[] backward() {
        for (int r = 0, off = 0; r < rows; r++, off += cols) {
            float mean = stats[2 * r], rstd = stats[2 * r + 1];
            if (simd) LayerNormSimd.layerNormBackwardAcc(x, off, gamma, 0, dy, off, mean, rstd, dx, off, dgamma, 0, dbeta, 0, cols);
            else LayerNormScalar.layerNormBackwardAcc(x, off, gamma, 0, dy, off, mean, rstd, dx, off, dgamma, 0, dbeta, 0, cols);
        }
        return dx;
    }
}
