package dev.drex.tokenizer.bert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WordPiece vocabulary: token string {@code <->} id, ids dense in {@code [0, size)}.
 * Immutable and thread-safe.
 */
public final class Vocabulary {

    private final String[] tokens;
    private final Map<String, Integer> ids;

    /** @param tokens token of each id; every token must be distinct */
    public Vocabulary(String[] tokens) {
        this.tokens = tokens.clone();
        this.ids = HashMap.newHashMap(tokens.length);
        for (int id = 0; id < tokens.length; id++) {
            if (tokens[id] == null) throw new IllegalArgumentException("vocabulary has no token for id " + id);
            Integer previous = ids.put(tokens[id], id);
            if (previous != null) {
                throw new IllegalArgumentException("token '" + tokens[id] + "' has two ids: " + previous + " and " + id);
            }
        }
    }

    /**
     * Reads a BERT {@code vocab.txt}: one token per line, id = 0-based line index. A trailing
     * newline at the end of the file does not add a token; a carriage return before the newline
     * is dropped.
     */
    public static Vocabulary readVocabTxt(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] tokens = new String[lines.size()];
        for (int i = 0; i < tokens.length; i++) {
            String line = lines.get(i);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            tokens[i] = line;
        }
        try {
            return new Vocabulary(tokens);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Builds a vocabulary from a token-to-id map whose ids must be exactly {@code 0..size-1}. */
    public static Vocabulary fromMap(Map<String, Integer> tokenToId) {
        String[] tokens = new String[tokenToId.size()];
        for (Map.Entry<String, Integer> e : tokenToId.entrySet()) {
            int id = e.getValue();
            if (id < 0 || id >= tokens.length) {
                throw new IllegalArgumentException("token '" + e.getKey() + "' has id " + id
                        + " outside [0, " + tokens.length + "): ids must be dense");
            }
            if (tokens[id] != null) {
                throw new IllegalArgumentException("id " + id + " is used by '" + tokens[id] + "' and '" + e.getKey() + "'");
            }
            tokens[id] = e.getKey();
        }
        return new Vocabulary(tokens);
    }

    public int size() { return tokens.length; }

    /** The id of {@code token}, or -1 if absent. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** The token of {@code id}; throws if out of range. */
    public String token(int id) {
        if (id < 0 || id >= tokens.length) {
            throw new IndexOutOfBoundsException("token id " + id + " outside vocabulary [0, " + tokens.length + ")");
        }
        return tokens[id];
    }
}
