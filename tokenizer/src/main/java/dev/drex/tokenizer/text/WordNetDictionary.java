package dev.drex.tokenizer.text;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The WordNet 3.0 data morphy needs: which words are lemmas of which part of speech (the index
 * files), the irregular inflections (the exception files), and how often each lemma was tagged
 * with each part of speech in SemCor (cntlist.rev), a frequency estimate. Read from the bundled resource
 * {@code wordnet-morphy.txt.gz}, built by {@code WordNetResourceGenerator} (tokenizer/src/test/java)
 * from the Debian package wordnet-base; the runtime never needs that package.
 *
 * <p>Immutable and thread-safe after construction.
 */
public final class WordNetDictionary {

    /** Classpath name of the bundled resource (next to this class). */
    public static final String RESOURCE = "wordnet-morphy.txt.gz";

    private static volatile WordNetDictionary bundled;

    /** Lemma -> bit mask of the parts of speech it is a lemma of ({@link PartOfSpeech#bit()}). */
    private final Map<String, Integer> lemmaPosMask;
    /** Per part of speech: lemma -> SemCor tag count summed over its senses (absent = 0). */
    private final EnumMap<PartOfSpeech, Map<String, Integer>> tagCounts;
    /** Per part of speech: inflected form -> its base forms, in the order the .exc file lists them. */
    private final EnumMap<PartOfSpeech, Map<String, List<String>>> exceptions;
    private final EnumMap<PartOfSpeech, Integer> lemmaCounts;
    /** First 16 hex digits of the SHA-256 of the compressed resource bytes. */
    private final String sha256Prefix;

    private WordNetDictionary(Map<String, Integer> lemmaPosMask,
                              EnumMap<PartOfSpeech, Map<String, Integer>> tagCounts,
                              EnumMap<PartOfSpeech, Map<String, List<String>>> exceptions,
                              EnumMap<PartOfSpeech, Integer> lemmaCounts, String sha256Prefix) {
        this.lemmaPosMask = lemmaPosMask;
        this.tagCounts = tagCounts;
        this.exceptions = exceptions;
        this.lemmaCounts = lemmaCounts;
        this.sha256Prefix = sha256Prefix;
    }

    /** The dictionary bundled with this module, loaded once (about 0.2 s) and shared. */
    public static WordNetDictionary bundled() {
        WordNetDictionary d = bundled;
        if (d == null) {
            synchronized (WordNetDictionary.class) {
                d = bundled;
                if (d == null) {
                    try (InputStream in = WordNetDictionary.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) throw new IllegalStateException("classpath resource missing: dev/drex/tokenizer/text/" + RESOURCE);
                        d = read(in.readAllBytes(), RESOURCE);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                    bundled = d;
                }
            }
        }
        return d;
    }

    /**
     * Parses the gzipped resource format (see {@code WordNetResourceGenerator}).
     *
     * @param gzipped    the compressed bytes
     * @param sourceName file name used in error messages
     * @throws IOException on malformed content, naming {@code sourceName} and the line
     */
    public static WordNetDictionary read(byte[] gzipped, String sourceName) throws IOException {
        Map<String, Integer> mask = new HashMap<>(200_000);
        EnumMap<PartOfSpeech, Map<String, List<String>>> exceptions = new EnumMap<>(PartOfSpeech.class);
        EnumMap<PartOfSpeech, Integer> counts = new EnumMap<>(PartOfSpeech.class);
        EnumMap<PartOfSpeech, Map<String, Integer>> tagCounts = new EnumMap<>(PartOfSpeech.class);
        for (PartOfSpeech pos : PartOfSpeech.values()) {
            exceptions.put(pos, new HashMap<>());
            tagCounts.put(pos, new HashMap<>());
        }
        try (var reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(gzipped)), StandardCharsets.UTF_8))) {
            int lineNo = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] header = line.split(" ");
                if (header.length != 3 || !(header[0].equals("@lemmas") || header[0].equals("@exceptions"))) {
                    throw new IOException(sourceName + ":" + lineNo + ": expected '@lemmas POS COUNT' or '@exceptions POS COUNT', got '" + line + "'");
                }
                PartOfSpeech pos;
                int count;
                try {
                    pos = PartOfSpeech.fromWordNetName(header[1]);
                    count = Integer.parseInt(header[2]);
                } catch (IllegalArgumentException e) {
                    throw new IOException(sourceName + ":" + lineNo + ": " + e.getMessage(), e);
                }
                boolean isLemmas = header[0].equals("@lemmas");
                for (int i = 0; i < count; i++) {
                    String entry = reader.readLine();
                    lineNo++;
                    if (entry == null) throw new IOException(sourceName + ":" + lineNo + ": file ends inside section '" + line + "'");
                    if (isLemmas) {
                        int space = entry.indexOf(' ');
                        String lemma = space < 0 ? entry : entry.substring(0, space);
                        if (space >= 0) {
                            try {
                                tagCounts.get(pos).put(lemma, Integer.parseInt(entry.substring(space + 1)));
                            } catch (NumberFormatException e) {
                                throw new IOException(sourceName + ":" + lineNo + ": expected 'lemma' or 'lemma count', got '" + entry + "'", e);
                            }
                        }
                        mask.merge(lemma, pos.bit(), (a, b) -> a | b);
                    } else {
                        String[] words = entry.split(" ");
                        if (words.length < 2) throw new IOException(sourceName + ":" + lineNo + ": expected 'inflected base...', got '" + entry + "'");
                        exceptions.get(pos).put(words[0], List.of(words).subList(1, words.length));
                    }
                }
                if (isLemmas) counts.put(pos, count);
            }
        }
        for (PartOfSpeech pos : PartOfSpeech.values()) {
            if (!counts.containsKey(pos)) throw new IOException(sourceName + ": no '@lemmas " + pos.wordNetName + "' section");
        }
        return new WordNetDictionary(mask, tagCounts, exceptions, counts, sha256Prefix(gzipped));
    }

    /** True if {@code word} is a lemma of part of speech {@code pos} in WordNet. */
    public boolean isLemma(String word, PartOfSpeech pos) {
        Integer m = lemmaPosMask.get(word);
        return m != null && (m & pos.bit()) != 0;
    }

    /**
     * How often {@code lemma} was tagged as {@code pos} in the SemCor corpus (WordNet's cntlist,
     * summed over the lemma's senses); 0 if never or if it is not a lemma of {@code pos}.
     */
    public int tagCount(String lemma, PartOfSpeech pos) {
        return tagCounts.get(pos).getOrDefault(lemma, 0);
    }

    /** Base forms listed for the irregular form {@code word} in POS.exc; empty if none. */
    public List<String> exceptionBases(String word, PartOfSpeech pos) {
        return exceptions.get(pos).getOrDefault(word, List.of());
    }

    /** Number of lemmas kept for {@code pos}. */
    public int lemmaCount(PartOfSpeech pos) {
        return lemmaCounts.get(pos);
    }

    /** Number of exception entries kept for {@code pos}. */
    public int exceptionCount(PartOfSpeech pos) {
        return exceptions.get(pos).size();
    }

    /** Identifies the dictionary content: a prefix of the SHA-256 of the resource bytes. */
    public String fingerprint() {
        return sha256Prefix;
    }

    private static String sha256Prefix(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
