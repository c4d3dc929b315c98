package dev.drex.tokenizer.bert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hugging Face {@code tokenizer.json} of a BERT WordPiece tokenizer: the vocabulary
 * ({@code model.vocab}), the WordPiece settings, the {@code BertNormalizer} flags, the
 * {@code [CLS]}/{@code [SEP]} of the post-processor and the added (special) tokens. Anything this
 * implementation would not reproduce exactly (another model or normalizer type, added tokens with
 * {@code normalized}, {@code lstrip}, {@code rstrip} or {@code single_word}) is rejected with an
 * error naming the source and the key, rather than silently tokenized differently.
 */
final class TokenizerJsonReader {

    record Loaded(Vocabulary vocabulary, BertTokenizerConfig config) {}

    private TokenizerJsonReader() {}

    static Loaded read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    static Loaded read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.isObject()) throw error(source, "not a JSON object");

        JsonNode model = root.path("model");
        if (!"WordPiece".equals(model.path("type").asText(null))) {
            throw error(source, "model.type must be \"WordPiece\", got " + model.path("type"));
        }
        JsonNode vocabNode = model.path("vocab");
        if (!vocabNode.isObject() || vocabNode.isEmpty()) throw error(source, "model.vocab must be a non-empty object");
        Map<String, Integer> tokenToId = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : vocabNode.properties()) {
            if (!e.getValue().canConvertToInt()) throw error(source, "model.vocab[\"" + e.getKey() + "\"] is not an integer id");
            tokenToId.put(e.getKey(), e.getValue().intValue());
        }
        Vocabulary vocab;
        try {
            vocab = Vocabulary.fromMap(tokenToId);
        } catch (IllegalArgumentException e) {
            throw error(source, "model.vocab: " + e.getMessage());
        }
        String unk = model.path("unk_token").asText("[UNK]");
        String prefix = model.path("continuing_subword_prefix").asText("##");
        int maxChars = model.path("max_input_chars_per_word").asInt(100);

        JsonNode norm = root.path("normalizer");
        if (!norm.isObject() || !"BertNormalizer".equals(norm.path("type").asText(null))) {
            throw error(source, "normalizer.type must be \"BertNormalizer\", got " + norm.path("type"));
        }
        boolean lowercase = norm.path("lowercase").asBoolean(true);
        JsonNode strip = norm.path("strip_accents");
        boolean stripAccents = strip.isBoolean() ? strip.booleanValue() : lowercase;

        JsonNode pre = root.path("pre_tokenizer");
        if (!"BertPreTokenizer".equals(pre.path("type").asText(null))) {
            throw error(source, "pre_tokenizer.type must be \"BertPreTokenizer\", got " + pre.path("type"));
        }

        String[] clsSep = readClsSep(root.path("post_processor"), source);
        String pad = root.path("padding").path("pad_token").asText("[PAD]");

        List<String> specials = new ArrayList<>();
        for (JsonNode t : root.path("added_tokens")) {
            String content = t.path("content").asText();
            for (String flag : List.of("normalized", "lstrip", "rstrip", "single_word")) {
                if (t.path(flag).asBoolean(false)) {
                    throw error(source, "added token \"" + content + "\" has " + flag + "=true, which is not supported");
                }
            }
            if (vocab.id(content) != t.path("id").asInt(-1)) {
                throw error(source, "added token \"" + content + "\" has id " + t.path("id")
                        + " but the vocabulary gives " + vocab.id(content));
            }
            specials.add(content);
        }
        BertTokenizerConfig config = new BertTokenizerConfig(
                norm.path("clean_text").asBoolean(true), norm.path("handle_chinese_chars").asBoolean(true),
                stripAccents, lowercase, unk, prefix, maxChars, clsSep[0], clsSep[1], pad, specials);
        return new Loaded(vocab, config);
    }

    /** [CLS] and [SEP] from a TemplateProcessing or BertProcessing post-processor. */
    private static String[] readClsSep(JsonNode post, String source) throws IOException {
        String type = post.path("type").asText(null);
        if ("BertProcessing".equals(type)) {
            return new String[] {post.path("cls").path(0).asText(), post.path("sep").path(0).asText()};
        }
        if ("TemplateProcessing".equals(type)) {
            JsonNode single = post.path("single");
            if (single.size() != 3 || !single.path(1).has("Sequence")) {
                throw error(source, "post_processor.single must be [special, sequence, special], got " + single);
            }
            return new String[] {single.path(0).path("SpecialToken").path("id").asText(),
                                 single.path(2).path("SpecialToken").path("id").asText()};
        }
        throw error(source, "post_processor.type must be TemplateProcessing or BertProcessing, got " + post.path("type"));
    }

    private static IOException error(String source, String message) {
        return new IOException(source + ": " + message);
    }
}
