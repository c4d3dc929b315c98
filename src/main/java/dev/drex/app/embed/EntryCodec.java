package dev.drex.app.embed;

import dev.drex.app.features.ReviewVectors.LemmaMatrix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Bytes of one cache value. Every value is sealed: {@code body || crc}, where {@code crc} is the
 * CRC-32C (int32 little-endian) of {@code key || body}, so a torn, overwritten or misplaced value is
 * detected on read and treated as missing. A review's body is, little-endian:
 * <pre>
 *   int32 n                                   number of lemmas (0: the review has no usable lemma)
 *   n x { uint16 len, len bytes UTF-8 }       the lemmas, in review order
 *   n x dim values                            row-major [n x dim]: fp16 (IEEE binary16) or fp32
 * </pre>
 * fp16 uses {@link Float#floatToFloat16} (round to nearest even); a value beyond +-65504 becomes infinite,
 * which BERT's layer-normalized outputs never reach.
 */
public final class EntryCodec {

    private EntryCodec() {
    }

    /** {@code body || crc32c(key || body)}. */
    static byte[] seal(byte[] key, byte[] body) {
        byte[] sealed = new byte[body.length + 4];
        System.arraycopy(body, 0, sealed, 0, body.length);
        ByteBuffer.wrap(sealed, body.length, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc(key, body, body.length));
        return sealed;
    }

    /** The body of a sealed value, or null when it is too short or its checksum does not match. */
    static byte[] open(byte[] key, byte[] sealed) {
        if (sealed == null || sealed.length < 4) return null;
        int n = sealed.length - 4;
        int stored = ByteBuffer.wrap(sealed, n, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != crc(key, sealed, n)) return null;
        return java.util.Arrays.copyOf(sealed, n);
    }

    private static int crc(byte[] key, byte[] body, int length) {
        CRC32C c = new CRC32C();
        c.update(key);
        c.update(body, 0, length);
        return (int) c.getValue();
    }

    /** The sealed value of a review: {@code lemmas} with their [n x dim] {@code vectors} (both may be empty). */
    public static byte[] encodeReview(byte[] key, String[] lemmas, float[] vectors, int dim, boolean fp16) {
        if (vectors.length != lemmas.length * dim) {
            throw new IllegalArgumentException(lemmas.length + " lemmas x " + dim + " != " + vectors.length + " values");
        }
        byte[][] utf8 = new byte[lemmas.length][];
        int size = 4;
        for (int j = 0; j < lemmas.length; j++) {
            utf8[j] = lemmas[j].getBytes(StandardCharsets.UTF_8);
            if (utf8[j].length > 0xFFFF) throw new IllegalArgumentException("lemma longer than 65535 bytes: " + lemmas[j]);
            size += 2 + utf8[j].length;
        }
        size += vectors.length * (fp16 ? 2 : 4);
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(lemmas.length);
        for (byte[] s : utf8) b.putShort((short) s.length).put(s);
        if (fp16) {
            for (float v : vectors) b.putShort(Float.floatToFloat16(v));
        } else {
            for (float v : vectors) b.putFloat(v);
        }
        return seal(key, b.array());
    }

    /** Size of {@link #encodeReview}'s result, without building it (for sizing the map). */
    static long encodedSize(String[] lemmas, int dim, boolean fp16) {
        long size = 4 + 4;
        for (String s : lemmas) size += 2 + s.getBytes(StandardCharsets.UTF_8).length;
        return size + (long) lemmas.length * dim * (fp16 ? 2 : 4);
    }

    /**
     * Decodes a review body (already {@link #open opened}): its lemma matrix, or null for a review with no
     * lemmas.
     *
     * @throws IllegalArgumentException if the body's length does not match its lemma count, {@code dim} and precision
     */
    static LemmaMatrix decodeReview(byte[] body, int dim, boolean fp16) {
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt();
        if (n < 0 || n > body.length) throw new IllegalArgumentException("bad lemma count " + n);
        if (n == 0) {
            if (b.hasRemaining()) throw new IllegalArgumentException("an empty review with " + b.remaining() + " extra bytes");
            return null;
        }
        String[] lemmas = new String[n];
        for (int j = 0; j < n; j++) {
            int len = Short.toUnsignedInt(b.getShort());
            lemmas[j] = new String(body, b.position(), len, StandardCharsets.UTF_8);
            b.position(b.position() + len);
        }
        int width = fp16 ? 2 : 4;
        if (b.remaining() != (long) n * dim * width) {
            throw new IllegalArgumentException(b.remaining() + " vector bytes for " + n + " lemmas x " + dim + " x " + width);
        }
        float[] vectors = new float[n * dim];
        if (fp16) {
            for (int i = 0; i < vectors.length; i++) vectors[i] = Float.float16ToFloat(b.getShort());
        } else {
            b.asFloatBuffer().get(vectors);
        }
        return new LemmaMatrix(lemmas, vectors, dim);
    }
}
