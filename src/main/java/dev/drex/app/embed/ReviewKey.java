package dev.drex.app.embed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key of one review in the embedding cache: 32 bytes,
 * <pre>
 *   SHA-256( field("drex-review-key-v1") field(modelChecksum) field(preprocessFingerprint)
 *            field(userId) field(itemId) field(title) field(text) )
 *   field(s) = int32 big-endian length of UTF-8(s) || UTF-8(s)
 * </pre>
 * The length prefixes make the encoding injective (no two field lists hash the same bytes), so a key
 * changes whenever the model (weights, config or vocabulary: {@link ModelChecksum}), any
 * preprocessing setting ({@code TextPreprocessor.settingsFingerprint()}), the pair or the review's
 * title or body changes: a different model or setting can never read stale vectors.
 *
 * <p>The constant domain string also versions the embedding recipe ({@code [CLS] lemmas [SEP]}, mean of
 * each lemma's word pieces of the last layer): change it when that recipe changes.
 */
public final class ReviewKey {

    /** Length of a key in bytes. */
    public static final int BYTES = 32;

    static final String DOMAIN = "drex-review-key-v1";

    private final byte[] prefix;   // the hashed fields shared by every review of one cache

    /** Keys for reviews embedded by the model {@code modelChecksum} after preprocessing {@code preprocessFingerprint}. */
    public ReviewKey(String modelChecksum, String preprocessFingerprint) {
        byte[] domain = field(DOMAIN);
        byte[] model = field(modelChecksum);
        byte[] pre = field(preprocessFingerprint);
        ByteBuffer b = ByteBuffer.allocate(domain.length + model.length + pre.length).put(domain).put(model).put(pre);
        this.prefix = b.array();
    }

    /** The key of the review of {@code userId} on {@code itemId} with this title and body. */
    public byte[] of(String userId, String itemId, String title, String text) {
        MessageDigest sha = sha256();
        sha.update(prefix);
        sha.update(field(userId));
        sha.update(field(itemId));
        sha.update(field(title));
        sha.update(field(text));
        return sha.digest();
    }

    private static byte[] field(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Lower-case hex of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
