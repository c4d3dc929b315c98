package dev.drex.bench;

import dev.drex.engine.kernels.ElementwiseScalar;
import dev.drex.engine.kernels.ElementwiseSimd;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * GELU over a (rows, cols) matrix: fused bias + GELU in both forms, and the erf form's backward,
 * SIMD twin vs scalar twin.
 * {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar GeluBench}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class GeluBench {

    @Param({"128", "768", "3072"})
    public int cols;

    @Param({"128"})
    public int rows;

    @Param({"simd", "scalar"})
    public String impl;

    private float[] x, bias, y, dy, dx;
    private boolean simd;

    @Setup
    public void setup() {
        Random rnd = new Random(1234);
        int n = rows * cols;
        x = new float[n]; y = new float[n]; dy = new float[n]; dx = new float[n]; bias = new float[cols];
        for (int i = 0; i < n; i++) { x[i] = (float) rnd.nextGaussian() * 2f; dy[i] = (float) rnd.nextGaussian(); }
        for (int c = 0; c < cols; c++) bias[c] = 0.1f * (float) rnd.nextGaussian();
        simd = impl.equals("simd");
    }

    @Benchmark
    public float[] biasGeluErf() {
        if (simd) ElementwiseSimd.biasGelu(x, 0, bias, 0, rows, cols, y, 0, false);
        else ElementwiseScalar.biasGelu(x, 0, bias, 0, rows, cols, y, 0, false);
        return y;
    }

    @Benchmark
    public float[] biasGeluTanh() {
        if (simd) ElementwiseSimd.biasGelu(x, 0, bias, 0, rows, cols, y, 0, true);
        else ElementwiseScalar.biasGelu(x, 0, bias, 0, rows, cols, y, 0, true);
        return y;
    }

    @Benchmark
    public float[] geluErfBackward() {
        int n = rows * cols;
        if (simd) ElementwiseSimd.geluErfBackwardAcc(x, 0, dy, 0, dx, 0, n);
        else ElementwiseScalar.geluErfBackwardAcc(x, 0, dy, 0, dx, 0, n);
        return dx;
    }
}
