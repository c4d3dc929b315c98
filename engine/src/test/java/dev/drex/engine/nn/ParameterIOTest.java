package dev.drex.engine.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.drex.engine.io.CheckpointFormatException;
import dev.drex.engine.io.SafetensorsReader;
import dev.drex.engine.optim.Adam;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterIOTest {

    /** A small model with a nested child, as DReX registers its parts. */
    static final class Model extends Module {
        final GruCell gru;
        final Mlp mlp;

        Model(int d, long seed) {
            gru = module("gru", new GruCell(d, d, Init.rng(seed)));
            mlp = module("mlp", new Mlp(Init.rng(seed + 1), 2 * d, d, 1));
        }
    }

    @Test
    void saveThenLoadRestoresEveryParameterByDottedName(@TempDir Path dir) throws Exception {
        Model a = new Model(4, 1);
        Path file = dir.resolve("model.safetensors");
        ParameterIO.save(a, file);
        try (SafetensorsReader r = SafetensorsReader.open(file)) {
            assertTrue(r.names().containsAll(List.of("gru.W_z", "gru.b_c", "mlp.0.weight", "mlp.1.bias")));
            assertEquals(a.namedParameters().size(), r.names().size());
            assertArrayEquals(new int[] {4, 4}, r.shape("gru.R_g"));
        }
        Model b = new Model(4, 99);
        assertNotEquals(a.gru.parameterAt("W_z").get(0, 0), b.gru.parameterAt("W_z").get(0, 0));
        ParameterIO.load(b, file);
        for (Map.Entry<String, Tensor> e : a.namedParameters().entrySet()) {
            assertArrayEquals(e.getValue().toArray(), b.parameterAt(e.getKey()).toArray(), 0f, e.getKey());
        }
    }

    @Test
    void loadNamesMissingUnexpectedAndMisshapedTensorsAndCopiesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.safetensors");
        Map<String, Tensor> saved = new LinkedHashMap<>(new Model(4, 1).namedParameters());
        saved.remove("gru.W_c");
        saved.put("gru.R_z", Tensor.zeros(4, 5));
        saved.put("extra.w", Tensor.zeros(2));
        ParameterIO.save(saved, Map.of(), file);

        Model m = new Model(4, 2);
        float[] before = m.parameterAt("gru.W_z").toArray();
        var e = assertThrows(CheckpointFormatException.class, () -> ParameterIO.load(m, file));
        String msg = e.getMessage();
        assertTrue(msg.contains("missing tensor 'gru.W_c'"), msg);
        assertTrue(msg.contains("'gru.R_z' has shape [4, 5], expected [4, 4]"), msg);
        assertTrue(msg.contains("unexpected tensor 'extra.w'"), msg);
        assertTrue(msg.contains(file.toString()), msg);
        assertArrayEquals(before, m.parameterAt("gru.W_z").toArray(), "nothing copied on a mismatch");
    }

    @Test
    void optimizerStateRoundTrip(@TempDir Path dir) throws Exception {
        Model m = new Model(3, 5);
        Adam adam = new Adam(m.namedParameters(), 1e-2);
        for (Tensor p : m.parameters()) java.util.Arrays.fill(p.grad(), 0.25f);
        adam.step();
        adam.step();
        Path file = dir.resolve("adam.safetensors");
        ParameterIO.saveOptimizer(adam, file);

        Adam fresh = new Adam(m.namedParameters(), 1e-2);
        ParameterIO.loadOptimizer(fresh, file);
        assertEquals(2, fresh.stepCount());
        Map<String, float[]> want = adam.state(), got = fresh.state();
        assertEquals(want.keySet(), got.keySet());
        want.forEach((k, v) -> assertArrayEquals(v, got.get(k), 0f, k));

        Adam other = new Adam(new Model(4, 5).namedParameters(), 1e-2);
        var e = assertThrows(CheckpointFormatException.class, () -> ParameterIO.loadOptimizer(other, file));
        assertTrue(e.getMessage().contains("m.gru.W_z"), e.getMessage());
    }
}
