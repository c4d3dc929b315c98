package dev.drex.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TF -> HF converter on a tiny BERT bundle built in the test (hidden 4, 2 layers, vocab 10). */
class BertTfConverterTest {

    static final int VOCAB = 10, HIDDEN = 4, LAYERS = 2, INTER = 8, POSITIONS = 6, TYPES = 2;

    @TempDir
    Path dir;

    private final Random random = new Random(11);

    @Test
    void namesMapToHuggingFaceBertNames() throws IOException {
        assertEquals("embeddings.word_embeddings.weight", BertTfConverter.hfName("bert/embeddings/word_embeddings"));
        assertEquals("embeddings.LayerNorm.weight", BertTfConverter.hfName("module/bert/embeddings/LayerNorm/gamma"));
        assertEquals("embeddings.LayerNorm.bias", BertTfConverter.hfName("bert/embeddings/LayerNorm/beta"));
        assertEquals("encoder.layer.11.attention.self.query.weight",
                BertTfConverter.hfName("bert/encoder/layer_11/attention/self/query/kernel"));
        assertEquals("encoder.layer.0.attention.output.LayerNorm.bias",
                BertTfConverter.hfName("bert/encoder/layer_0/attention/output/LayerNorm/beta"));
        assertEquals("encoder.layer.3.intermediate.dense.bias", BertTfConverter.hfName("bert/encoder/layer_3/intermediate/dense/bias"));
        assertEquals("pooler.dense.weight", BertTfConverter.hfName("bert/pooler/dense/kernel"));
        assertEquals("cls.predictions.transform.dense.weight", BertTfConverter.hfName("cls/predictions/transform/dense/kernel"));
        assertEquals("cls.predictions.transform.LayerNorm.weight", BertTfConverter.hfName("cls/predictions/transform/LayerNorm/gamma"));
        assertEquals("cls.predictions.bias", BertTfConverter.hfName("module/cls/predictions/output_bias"));
        assertEquals("cls.seq_relationship.weight", BertTfConverter.hfName("cls/seq_relationship/output_weights"));
        assertNull(BertTfConverter.hfName("global_step"));
        assertNull(BertTfConverter.hfName("bert/encoder/layer_0/output/dense/kernel/adam_m"));
        assertNull(BertTfConverter.hfName("bert/embeddings/word_embeddings/adam_v"));
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class,
                () -> BertTfConverter.hfName("bert/encoder/layer_0/mystery/thing"));
        assertTrue(e.getMessage().contains("bert/encoder/layer_0/mystery/thing"), e.getMessage());
    }

    @Test
    void convertsATinyCheckpointTransposingKernelsAndSkippingOptimizerSlots() throws IOException {
        List<TestBytes.Tensor> tensors = tinyBert(true);
        float[] queryKernel = find(tensors, "bert/encoder/layer_1/attention/self/query/kernel");
        float[] interKernel = find(tensors, "bert/encoder/layer_0/intermediate/dense/kernel");
        float[] words = find(tensors, "bert/embeddings/word_embeddings");
        tensors.add(new TestBytes.Tensor("global_step", new long[0], new float[] {1000}));
        tensors.add(new TestBytes.Tensor("bert/embeddings/word_embeddings/adam_m", new long[] {VOCAB, HIDDEN}, new float[VOCAB * HIDDEN]));
        Path savedModel = savedModel(tensors);
        Path out = dir.resolve("out");

        HfBertConfig config = BertTfConverter.convert(savedModel, out, 2, null);

        assertEquals(new HfBertConfig(VOCAB, HIDDEN, LAYERS, 2, INTER, "gelu_new", POSITIONS, TYPES, 1e-12), config);
        try (SafetensorsReader r = SafetensorsReader.open(out.resolve("model.safetensors"))) {
            assertEquals(config.expectedTensors(true, true).keySet(), r.names());
            for (var e : config.expectedTensors(true, true).entrySet()) {
                assertArrayEquals(e.getValue(), r.shape(e.getKey()), e.getKey());
            }
            assertArrayEquals(words, r.readFloats("embeddings.word_embeddings.weight"));
            // TF kernel K [in, out] becomes W [out, in] with W[o][i] = K[i][o].
            float[] w = r.readFloats("encoder.layer.1.attention.self.query.weight");
            float[] wi = r.readFloats("encoder.layer.0.intermediate.dense.weight");
            for (int i = 0; i < HIDDEN; i++) {
                for (int o = 0; o < HIDDEN; o++) assertEquals(queryKernel[i * HIDDEN + o], w[o * HIDDEN + i]);
                for (int o = 0; o < INTER; o++) assertEquals(interKernel[i * INTER + o], wi[o * HIDDEN + i]);
            }
            assertEquals("BertTfConverter", r.metadata().get("converter"));
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertEquals("gelu_new", json.get("hidden_act").asText());
        assertEquals("bert", json.get("model_type").asText());
        assertEquals(VOCAB, json.get("vocab_size").asInt());
        assertEquals(1e-12, json.get("layer_norm_eps").asDouble());
        assertEquals(Files.readString(savedModel.resolve("assets/vocab.txt")), Files.readString(out.resolve("vocab.txt")));
    }

    @Test
    void missingLayerTensorIsNamed() throws IOException {
        List<TestBytes.Tensor> tensors = tinyBert(false);
        tensors.removeIf(t -> t.name().equals("bert/encoder/layer_1/output/LayerNorm/gamma"));
        Path savedModel = savedModel(tensors);
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class,
                () -> BertTfConverter.convert(savedModel, dir.resolve("out"), 2, null));
        assertTrue(e.getMessage().contains("missing [encoder.layer.1.output.LayerNorm.weight]"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("out/model.safetensors")));
    }

    @Test
    void corruptTensorFailsTheConversionNamingItAndLeavesNoOutput() throws IOException {
        Path savedModel = savedModel(tinyBert(false));
        Path data = savedModel.resolve("variables/variables.data-00000-of-00001");
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length - 2] ^= 0x10; // inside the last tensor in name order
        Files.write(data, bytes);
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class,
                () -> BertTfConverter.convert(savedModel, dir.resolve("out"), 2, null));
        assertTrue(e.getMessage().contains("crc32c mismatch") && e.getMessage().contains("bert/pooler/dense/kernel"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("out/model.safetensors")));
    }

    private Path savedModel(List<TestBytes.Tensor> tensors) throws IOException {
        Path savedModel = dir.resolve("saved_model");
        Files.createDirectories(savedModel.resolve("variables"));
        Files.createDirectories(savedModel.resolve("assets"));
        TestBytes.writeBundle(savedModel.resolve("variables/variables"), tensors);
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < VOCAB; i++) vocab.append("tok").append(i).append('\n');
        Files.writeString(savedModel.resolve("assets/vocab.txt"), vocab);
        return savedModel;
    }

    private List<TestBytes.Tensor> tinyBert(boolean mlmHead) {
        List<TestBytes.Tensor> t = new ArrayList<>();
        add(t, "bert/embeddings/word_embeddings", VOCAB, HIDDEN);
        add(t, "bert/embeddings/position_embeddings", POSITIONS, HIDDEN);
        add(t, "bert/embeddings/token_type_embeddings", TYPES, HIDDEN);
        layerNorm(t, "bert/embeddings/LayerNorm");
        for (int l = 0; l < LAYERS; l++) {
            String p = "bert/encoder/layer_" + l + "/";
            for (String qkv : List.of("query", "key", "value")) dense(t, p + "attention/self/" + qkv, HIDDEN, HIDDEN);
            dense(t, p + "attention/output/dense", HIDDEN, HIDDEN);
            layerNorm(t, p + "attention/output/LayerNorm");
            dense(t, p + "intermediate/dense", HIDDEN, INTER);
            dense(t, p + "output/dense", INTER, HIDDEN);
            layerNorm(t, p + "output/LayerNorm");
        }
        dense(t, "bert/pooler/dense", HIDDEN, HIDDEN);
        if (mlmHead) {
            dense(t, "cls/predictions/transform/dense", HIDDEN, HIDDEN);
            layerNorm(t, "cls/predictions/transform/LayerNorm");
            add(t, "cls/predictions/output_bias", VOCAB);
        }
        return t;
    }

    private void dense(List<TestBytes.Tensor> t, String prefix, int in, int out) {
        add(t, prefix + "/kernel", in, out);
        add(t, prefix + "/bias", out);
    }

    private void layerNorm(List<TestBytes.Tensor> t, String prefix) {
        add(t, prefix + "/gamma", HIDDEN);
        add(t, prefix + "/beta", HIDDEN);
    }

    private void add(List<TestBytes.Tensor> t, String name, int... shape) {
        int n = 1;
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            n *= shape[i];
            dims[i] = shape[i];
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float) random.nextGaussian();
        t.add(new TestBytes.Tensor(name, dims, values));
    }

    private static float[] find(List<TestBytes.Tensor> tensors, String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().values();
    }
}
