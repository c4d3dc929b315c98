package dev.drex.tokenizer.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A stopword list: one lowercase word per line, '#' starts a comment line. The bundled list is
 * NLTK's English list (179 words, source and license in the resource header).
 *
 * @param words       the stopwords
 * @param name        short name used in fingerprints, e.g. "nltk-english"
 * @param fingerprint prefix of the SHA-256 of the list's bytes
 */
public record StopWords(Set<String> words, String name, String fingerprint) {

    /** Classpath name of the bundled list (next to this class). */
    public static final String NLTK_ENGLISH_RESOURCE = "stopwords-english-nltk.txt";

    private static final StopWords NLTK_ENGLISH = load(NLTK_ENGLISH_RESOURCE, "nltk-english");

    /** NLTK's English stopword list. */
    public static StopWords nltkEnglish() {
        return NLTK_ENGLISH;
    }

    /** True if {@code word} (lowercase) is a stopword. */
    public boolean contains(String word) {
        return words.contains(word);
    }

    private static StopWords load(String resource, String name) {
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("classpath resource missing: dev/drex/tokenizer/text/" + resource);
            byte[] bytes = in.readAllBytes();
            Set<String> words = new LinkedHashSet<>();
            int lineNo = 0;
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                lineNo++;
                String w = line.strip();
                if (w.isEmpty() || w.startsWith("#")) continue;
                if (!w.equals(w.toLowerCase(java.util.Locale.ROOT)) || w.contains(" ")) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": stopword must be one lowercase word, got '" + w + "'");
                }
                words.add(w);
            }
            return new StopWords(Set.copyOf(words), name, sha256Prefix(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String sha256Prefix(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
