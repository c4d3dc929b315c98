package dev.drex.engine.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A BERT encoder's hyper-parameters under the Hugging Face {@code config.json} key names, and the
 * exact set of tensors (HF {@code BertModel} names, PyTorch {@code [out, in]} layout for linear
 * weights) a checkpoint of that shape must hold.
 *
 * @param hiddenAct "gelu" = exact erf GELU; "gelu_new" = the tanh approximation used by Google's
 *                  original BERT code (HF {@code NewGELUActivation})
 */
public record HfBertConfig(int vocabSize, int hiddenSize, int numHiddenLayers, int numAttentionHeads,
                           int intermediateSize, String hiddenAct, int maxPositionEmbeddings, int typeVocabSize,
                           double layerNormEps) {

    public HfBertConfig {
        if (numAttentionHeads < 1 || hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not divisible by num_attention_heads "
                    + numAttentionHeads);
        }
    }

    /** The HF config.json object ({@code model_type "bert"}, absolute positions, pad id 0). */
    public ObjectNode toJson(String architecture) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.putArray("architectures").add(architecture);
        n.put("model_type", "bert");
        n.put("vocab_size", vocabSize);
        n.put("hidden_size", hiddenSize);
        n.put("num_hidden_layers", numHiddenLayers);
        n.put("num_attention_heads", numAttentionHeads);
        n.put("intermediate_size", intermediateSize);
        n.put("hidden_act", hiddenAct);
        n.put("hidden_dropout_prob", 0.1);
        n.put("attention_probs_dropout_prob", 0.1);
        n.put("max_position_embeddings", maxPositionEmbeddings);
        n.put("type_vocab_size", typeVocabSize);
        n.put("initializer_range", 0.02);
        n.put("layer_norm_eps", layerNormEps);
        n.put("pad_token_id", 0);
        n.put("position_embedding_type", "absolute");
        return n;
    }

    /** Writes config.json atomically. */
    public void writeJson(Path file, String architecture) throws IOException {
        byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(toJson(architecture));
        AtomicFiles.write(file, bytes);
    }

    /**
     * The tensors a checkpoint of this configuration holds, name to shape, in a readable order.
     *
     * @param withPooler  include {@code pooler.dense.*}
     * @param withMlmHead include the masked-LM head {@code cls.predictions.*} (its decoder weight is
     *                    tied to the word embeddings and so not stored)
     */
    public Map<String, int[]> expectedTensors(boolean withPooler, boolean withMlmHead) {
        int h = hiddenSize;
        Map<String, int[]> t = new LinkedHashMap<>();
        t.put("embeddings.word_embeddings.weight", new int[] {vocabSize, h});
        t.put("embeddings.position_embeddings.weight", new int[] {maxPositionEmbeddings, h});
        t.put("embeddings.token_type_embeddings.weight", new int[] {typeVocabSize, h});
        layerNorm(t, "embeddings.LayerNorm");
        for (int l = 0; l < numHiddenLayers; l++) {
            String p = "encoder.layer." + l + ".";
            for (String qkv : List.of("query", "key", "value")) linear(t, p + "attention.self." + qkv, h, h);
            linear(t, p + "attention.output.dense", h, h);
            layerNorm(t, p + "attention.output.LayerNorm");
            linear(t, p + "intermediate.dense", intermediateSize, h);
            linear(t, p + "output.dense", h, intermediateSize);
            layerNorm(t, p + "output.LayerNorm");
        }
        if (withPooler) linear(t, "pooler.dense", h, h);
        if (withMlmHead) {
            linear(t, "cls.predictions.transform.dense", h, h);
            layerNorm(t, "cls.predictions.transform.LayerNorm");
            t.put("cls.predictions.bias", new int[] {vocabSize});
        }
        return t;
    }

    private void linear(Map<String, int[]> t, String prefix, int out, int in) {
        t.put(prefix + ".weight", new int[] {out, in});
        t.put(prefix + ".bias", new int[] {out});
    }

    private void layerNorm(Map<String, int[]> t, String prefix) {
        t.put(prefix + ".weight", new int[] {hiddenSize});
        t.put(prefix + ".bias", new int[] {hiddenSize});
    }

    /**
     * Fails unless {@code actual} holds exactly the {@code expected} names with the expected shapes;
     * the message names every missing and unexpected tensor and every shape mismatch.
     */
    public static void verify(Map<String, int[]> actual, Map<String, int[]> expected, String source)
            throws CheckpointFormatException {
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        TreeSet<String> unexpected = new TreeSet<>(actual.keySet());
        unexpected.removeAll(expected.keySet());
        if (!missing.isEmpty()) problems.add("missing " + missing);
        if (!unexpected.isEmpty()) problems.add("unexpected " + unexpected);
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            int[] found = actual.get(e.getKey());
            if (found != null && !Arrays.equals(found, e.getValue())) {
                problems.add("'" + e.getKey() + "' expected shape " + Arrays.toString(e.getValue()) + ", found "
                        + Arrays.toString(found));
            }
        }
        if (!problems.isEmpty()) {
            throw new CheckpointFormatException(source + ": not the tensors of a BERT model of this config: "
                    + String.join("; ", problems));
        }
    }
}
