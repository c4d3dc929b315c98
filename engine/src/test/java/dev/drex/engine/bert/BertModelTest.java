package dev.drex.engine.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.engine.io.HfBertConfig;
import dev.drex.engine.io.SafetensorsReader;
import dev.drex.engine.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BertModel on a tiny random checkpoint against {@link NaiveBert} (plain loops, double). */
class BertModelTest {

    @TempDir
    Path dir;

    /** Three sequences of different lengths: a literal [PAD] (id 0) inside one, a masked key in another. */
    static final int[][] IDS = {
            {2, 5, 6, 0, 7, 3},                 // [CLS] the cat [PAD] sat [SEP]: the [PAD] is a real token
            {2, 3},
            {2, 10, 12, 7, 8, 5, 9, 13, 4, 3},   // includes [MASK]
    };
    static final int[][] MASK = {{1, 1, 1, 1, 1, 1}, {1, 1}, {1, 1, 1, 1, 0, 1, 1, 1, 1, 1}};
    static final int[][] TYPES = {{0, 0, 0, 0, 0, 0}, {0, 1}, {0, 0, 0, 0, 1, 1, 1, 1, 1, 1}};

    @ParameterizedTest
    @CsvSource({"gelu, false, MAPPED", "gelu_new, true, MAPPED", "gelu_pytorch_tanh, false, MAPPED",
            "gelu, false, HEAP", "gelu_new, true, HEAP", "gelu, false, PACKED_FILE", "gelu_new, true, PACKED_FILE"})
    void forwardMatchesTheNaiveReference(String act, boolean bertPrefix, BertWeightStorage storage) throws IOException {
        TinyBert.write(dir, act, bertPrefix, 7);
        HfBertConfig c = TinyBert.config(act);
        NaiveBert naive = new NaiveBert(dir, c.numHiddenLayers(), c.numAttentionHeads(), !act.equals("gelu"), c.layerNormEps());
        try (BertModel model = BertModel.load(dir, storage, null)) {
            assertEquals(storage, model.weightStorage());
            assertEquals(!act.equals("gelu"), model.config().geluTanh());
            assertTrue(model.hasPooler());
            assertTrue(model.hasMaskedLmHead());
            BertOutput out = model.forward(IDS, MASK, TYPES);
            assertEquals(10, out.seqLen());
            double maxHidden = 0, maxPooled = 0, maxLogit = 0;
            for (int b = 0; b < IDS.length; b++) {
                double[][] ref = naive.encode(IDS[b], MASK[b], TYPES[b]);
                for (int t = 0; t < out.seqLen(); t++) {
                    for (int j = 0; j < out.hidden(); j++) {
                        if (t < IDS[b].length) maxHidden = Math.max(maxHidden, Math.abs(out.hidden(b, t, j) - ref[t][j]));
                        else assertEquals(0f, out.hidden(b, t, j), "padding position stays zero");
                    }
                }
                double[] pooled = naive.pooled(ref);
                for (int j = 0; j < pooled.length; j++) maxPooled = Math.max(maxPooled, Math.abs(out.pooled()[b * 20 + j] - pooled[j]));
                int t = IDS[b].length - 2;
                double[] logits = naive.maskedLmLogits(ref[t]);
                float[] ours = model.maskedLmLogits(out, b, t);
                for (int v = 0; v < logits.length; v++) maxLogit = Math.max(maxLogit, Math.abs(ours[v] - logits[v]));
            }
            System.out.printf("tiny BERT (%s): max |diff| hidden %.2e, pooled %.2e, MLM logits %.2e%n",
                    act, maxHidden, maxPooled, maxLogit);
            assertTrue(maxHidden < 2e-5, "hidden " + maxHidden);
            assertTrue(maxPooled < 2e-5, "pooled " + maxPooled);
            assertTrue(maxLogit < 1e-4, "logits " + maxLogit);
        }
    }

    @Test
    void eachSequenceIsEncodedAsIfAlone() throws IOException {
        TinyBert.write(dir, "gelu", false, 3);
        try (BertModel model = BertModel.load(dir)) {
            BertOutput batch = model.forward(IDS, MASK);
            for (int b = 0; b < IDS.length; b++) {
                BertOutput alone = model.forward(new int[][] {IDS[b]}, new int[][] {MASK[b]});
                for (int t = 0; t < IDS[b].length; t++) {
                    for (int j = 0; j < 20; j++) assertEquals(alone.hidden(0, t, j), batch.hidden(b, t, j), 1e-6);
                }
            }
        }
    }

    @Test
    void theMaskNotTheIdDecidesWhatIsPadding() throws IOException {
        TinyBert.write(dir, "gelu", false, 5);
        try (BertModel model = BertModel.load(dir)) {
            // the same ids, once with [PAD] attended to and once masked: outputs of [CLS] must differ
            BertOutput attended = model.forward(new int[][] {{2, 5, 0, 3}}, null);
            BertOutput masked = model.forward(new int[][] {{2, 5, 0, 3}}, new int[][] {{1, 1, 0, 1}});
            BertOutput without = model.forward(new int[][] {{2, 5, 3}}, null);
            assertNotEquals(attended.hidden(0, 0, 0), masked.hidden(0, 0, 0));
            // masking a middle key is not the same as removing it (positions shift), but masked keys
            // contribute nothing: perturbing the masked token's id leaves the others unchanged
            BertOutput maskedOther = model.forward(new int[][] {{2, 5, 9, 3}}, new int[][] {{1, 1, 0, 1}});
            for (int j = 0; j < 20; j++) assertEquals(masked.hidden(0, 3, j), maskedOther.hidden(0, 3, j), 1e-6);
            assertEquals(3, without.seqLen());
        }
    }

