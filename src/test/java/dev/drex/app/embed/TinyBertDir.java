package dev.drex.app.embed;

import dev.drex.engine.io.HfBertConfig;
import dev.drex.engine.io.SafetensorsWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a small random Hugging Face BERT directory for tests: config.json, vocab.txt (the specials, the
 * 26 letters and their 26 "##" continuations, so every lowercase word is one piece per letter) and
 * model.safetensors with weights ~ N(0, 0.2^2), LayerNorm gamma ~ 1 + N(0, 0.05^2).
 */
public final class TinyBertDir {

    private TinyBertDir() {
    }

    public static List<String> vocab() {
        List<String> v = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (char c = 'a'; c <= 'z'; c++) v.add(String.valueOf(c));
        for (char c = 'a'; c <= 'z'; c++) v.add("##" + c);
        return v;
    }

    /** A model of width {@code hidden} with {@code maxPositions} positions. */
    public static Path write(Path dir, int hidden, int layers, int maxPositions, long seed) throws IOException {
        HfBertConfig config = new HfBertConfig(vocab().size(), hidden, layers, 2, 2 * hidden, "gelu", maxPositions, 2, 1e-12);
        Files.createDirectories(dir);
        config.writeJson(dir.resolve("config.json"), "BertModel");
        Files.write(dir.resolve("vocab.txt"), vocab());
        SplittableRandom random = new SplittableRandom(seed);
        SafetensorsWriter writer = new SafetensorsWriter();
        for (Map.Entry<String, int[]> e : config.expectedTensors(false, false).entrySet()) {
            int n = 1;
            for (int d : e.getValue()) n *= d;
            float[] values = new float[n];
            boolean gamma = e.getKey().endsWith("LayerNorm.weight");
            for (int i = 0; i < n; i++) values[i] = (float) ((gamma ? 1 : 0) + (gamma ? 0.05 : 0.2) * gaussian(random));
            writer.add(e.getKey(), e.getValue(), values);
        }
        writer.write(dir.resolve("model.safetensors"));
        return dir;
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(Double.MIN_VALUE, 1.0), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
