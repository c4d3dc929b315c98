package dev.drex.bench;

import dev.drex.engine.autograd.Grad;
import dev.drex.engine.kernels.Parallel;
import dev.drex.engine.nn.GruCell;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * The DReX GRU ({@link GruCell}) at training batch size 128, input size 64 (DReX's d):
 * <ul>
 *   <li>{@code step}: one step forward + backward (seed all ones), parameter gradients zeroed first;
 *   <li>{@code stepInference}: one step forward under {@code Grad.off()} (the online update);
 *   <li>{@code fold20}: a fold over the default history window of 20 steps, forward + backward (BPTT).
 * </ul>
 * Hidden 64 (the default d) and 256; {@code fused} compares the hand-written step kernel
 * ({@code GruStepOp}) with the same step composed of generic ops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class GruStepBench {
    private static final int BATCH = 128;
    private static final int INPUT = 64;
    private static final int WINDOW = 20;

    @Param({"64", "256"})
    public int hidden;

    @Param({"1", "2"})
    public int threads;

    @Param({"true", "false"})
    public boolean fused;

    private GruCell gru;
    private Tensor x, h;
    private List<Tensor> xs;
    private float[] seed;

    @Setup(Level.Trial)
    public void setup() {
        Parallel.setThreads(threads);
        var rng = Init.rng(20261128L);
        gru = new GruCell(INPUT, hidden, rng).fusedKernel(fused);
        x = Init.uniform(rng, 1f, BATCH, INPUT).requiresGrad(true);
        h = Init.uniform(rng, 1f, BATCH, hidden).requiresGrad(true);
        xs = new ArrayList<>();
        for (int t = 0; t < WINDOW; t++) xs.add(Init.uniform(rng, 1f, BATCH, INPUT).requiresGrad(true));
        seed = new float[BATCH * hidden];
        Arrays.fill(seed, 1f);
    }

    @Benchmark
    public float step() {
        gru.zeroGrad();
        Tensor out = gru.step(x, h);
        out.backward(seed);
        return gru.parameterAt("W_z").grad()[0];
    }

    @Benchmark
    public Tensor stepInference() {
        try (var off = Grad.off()) {
            return gru.step(x, h);
        }
    }

    @Benchmark
    public float fold20() {
        gru.zeroGrad();
        Tensor out = gru.fold(h, xs);
        out.backward(seed);
        return gru.parameterAt("W_z").grad()[0];
    }
}