    @Test
    void modelWithoutPoolerGivesNullPooled() throws IOException {
        HfBertConfig c = TinyBert.config("gelu");
        SafetensorsWriter writer = new SafetensorsWriter();
        for (var e : c.expectedTensors(false, false).entrySet()) {
            int n = 1;
            for (int d : e.getValue()) n *= d;
            writer.add(e.getKey(), e.getValue(), new float[n]);
        }
        Files.createDirectories(dir);
        c.writeJson(dir.resolve("config.json"), "BertModel");
        writer.write(dir.resolve("model.safetensors"));
        try (BertModel model = BertModel.load(dir)) {
            assertFalse(model.hasPooler());
            assertFalse(model.hasMaskedLmHead());
            assertNull(model.forward(new int[][] {{2, 3}}, null).pooled());
            BertOutput out = model.forward(new int[][] {{2, 3}}, null);
            assertThrows(IllegalStateException.class, () -> model.maskedLmLogits(out, 0, 0));
        }
    }

    @Test
    void aMissingOrMisShapedTensorIsNamed() throws IOException {
        HfBertConfig c = TinyBert.config("gelu");
        SafetensorsWriter writer = new SafetensorsWriter();
        for (var e : c.expectedTensors(true, false).entrySet()) {
            if (e.getKey().equals("encoder.layer.1.attention.self.key.bias")) continue;
            int[] shape = e.getKey().equals("encoder.layer.0.output.dense.weight") ? new int[] {36, 20} : e.getValue();
            writer.add(e.getKey(), shape, new float[shape[0] * (shape.length > 1 ? shape[1] : 1)]);
        }
        Files.createDirectories(dir);
        c.writeJson(dir.resolve("config.json"), "BertModel");
        writer.write(dir.resolve("model.safetensors"));
        IOException e = assertThrows(IOException.class, () -> BertModel.load(dir));
        assertTrue(e.getMessage().contains("'encoder.layer.1.attention.self.key.bias' missing (expected shape [20])"), e.getMessage());
        assertTrue(e.getMessage().contains("'encoder.layer.0.output.dense.weight' expected shape [20, 36], found [36, 20]"),
                e.getMessage());
    }

    @Test
    void unsupportedActivationAndBadIdsAreClearErrors() throws IOException {
        TinyBert.write(dir, "relu", false, 1);
        IOException e = assertThrows(IOException.class, () -> BertModel.load(dir));
        assertTrue(e.getMessage().contains("hidden_act 'relu' is not supported"), e.getMessage());
        TinyBert.write(dir, "gelu", false, 1);
        try (BertModel model = BertModel.load(dir)) {
            var bad = assertThrows(IllegalArgumentException.class, () -> model.forward(new int[][] {{2, 40}}, null));
            assertTrue(bad.getMessage().contains("token id 40 outside the vocabulary [0, 40)"), bad.getMessage());
            var tooLong = assertThrows(IllegalArgumentException.class, () -> model.forward(new int[][] {new int[17]}, null));
            assertTrue(tooLong.getMessage().contains("max_position_embeddings 16"), tooLong.getMessage());
            var mask = assertThrows(IllegalArgumentException.class, () -> model.forward(new int[][] {{2, 3}}, new int[][] {{1}}));
            assertTrue(mask.getMessage().contains("attention mask row 0"), mask.getMessage());
        }
    }

    @Test
    void naiveErfIsAccurate() {
        assertEquals(0.8427007929497149, NaiveBert.erf(1.0), 1e-12);
        assertEquals(-0.9953222650189527, NaiveBert.erf(-2.0), 1e-12);
        assertEquals(0.9999999845827421, NaiveBert.erf(4.0), 1e-9); // series cancellation at large x
    }

    /** Pre-packed: everything but the word embeddings on the heap; mapped: the linear weights stay in the file too. */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void weightsOnTheHeapAreCounted(boolean prepack) throws IOException {
        TinyBert.write(dir, "gelu", false, 1);
        try (BertModel model = BertModel.load(dir, prepack);
             SafetensorsReader r = SafetensorsReader.open(dir.resolve("model.safetensors"))) {
            long all = 0, encoderLinear = 0;
            for (String n : r.names()) {
                all += r.elementCount(n);
                boolean linear = n.startsWith("encoder.") || n.startsWith("pooler.");
                if (linear && n.endsWith(".weight") && r.shape(n).length == 2) encoderLinear += r.elementCount(n);
            }
            assertTrue(encoderLinear > 0, "the tiny model has encoder linear weights");
            long expected = all - 40 * 20 - (prepack ? 0 : encoderLinear); // word embeddings (40 x 20) always mapped
            assertEquals(expected * 4, model.heapBytes());
        }
    }
}
