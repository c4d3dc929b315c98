package dev.drex.engine.io;

import java.lang.foreign.MemorySegment;
import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli) as LevelDB and TensorFlow store it: "masked", so that a CRC computed over
 * bytes that themselves contain CRCs does not degenerate.
 *
 * <pre>
 *   mask(c)   = ((c >>> 15) | (c << 17)) + 0xa282ead8      (32-bit arithmetic)
 *   unmask(m) = rotateLeft(m - 0xa282ead8, 15)
 * </pre>
 * Reference: LevelDB util/crc32c.h (Mask/Unmask); TensorFlow uses the same for table blocks and
 * for the {@code crc32c} field of {@code BundleEntryProto}.
 */
public final class MaskedCrc32c {

    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {}

    /** Masks a raw CRC-32C value. */
    public static int mask(int crc) {
        return Integer.rotateRight(crc, 15) + MASK_DELTA;
    }

    /** Inverse of {@link #mask}. */
    public static int unmask(int masked) {
        return Integer.rotateLeft(masked - MASK_DELTA, 15);
    }

    /** Raw (unmasked) CRC-32C of {@code bytes[offset, offset + length)}. */
    public static int crc32c(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        return (int) c.getValue();
    }

    /** Raw (unmasked) CRC-32C of every byte of {@code segment}, read in chunks (no copy of the whole). */
    public static int crc32c(MemorySegment segment) {
        CRC32C c = new CRC32C();
        final long chunk = 1L << 30;
        for (long start = 0; start < segment.byteSize(); start += chunk) {
            long len = Math.min(chunk, segment.byteSize() - start);
            c.update(segment.asSlice(start, len).asByteBuffer());
        }
        return (int) c.getValue();
    }
}
