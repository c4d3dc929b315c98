package dev.drex.engine.nn;

import dev.drex.engine.io.CheckpointFormatException;
import dev.drex.engine.io.SafetensorsReader;
import dev.drex.engine.io.SafetensorsWriter;
import dev.drex.engine.optim.Optimizer;
import dev.drex.engine.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a module's parameters (and an optimizer's state) as safetensors files, one tensor per
 * dotted parameter name ({@code gru.W_z}, {@code mlp.0.weight}, ...), float32, through
 * {@link SafetensorsWriter} / {@link SafetensorsReader}.
 *
 * <p>Loading is strict and all-or-nothing: the file must hold exactly the module's names with exactly their
 * shapes; otherwise nothing is copied and the {@link CheckpointFormatException} lists every missing,
 * unexpected and mis-shaped tensor by name.
 */
public final class ParameterIO {
    private ParameterIO() {}

    /** Writes every parameter of {@code module} to {@code file} (atomically). */
    public static void save(Module module, Path file) throws IOException {
        save(module.namedParameters(), Map.of(), file);
    }

    /** Writes the named tensors and string metadata to {@code file} (atomically). */
    public static void save(Map<String, Tensor> named, Map<String, String> metadata, Path file) throws IOException {
        SafetensorsWriter w = new SafetensorsWriter();
        for (Map.Entry<String, Tensor> e : named.entrySet()) {
            Tensor t = e.getValue();
            w.add(e.getKey(), t.shape(), sink -> sink.put(t.data(), t.offset(), t.size()));
        }
        metadata.forEach(w::metadata);
        w.write(file);
    }

    /** Reads {@code file} into the parameters of {@code module}; see the class comment for the checks. */
    public static void load(Module module, Path file) throws IOException {
        load(module.namedParameters(), file);
    }

    /**
     * Reads {@code file} into the given tensors (values copied in place, gradients untouched).
     *
     * @return the file's metadata
     */
    public static Map<String, String> load(Map<String, Tensor> named, Path file) throws IOException {
        try (SafetensorsReader r = SafetensorsReader.open(file)) {
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, Tensor> e : named.entrySet()) {
                if (!r.contains(e.getKey())) {
                    problems.add("missing tensor '" + e.getKey() + "' " + Arrays.toString(e.getValue().shape()));
                } else if (!Arrays.equals(r.shape(e.getKey()), e.getValue().shape())) {
                    problems.add("tensor '" + e.getKey() + "' has shape " + Arrays.toString(r.shape(e.getKey()))
                            + ", expected " + Arrays.toString(e.getValue().shape()));
                }
            }
            for (String name : r.names()) {
                if (!named.containsKey(name)) problems.add("unexpected tensor '" + name + "' " + Arrays.toString(r.shape(name)));
            }
            if (!problems.isEmpty()) {
                throw new CheckpointFormatException(file + ": does not match the model (" + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems));
            }
            for (Map.Entry<String, Tensor> e : named.entrySet()) {
                Tensor t = e.getValue();
                float[] v = r.readFloats(e.getKey());
                System.arraycopy(v, 0, t.data(), t.offset(), t.size());
            }
            return new LinkedHashMap<>(r.metadata());
        }
    }

    // ---------------------------------------------------------------- optimizer state

    /** Metadata key holding {@link Optimizer#stepCount()} in an optimizer-state file. */
    public static final String STEP_KEY = "optimizer.step";

    /** Writes {@link Optimizer#state()} (1-D tensors) and the step count (metadata) to {@code file}. */
    public static void saveOptimizer(Optimizer optimizer, Path file) throws IOException {
        SafetensorsWriter w = new SafetensorsWriter();
        for (Map.Entry<String, float[]> e : optimizer.state().entrySet()) {
            w.add(e.getKey(), new int[] {e.getValue().length}, e.getValue());
        }
        w.metadata(STEP_KEY, Long.toString(optimizer.stepCount()));
        w.write(file);
    }

    /** Restores an optimizer saved by {@link #saveOptimizer}; every buffer is checked by name and length. */
    public static void loadOptimizer(Optimizer optimizer, Path file) throws IOException {
        try (SafetensorsReader r = SafetensorsReader.open(file)) {
            String step = r.metadata().get(STEP_KEY);
            if (step == null) throw new CheckpointFormatException(file + ": no '" + STEP_KEY + "' metadata: not an optimizer state file");
            long steps;
            try {
                steps = Long.parseLong(step);
            } catch (NumberFormatException e) {
                throw new CheckpointFormatException(file + ": '" + STEP_KEY + "' is '" + step + "', not an integer");
            }
            Map<String, float[]> state = new LinkedHashMap<>();
            for (String name : r.names()) state.put(name, r.readFloats(name));
            try {
                optimizer.loadState(state, steps);
            } catch (IllegalArgumentException e) {
                throw new CheckpointFormatException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
