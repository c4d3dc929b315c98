package dev.drex.bench;

import dev.drex.engine.bert.BertModel;
import dev.drex.engine.bert.BertOutput;
import dev.drex.engine.kernels.Parallel;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * bert-base-uncased forward pass, sequence length 128 (all tokens real), B = 1 and 8, 1 and 2
 * threads. Score: seconds per forward; tokens/s = B * 128 / score.
 * The model directory: {@code -Ddrex.bert.model=DIR}, else {@code $DREX_HOME/models/bert-base-uncased}
 * (get it with {@code ./drex fetch-model bert-base-uncased}). Random ids with a fixed seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class BertBench {

    @Param({"1", "8"})
    int batch;

    @Param({"1", "2"})
    int threads;

    @Param({"128"})
    int seq;

    BertModel model;
    int[][] ids;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String dir = System.getProperty("drex.bert.model");
        if (dir == null) {
            String home = System.getenv().getOrDefault("DREX_HOME", ".");
            dir = Path.of(home, "models", "bert-base-uncased").toString();
        }
        if (!Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("no bert-base model at " + dir + ": run ./drex fetch-model bert-base-uncased "
                    + "or pass -Ddrex.bert.model=DIR");
        }
        Parallel.setThreads(threads);
        model = BertModel.load(Path.of(dir));
        ids = BertVsOnnx.ids(batch, seq, 42);
    }

    @Benchmark
    public BertOutput forward() {
        return model.forward(ids, null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }
}
