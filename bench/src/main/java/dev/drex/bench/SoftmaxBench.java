package dev.drex.bench;

import dev.drex.engine.kernels.SoftmaxScalar;
import dev.drex.engine.kernels.SoftmaxSimd;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Row softmax over a (rows, cols) matrix, forward and backward, SIMD twin vs scalar twin.
 * {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar SoftmaxBench}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SoftmaxBench {

    @Param({"128", "768", "3072"})
    public int cols;

    @Param({"128"})
    public int rows;

    @Param({"simd", "scalar"})
    public String impl;

    private float[] x, y, dy, dx;
    private boolean simd;

    @Setup
    public void setup() {
        Random rnd = new Random(1234);
        int n = rows * cols;
        x = new float[n]; y = new float[n]; dy = new float[n]; dx = new float[n];
        for (int i = 0; i < n; i++) { x[i] = (float) rnd.nextGaussian() * 3f; dy[i] = (float) rnd.nextGaussian(); }
        simd = impl.equals("simd");
        for (int r = 0; r < rows; r++) SoftmaxScalar.softmax(x, r * cols, y, r * cols, cols, null, 0);
    }

    @Benchmark
    public float[] forward() {
        for (int r = 0, off = 0; r < rows; r++, off += cols) {
            if (simd) SoftmaxSimd.softmax(x, off, y, off, cols, null, 0);
            else SoftmaxScalar.softmax(x, off, y, off, cols, null, 0);
        }
        return y;
    }

    @Benchmark
    public float[] backward() {
        for (int r = 0, off = 0; r < rows; r++, off += cols) {
            if (simd) SoftmaxSimd.softmaxBackwardAcc(y, off, dy, off, dx, off, cols);
            else SoftmaxScalar.softmaxBackwardAcc(y, off, dy, off, dx, off, cols);
        }
        return dx;
    }
}
