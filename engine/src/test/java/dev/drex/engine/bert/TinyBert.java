package dev.drex.engine.bert;

import dev.drex.engine.io.HfBertConfig;
import dev.drex.engine.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes a tiny random Hugging Face BERT directory (config.json, vocab.txt, model.safetensors). */
final class TinyBert {

    /** vocab 40, hidden 20, 2 layers, 4 heads of 5, intermediate 36, 16 positions, 2 token types. */
    static HfBertConfig config(String hiddenAct) {
        return new HfBertConfig(40, 20, 2, 4, 36, hiddenAct, 16, 2, 1e-12);
    }

    /** The vocabulary: [PAD]=0, [UNK]=1, [CLS]=2, [SEP]=3, [MASK]=4, then words. */
    static List<String> vocab(int size) {
        List<String> v = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on",
                "mat", "dog", "a", "##s", "paris", "is", "."));
        for (char c = 'b'; v.size() < size; c++) v.add(String.valueOf(c));
        return v;
    }

    /**
     * Writes the model; {@code bertPrefix} names encoder tensors "bert.…" as HF BertForMaskedLM
     * does. With pooler and masked-LM head. Weights ~ N(0, 0.3^2), LayerNorm gamma ~ 1 + N(0, 0.1^2).
     */
    static Path write(Path dir, String hiddenAct, boolean bertPrefix, long seed) throws IOException {
        HfBertConfig config = config(hiddenAct);
        Files.createDirectories(dir);
        config.writeJson(dir.resolve("config.json"), "BertForMaskedLM");
        Files.write(dir.resolve("vocab.txt"), vocab(config.vocabSize()));
        SplittableRandom random = new SplittableRandom(seed);
        SafetensorsWriter writer = new SafetensorsWriter();
        for (Map.Entry<String, int[]> e : config.expectedTensors(true, true).entrySet()) {
            String name = e.getKey();
            int n = 1;
            for (int d : e.getValue()) n *= d;
            float[] values = new float[n];
            boolean gamma = name.endsWith("LayerNorm.weight");
            for (int i = 0; i < n; i++) values[i] = (float) ((gamma ? 1 : 0) + (gamma ? 0.1 : 0.3) * gaussian(random));
            String stored = bertPrefix && !name.startsWith("cls.") ? "bert." + name : name;
            writer.add(stored, e.getValue(), values);
        }
        writer.write(dir.resolve("model.safetensors"));
        return dir;
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(Double.MIN_VALUE, 1.0), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private TinyBert() {}
}
