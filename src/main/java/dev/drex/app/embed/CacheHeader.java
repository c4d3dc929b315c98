package dev.drex.app.embed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one embedding cache holds, stored under {@link #KEY} as UTF-8 {@code name=value} lines plus a
 * CRC-32C footer ({@link EntryCodec#seal}). A cache serves exactly one model, preprocessing and
 * precision: opening it for anything else fails with the differing fields named.
 *
 * @param format         {@link #FORMAT} of the file layout
 * @param modelName      the model directory's name (informational: not compared)
 * @param modelChecksum  {@link ModelChecksum} of the model directory
 * @param dim            hidden size H of every lemma vector
 * @param fp16           true: vectors stored as IEEE half floats; false: as floats
 * @param preprocess     {@code TextPreprocessor.settingsFingerprint()}
 * @param maxPieces      word pieces per sequence including [CLS] and [SEP] (the model's max positions)
 */
public record CacheHeader(int format, String modelName, String modelChecksum, int dim, boolean fp16,
                          String preprocess, int maxPieces) {

    /** Version of the cache layout (entry codec, key recipe, header fields). */
    public static final int FORMAT = 1;

    /** The header's key: SHA-256 of a fixed string, so it cannot collide with a review key. */
    public static final byte[] KEY = ReviewKey.sha256().digest("drex embedding cache header".getBytes(StandardCharsets.UTF_8));

    private static final String RECIPE = "[CLS] lemmas [SEP], last layer, mean of each lemma's word pieces";

    /** {@code name=value} lines. */
    byte[] encode() {
        return EntryCodec.seal(KEY, toText().getBytes(StandardCharsets.UTF_8));
    }

    String toText() {
        StringBuilder s = new StringBuilder();
        fields().forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        return s.toString();
    }

    private Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("format", Integer.toString(format));
        f.put("recipe", RECIPE);
        f.put("model", modelName);
        f.put("model_sha256", modelChecksum);
        f.put("dim", Integer.toString(dim));
        f.put("precision", fp16 ? "fp16" : "fp32");
        f.put("preprocess", preprocess);
        f.put("max_pieces", Integer.toString(maxPieces));
        return f;
    }

    /** Parses a sealed header value; null when the bytes are not a well-formed header. */
    static CacheHeader decode(byte[] value) {
        byte[] body = EntryCodec.open(KEY, value);
        if (body == null) return null;
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) f.put(line.substring(0, eq), line.substring(eq + 1));
        }
        try {
            return new CacheHeader(Integer.parseInt(f.get("format")), f.get("model"), f.get("model_sha256"),
                    Integer.parseInt(f.get("dim")), "fp16".equals(f.get("precision")), f.get("preprocess"),
                    Integer.parseInt(f.get("max_pieces")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * What differs from {@code wanted}, one phrase per field ("model: cache has X (sha256 ...), wanted Y
     * (sha256 ...)"); empty when this cache can serve {@code wanted}. The model name alone is not compared.
     */
    public List<String> differences(CacheHeader wanted) {
        List<String> d = new ArrayList<>();
        if (format != wanted.format) d.add("format: cache has version " + format + ", this program writes " + wanted.format);
        if (!modelChecksum.equals(wanted.modelChecksum)) {
            d.add("model: cache has '" + modelName + "' (sha256 " + modelChecksum + "), wanted '" + wanted.modelName
                    + "' (sha256 " + wanted.modelChecksum + ")");
        }
        if (dim != wanted.dim) d.add("dim: cache has " + dim + ", wanted " + wanted.dim);
        if (fp16 != wanted.fp16) {
            d.add("precision: cache stores " + (fp16 ? "fp16" : "fp32") + ", wanted " + (wanted.fp16 ? "fp16" : "fp32"));
        }
        if (!preprocess.equals(wanted.preprocess)) {
            d.add("preprocessing: cache has '" + preprocess + "', wanted '" + wanted.preprocess + "'");
        }
        if (maxPieces != wanted.maxPieces) d.add("max pieces: cache has " + maxPieces + ", wanted " + wanted.maxPieces);
        return d;
    }
}
