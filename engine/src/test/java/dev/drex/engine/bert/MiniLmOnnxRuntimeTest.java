package dev.drex.engine.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.drex.engine.io.MiniLmOnnxConverter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our forward pass against ONNX Runtime (an independent engine) on the real all-MiniLM-L6-v2
 * export from the langchain4j jar: ORT runs the ONNX file, we run its conversion to safetensors.
 * One batch of sequences of different lengths, padded for ORT, including a literal "[PAD]" token
 * inside a text (a real token: attention mask 1).
 */
class MiniLmOnnxRuntimeTest {

    @TempDir
    Path dir;

    // Token ids (bert-base-uncased vocab): [CLS]=101, [SEP]=102, [PAD]=0.
    static final int[][] IDS = {
            {101, 1996, 4937, 2938, 2006, 1996, 13523, 1012, 102},          // the cat sat on the mat .
            {101, 7592, 102},                                                  // hello
            {101, 1037, 0, 2003, 1037, 2613, 19204, 2182, 1012, 102},          // a [PAD] is a real token here .
            {101, 2054, 1037, 6919, 2154, 2000, 2175, 2005, 1037, 3328, 1999, 1996, 2380, 999, 1045, 2293, 2009, 102},
    };

    /** Every storage of the linear weights: read from the safetensors mapping, from the packed sidecar, packed on the heap. */
    @ParameterizedTest
    @EnumSource(BertWeightStorage.class)
    void lastHiddenStateMatchesOnnxRuntime(BertWeightStorage storage) throws IOException, OrtException {
        Path onnx = resource("all-minilm-l6-v2.onnx"), tokenizer = resource("all-minilm-l6-v2-tokenizer.json");
        Path model = dir.resolve("minilm");
        MiniLmOnnxConverter.convert(onnx, tokenizer, model, 12, null);

        int batch = IDS.length, len = 0;
        for (int[] row : IDS) len = Math.max(len, row.length);
        long[][] ids = new long[batch][len], mask = new long[batch][len], types = new long[batch][len];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < IDS[b].length; t++) {
                ids[b][t] = IDS[b][t];
                mask[b][t] = 1;
            }
        }
        float[][][] expected;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            try (OrtSession session = env.createSession(onnx.toString(), options)) {
                Set<String> inputs = session.getInputNames();
                System.out.println("ONNX inputs " + inputs + ", outputs " + session.getOutputNames());
                assertEquals(Set.of("input_ids", "attention_mask", "token_type_ids"), inputs);
                try (OnnxTensor i = OnnxTensor.createTensor(env, ids); OnnxTensor m = OnnxTensor.createTensor(env, mask);
                     OnnxTensor t = OnnxTensor.createTensor(env, types);
                     OrtSession.Result result = session.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", t))) {
                    expected = (float[][][]) result.get(0).getValue();
                }
            }
        }

        try (BertModel ours = BertModel.load(model, storage, dir.resolve("packed"))) {
            assertEquals(storage, ours.weightStorage());
            BertOutput out = ours.forward(IDS, null);
            assertEquals(len, out.seqLen());
            double max = 0;
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < IDS[b].length; t++) {
                    for (int j = 0; j < out.hidden(); j++) {
                        max = Math.max(max, Math.abs(out.hidden(b, t, j) - expected[b][t][j]));
                    }
                }
            }
            System.out.printf(storage + ": all-MiniLM-L6-v2 vs ONNX Runtime: max |diff| of last_hidden_state over %d real tokens = %.3e%n",
                    java.util.Arrays.stream(IDS).mapToInt(r -> r.length).sum(), max);
            assertTrue(max <= 1e-4, "max |diff| " + max);
            // the literal [PAD] row differs from the same text with [PAD] removed: it was attended to
            assertTrue(Math.abs(out.hidden(2, 0, 0) - ours.forward(new int[][] {{101, 1037, 2003, 102}}, null).hidden(0, 0, 0)) > 1e-4);
        }
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " not on the test class path (the langchain4j all-MiniLM-L6-v2 jar, test scope)");
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }
}
