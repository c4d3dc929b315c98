package dev.drex.app.cli;

import dev.drex.engine.io.HfBertConfig;
import dev.drex.engine.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A tiny random BERT directory (config.json, vocab.txt, model.safetensors) for the CLI tests. */
final class TinyBertModel {

    static final HfBertConfig CONFIG = new HfBertConfig(40, 16, 2, 2, 24, "gelu", 32, 2, 1e-12);

    static List<String> vocab() {
        List<String> v = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on",
                "mat", "dog", "a", "##s", "paris", "is", "."));
        for (char c = 'b'; v.size() < CONFIG.vocabSize(); c++) v.add(String.valueOf(c));
        return v;
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        CONFIG.writeJson(dir.resolve("config.json"), "BertForMaskedLM");
        Files.write(dir.resolve("vocab.txt"), vocab());
        SplittableRandom random = new SplittableRandom(11);
        SafetensorsWriter writer = new SafetensorsWriter();
        for (Map.Entry<String, int[]> e : CONFIG.expectedTensors(true, true).entrySet()) {
            int n = 1;
            for (int d : e.getValue()) n *= d;
            float[] values = new float[n];
            boolean gamma = e.getKey().endsWith("LayerNorm.weight");
            for (int i = 0; i < n; i++) values[i] = (float) ((gamma ? 1 : 0) + 0.3 * (random.nextDouble() * 2 - 1));
            writer.add(e.getKey(), e.getValue(), values);
        }
        writer.write(dir.resolve("model.safetensors"));
        return dir;
    }

    private TinyBertModel() {}
}
