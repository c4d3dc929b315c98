package dev.drex.app.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drex.app.model.DrexConfig;
import dev.drex.engine.io.AtomicFiles;
import dev.drex.engine.io.CheckpointFormatException;
import dev.drex.engine.nn.Module;
import dev.drex.engine.nn.ParameterIO;
import dev.drex.engine.optim.Optimizer;
import dev.drex.engine.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training state after an epoch, on disk, written ATOMICALLY: a run killed at any instant resumes
 * from the last complete epoch.
 *
 * <pre>
 *   DIR/epoch-NNNN/params.safetensors     the current parameters (ParameterIO names)
 *   DIR/epoch-NNNN/optimizer.safetensors  Adam's m and v, step count in the metadata
 *   DIR/epoch-NNNN/best.safetensors       the best parameters so far (restored at the end)
 *   DIR/epoch-NNNN/state.json             {@link State}: config, epoch, best epoch/score, split SHA-256, history
 *   DIR/LATEST                            "epoch-NNNN": the commit point, replaced atomically
 * </pre>
 * An epoch directory is written under a temporary name, renamed, and only then named by LATEST; older
 * epoch directories are deleted afterwards. Random state needs no saving: the batch order and dropout
 * masks of epoch e are drawn from generators seeded by (seed, e) ({@link Trainer}).
 */
public final class Checkpoint {
    private Checkpoint() {}

    /** What state.json holds. */
    public record State(DrexConfig config, int epoch, int bestEpoch, double[] bestScore, String criterion,
                        String splitSha256, long optimizerSteps, List<EpochRecord> history) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** True when {@code dir} holds a committed checkpoint. */
    public static boolean exists(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve("LATEST"));
    }

    /** Writes the state after {@code state.epoch()} and commits it. */
    public static void save(Path dir, Module model, Optimizer optimizer, Map<String, float[]> best, State state) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("epoch-%04d", state.epoch());
        Path tmp = dir.resolve(name + ".tmp");
        if (Files.exists(tmp)) AtomicFiles.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        ParameterIO.save(model, tmp.resolve("params.safetensors"));
        ParameterIO.saveOptimizer(optimizer, tmp.resolve("optimizer.safetensors"));
        ParameterIO.save(asTensors(best, model), Map.of(), tmp.resolve("best.safetensors"));
        AtomicFiles.write(tmp.resolve("state.json"), JSON.writeValueAsBytes(state));
        Path target = dir.resolve(name);
        if (Files.exists(target)) AtomicFiles.deleteRecursively(target);
        AtomicFiles.moveAtomically(tmp, target);
        AtomicFiles.write(dir.resolve("LATEST"), name.getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("epoch-") && !n.equals(name)) AtomicFiles.deleteRecursively(p);
            }
        }
    }

    /** The committed checkpoint's state.json (read first, so a mismatched run fails before any tensor is read). */
    public static State readState(Path dir) throws IOException {
        Path epochDir = committedEpoch(dir);
        try {
            return JSON.readValue(Files.readAllBytes(epochDir.resolve("state.json")), State.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CheckpointFormatException(epochDir.resolve("state.json") + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Loads the committed checkpoint's tensors into {@code model} and {@code optimizer} and fills {@code best}
     * with the best parameters. Fails, naming the file and every mismatched tensor, before changing anything
     * if a file does not match.
     */
    public static void loadTensors(Path dir, Module model, Optimizer optimizer, Map<String, float[]> best) throws IOException {
        Path epochDir = committedEpoch(dir);
        Map<String, Tensor> bestTensors = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            bestTensors.put(e.getKey(), Tensor.zeros(e.getValue().shape()));
        }
        ParameterIO.load(bestTensors, epochDir.resolve("best.safetensors"));
        ParameterIO.load(model, epochDir.resolve("params.safetensors"));
        ParameterIO.loadOptimizer(optimizer, epochDir.resolve("optimizer.safetensors"));
        best.clear();
        bestTensors.forEach((k, t) -> best.put(k, t.toArray()));
    }

    private static Path committedEpoch(Path dir) throws IOException {
        String name = Files.readString(dir.resolve("LATEST"), StandardCharsets.UTF_8).trim();
        Path epochDir = dir.resolve(name);
        if (!name.startsWith("epoch-") || !Files.isDirectory(epochDir)) {
            throw new CheckpointFormatException(dir.resolve("LATEST") + ": names '" + name + "', which is not an epoch directory");
        }
        return epochDir;
    }

    private static Map<String, Tensor> asTensors(Map<String, float[]> values, Module model) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            float[] v = values.get(e.getKey());
            if (v == null) throw new IllegalStateException("no best value for parameter '" + e.getKey() + "'");
            out.put(e.getKey(), Tensor.of(v, e.getValue().shape()));
        }
        return out;
    }
}
