package dev.drex.engine.bert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drex.engine.io.CheckpointFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A BERT encoder's hyper-parameters, read from a Hugging Face {@code config.json}.
 *
 * @param geluTanh true for the tanh approximation of GELU ({@code hidden_act} "gelu_new" or
 *                 "gelu_pytorch_tanh", Google's original BERT), false for the exact erf form ("gelu")
 */
public record BertConfig(int vocabSize, int hiddenSize, int numHiddenLayers, int numAttentionHeads,
                         int intermediateSize, boolean geluTanh, int maxPositionEmbeddings, int typeVocabSize,
                         float layerNormEps) {

    public BertConfig {
        positive("vocab_size", vocabSize);
        positive("hidden_size", hiddenSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("intermediate_size", intermediateSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        positive("type_vocab_size", typeVocabSize);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not divisible by num_attention_heads "
                    + numAttentionHeads);
        }
        if (!(layerNormEps >= 0f)) throw new IllegalArgumentException("layer_norm_eps must be >= 0, got " + layerNormEps);
    }

    /** Width of one attention head, hidden_size / num_attention_heads. */
    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    /** The {@code hidden_act} name this config was read from (canonical spelling). */
    public String hiddenAct() {
        return geluTanh ? "gelu_new" : "gelu";
    }

    /**
     * Reads {@code config.json}. Required keys: vocab_size, hidden_size, num_hidden_layers,
     * num_attention_heads, intermediate_size, max_position_embeddings. Defaults as in HF
     * {@code BertConfig}: hidden_act "gelu", type_vocab_size 2, layer_norm_eps 1e-12.
     *
     * @throws CheckpointFormatException naming the file and key on a missing or bad value
     */
    public static BertConfig read(Path configJson) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(configJson));
        } catch (JsonProcessingException e) {
            throw new CheckpointFormatException(configJson + ": not well-formed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new CheckpointFormatException(configJson + ": not a JSON object");
        String type = root.path("position_embedding_type").asText("absolute");
        if (!type.equals("absolute")) {
            throw new CheckpointFormatException(configJson + ": position_embedding_type '" + type
                    + "' is not supported (only 'absolute')");
        }
        String act = root.path("hidden_act").asText("gelu");
        boolean tanh = switch (act) {
            case "gelu" -> false;
            case "gelu_new", "gelu_pytorch_tanh" -> true;
            default -> throw new CheckpointFormatException(configJson + ": hidden_act '" + act
                    + "' is not supported (expected 'gelu' (erf form), 'gelu_new' or 'gelu_pytorch_tanh' (tanh form))");
        };
        try {
            return new BertConfig(intKey(root, "vocab_size", configJson, -1), intKey(root, "hidden_size", configJson, -1),
                    intKey(root, "num_hidden_layers", configJson, -1), intKey(root, "num_attention_heads", configJson, -1),
                    intKey(root, "intermediate_size", configJson, -1), tanh,
                    intKey(root, "max_position_embeddings", configJson, -1), intKey(root, "type_vocab_size", configJson, 2),
                    (float) doubleKey(root, "layer_norm_eps", configJson, 1e-12));
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(configJson + ": " + e.getMessage());
        }
    }

    private static int intKey(JsonNode root, String key, Path file, int defaultValue) throws CheckpointFormatException {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            if (defaultValue >= 0) return defaultValue;
            throw new CheckpointFormatException(file + ": missing required key '" + key + "'");
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new CheckpointFormatException(file + ": '" + key + "' must be an integer, found " + n);
        }
        return n.asInt();
    }

    private static double doubleKey(JsonNode root, String key, Path file, double defaultValue)
            throws CheckpointFormatException {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return defaultValue;
        if (!n.isNumber()) throw new CheckpointFormatException(file + ": '" + key + "' must be a number, found " + n);
        return n.asDouble();
    }

    private static void positive(String key, int value) {
        if (value < 1) throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
}
