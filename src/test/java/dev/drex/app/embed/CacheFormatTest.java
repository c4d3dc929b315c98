package dev.drex.app.embed;

import dev.drex.app.features.ReviewVectors.LemmaMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review keys, sealed entry values and the cache header, without a map. */
class CacheFormatTest {

    private static final byte[] KEY = new ReviewKey("m", "p").of("u", "i", "t", "x");

    @Test
    void everyKeyFieldChangesTheKey() {
        ReviewKey base = new ReviewKey("model", "pre");
        Set<String> keys = new HashSet<>();
        keys.add(ReviewKey.hex(base.of("u", "i", "title", "text")));
        keys.add(ReviewKey.hex(new ReviewKey("model2", "pre").of("u", "i", "title", "text")));
        keys.add(ReviewKey.hex(new ReviewKey("model", "pre2").of("u", "i", "title", "text")));
        keys.add(ReviewKey.hex(base.of("u2", "i", "title", "text")));
        keys.add(ReviewKey.hex(base.of("u", "i2", "title", "text")));
        keys.add(ReviewKey.hex(base.of("u", "i", "title2", "text")));
        keys.add(ReviewKey.hex(base.of("u", "i", "title", "text2")));
        // Length prefixes: moving characters from one field to the next is a different key.
        keys.add(ReviewKey.hex(base.of("u", "i", "titlet", "ext")));
        keys.add(ReviewKey.hex(base.of("ui", "", "title", "text")));
        assertEquals(9, keys.size());
        assertEquals(ReviewKey.BYTES, base.of("u", "i", "t", "x").length);
        assertArrayEquals(base.of("u", "i", "title", "text"), new ReviewKey("model", "pre").of("u", "i", "title", "text"));
    }

    @Test
    void fp32RoundTripIsExact() {
        float[] v = randomVectors(3 * 7, 1);
        String[] lemmas = {"guitar", "sound", "naïve"};
        byte[] sealed = EntryCodec.encodeReview(KEY, lemmas, v, 7, false);
        assertEquals(EntryCodec.encodedSize(lemmas, 7, false), sealed.length);
        LemmaMatrix m = EntryCodec.decodeReview(EntryCodec.open(KEY, sealed), 7, false);
        assertArrayEquals(lemmas, m.lemmas());
        assertArrayEquals(v, m.vectors());
        assertEquals(7, m.dim());
    }

    @Test
    void fp16RoundTripRoundsToHalfPrecision() {
        float[] v = randomVectors(2 * 33, 2);
        v[0] = 0f;
        v[1] = -1.5f;
        v[2] = 1e-6f;       // subnormal in fp16
        v[3] = 3.14159f;
        byte[] sealed = EntryCodec.encodeReview(KEY, new String[] {"a", "b"}, v, 33, true);
        assertEquals(4 + 2 * 3 + 2 * 33 * 2 + 4, sealed.length);
        LemmaMatrix m = EntryCodec.decodeReview(EntryCodec.open(KEY, sealed), 33, true);
        for (int i = 0; i < v.length; i++) {
            assertEquals(Float.float16ToFloat(Float.floatToFloat16(v[i])), m.vectors()[i], 0f, "value " + i);
            // relative error of fp16 is at most 2^-11 for normal values
            if (Math.abs(v[i]) > 1e-4) assertEquals(v[i], m.vectors()[i], Math.abs(v[i]) * 0x1p-11f);
        }
        assertEquals(-1.5f, m.vectors()[1]);
    }

    @Test
    void emptyReviewDecodesToNull() {
        byte[] sealed = EntryCodec.encodeReview(KEY, new String[0], new float[0], 5, true);
        assertNull(EntryCodec.decodeReview(EntryCodec.open(KEY, sealed), 5, true));
    }

    @Test
    void everyFlippedByteAndTruncationIsDetected() {
        byte[] sealed = EntryCodec.encodeReview(KEY, new String[] {"x", "yy"}, randomVectors(2 * 4, 3), 4, true);
        assertNotNull(EntryCodec.open(KEY, sealed));
        for (int i = 0; i < sealed.length; i++) {
            byte[] bad = sealed.clone();
            bad[i] ^= 0x10;
            assertNull(EntryCodec.open(KEY, bad), "flip at byte " + i);
        }
        for (int len = 0; len < sealed.length; len++) {
            assertNull(EntryCodec.open(KEY, Arrays.copyOf(sealed, len)), "truncated to " + len);
        }
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertNull(EntryCodec.open(otherKey, sealed), "a value stored under another key");
    }

    @Test
    void headerRoundTripsAndNamesEveryDifference() {
        CacheHeader h = new CacheHeader(CacheHeader.FORMAT, "minilm", "abc", 384, true, "text-v1 maxWords=128", 512);
        assertEquals(h, CacheHeader.decode(h.encode()));
        assertTrue(h.differences(new CacheHeader(CacheHeader.FORMAT, "other-name", "abc", 384, true, "text-v1 maxWords=128", 512)).isEmpty());
        List<String> d = h.differences(new CacheHeader(CacheHeader.FORMAT, "bert", "def", 768, false, "text-v1 maxWords=64", 256));
        assertEquals(5, d.size(), d.toString());
        assertTrue(d.get(0).contains("'minilm' (sha256 abc)") && d.get(0).contains("'bert' (sha256 def)"), d.get(0));
        assertTrue(d.get(2).contains("fp16") && d.get(2).contains("fp32"), d.get(2));
        assertTrue(d.get(3).contains("maxWords=128") && d.get(3).contains("maxWords=64"), d.get(3));
        byte[] bad = h.encode();
        bad[3] ^= 1;
        assertNull(CacheHeader.decode(bad));
        assertFalse(ReviewKey.hex(CacheHeader.KEY).equals(ReviewKey.hex(KEY)));
    }

    private static float[] randomVectors(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextDouble(-4, 4));
        return v;
    }
}
