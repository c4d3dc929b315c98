package dev.drex.engine.kernels;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 16 x 16 float transpose in registers, for packing a transposed B (a Hugging Face weight
 * [out, in] used as op(B) = W^T) from a mapped segment, where a gather per output vector
 * (vgatherdps) cost about 40% more (packing bert-base's 768 x 768 weight: 0.15 vs 0.34 ms): {@code dst[p * dstLd + j] = src[j * srcLd + p]} for p, j in [0, 16).
 *
 * <p>The transpose swaps the four bits of the row index with those of the column index; each of
 * four stages swaps one bit b in {8, 4, 2, 1}: rows i and i + b (bit b of i clear) exchange their
 * off-diagonal b-wide blocks,
 * <pre>
 *   lo[l] = (l &amp; b) == 0 ? r_i[l]     : r_{i+b}[l - b]
 *   hi[l] = (l &amp; b) == 0 ? r_i[l + b] : r_{i+b}[l]
 * </pre>
 * each one two-source permute. 16 loads, 64 permutes and 16 stores per 256 floats, all in
 * registers (the method is written out with one local per row, so no vector is ever boxed).
 * Only for 512-bit vectors ({@link #AVAILABLE}); other widths keep the gathers.
 */
final class GemmTranspose {

    private static final VectorSpecies<Float> S = GemmMicroKernel.S;

    /** True when a vector holds 16 floats (AVX-512), the only width this transpose is written for. */
    static final boolean AVAILABLE = S.length() == 16;

    private static final VectorShuffle<Float> LO8 = stage(8, true), HI8 = stage(8, false);
    private static final VectorShuffle<Float> LO4 = stage(4, true), HI4 = stage(4, false);
    private static final VectorShuffle<Float> LO2 = stage(2, true), HI2 = stage(2, false);
    private static final VectorShuffle<Float> LO1 = stage(1, true), HI1 = stage(1, false);

    private GemmTranspose() {}

    /** The permute of one stage (see the class comment); indices below 0 select from the second row (r_{i+b}). */
    private static VectorShuffle<Float> stage(int b, boolean lo) {
        int n = S.length();
        int[] idx = new int[n];
        for (int l = 0; l < n; l++) {
            boolean bitClear = (l & b) == 0;
            if (lo) idx[l] = bitClear ? l : (l - b) - n;
            else idx[l] = bitClear ? l + b : l - n;
        }
        return VectorShuffle.fromArray(S, idx, 0);
    }

    /** dst[dstIdx + p * dstLd + j] = src[srcIdx + j * srcLd + p] for p, j in [0, 16); requires {@link #AVAILABLE}. */
    static void transpose16(float[] src, int srcIdx, int srcLd, float[] dst, int dstIdx, int dstLd) {
        FloatVector r0 = FloatVector.fromArray(S, src, srcIdx + 0 * srcLd);
        FloatVector r1 = FloatVector.fromArray(S, src, srcIdx + 1 * srcLd);
        FloatVector r2 = FloatVector.fromArray(S, src, srcIdx + 2 * srcLd);
        FloatVector r3 = FloatVector.fromArray(S, src, srcIdx + 3 * srcLd);
        FloatVector r4 = FloatVector.fromArray(S, src, srcIdx + 4 * srcLd);
        FloatVector r5 = FloatVector.fromArray(S, src, srcIdx + 5 * srcLd);
        FloatVector r6 = FloatVector.fromArray(S, src, srcIdx + 6 * srcLd);
        FloatVector r7 = FloatVector.fromArray(S, src, srcIdx + 7 * srcLd);
        FloatVector r8 = FloatVector.fromArray(S, src, srcIdx + 8 * srcLd);
        FloatVector r9 = FloatVector.fromArray(S, src, srcIdx + 9 * srcLd);
        FloatVector r10 = FloatVector.fromArray(S, src, srcIdx + 10 * srcLd);
        FloatVector r11 = FloatVector.fromArray(S, src, srcIdx + 11 * srcLd);
        FloatVector r12 = FloatVector.fromArray(S, src, srcIdx + 12 * srcLd);
        FloatVector r13 = FloatVector.fromArray(S, src, srcIdx + 13 * srcLd);
        FloatVector r14 = FloatVector.fromArray(S, src, srcIdx + 14 * srcLd);
        FloatVector r15 = FloatVector.fromArray(S, src, srcIdx + 15 * srcLd);
        // swap bit 8 of row and column
        {
            FloatVector t0 = r0.rearrange(LO8, r8), t8 = r0.rearrange(HI8, r8);
            FloatVector t1 = r1.rearrange(LO8, r9), t9 = r1.rearrange(HI8, r9);
            FloatVector t2 = r2.rearrange(LO8, r10), t10 = r2.rearrange(HI8, r10);
            FloatVector t3 = r3.rearrange(LO8, r11), t11 = r3.rearrange(HI8, r11);
            FloatVector t4 = r4.rearrange(LO8, r12), t12 = r4.rearrange(HI8, r12);
            FloatVector t5 = r5.rearrange(LO8, r13), t13 = r5.rearrange(HI8, r13);
            FloatVector t6 = r6.rearrange(LO8, r14), t14 = r6.rearrange(HI8, r14);
            FloatVector t7 = r7.rearrange(LO8, r15), t15 = r7.rearrange(HI8, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7; r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        // swap bit 4 of row and column
        {
            FloatVector t0 = r0.rearrange(LO4, r4), t4 = r0.rearrange(HI4, r4);
            FloatVector t1 = r1.rearrange(LO4, r5), t5 = r1.rearrange(HI4, r5);
            FloatVector t2 = r2.rearrange(LO4, r6), t6 = r2.rearrange(HI4, r6);
            FloatVector t3 = r3.rearrange(LO4, r7), t7 = r3.rearrange(HI4, r7);
            FloatVector t8 = r8.rearrange(LO4, r12), t12 = r8.rearrange(HI4, r12);
            FloatVector t9 = r9.rearrange(LO4, r13), t13 = r9.rearrange(HI4, r13);
            FloatVector t10 = r10.rearrange(LO4, r14), t14 = r10.rearrange(HI4, r14);
            FloatVector t11 = r11.rearrange(LO4, r15), t15 = r11.rearrange(HI4, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7; r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        // swap bit 2 of row and column
        {
            FloatVector t0 = r0.rearrange(LO2, r2), t2 = r0.rearrange(HI2, r2);
            FloatVector t1 = r1.rearrange(LO2, r3), t3 = r1.rearrange(HI2, r3);
            FloatVector t4 = r4.rearrange(LO2, r6), t6 = r4.rearrange(HI2, r6);
            FloatVector t5 = r5.rearrange(LO2, r7), t7 = r5.rearrange(HI2, r7);
            FloatVector t8 = r8.rearrange(LO2, r10), t10 = r8.rearrange(HI2, r10);
            FloatVector t9 = r9.rearrange(LO2, r11), t11 = r9.rearrange(HI2, r11);
            FloatVector t12 = r12.rearrange(LO2, r14), t14 = r12.rearrange(HI2, r14);
            FloatVector t13 = r13.rearrange(LO2, r15), t15 = r13.rearrange(HI2, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7; r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        // swap bit 1 of row and column
        {
            FloatVector t0 = r0.rearrange(LO1, r1), t1 = r0.rearrange(HI1, r1);
            FloatVector t2 = r2.rearrange(LO1, r3), t3 = r2.rearrange(HI1, r3);
            FloatVector t4 = r4.rearrange(LO1, r5), t5 = r4.rearrange(HI1, r5);
            FloatVector t6 = r6.rearrange(LO1, r7), t7 = r6.rearrange(HI1, r7);
            FloatVector t8 = r8.rearrange(LO1, r9), t9 = r8.rearrange(HI1, r9);
            FloatVector t10 = r10.rearrange(LO1, r11), t11 = r10.rearrange(HI1, r11);
            FloatVector t12 = r12.rearrange(LO1, r13), t13 = r12.rearrange(HI1, r13);
            FloatVector t14 = r14.rearrange(LO1, r15), t15 = r14.rearrange(HI1, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7; r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        r0.intoArray(dst, dstIdx + 0 * dstLd);
        r1.intoArray(dst, dstIdx + 1 * dstLd);
        r2.intoArray(dst, dstIdx + 2 * dstLd);
        r3.intoArray(dst, dstIdx + 3 * dstLd);
        r4.intoArray(dst, dstIdx + 4 * dstLd);
        r5.intoArray(dst, dstIdx + 5 * dstLd);
        r6.intoArray(dst, dstIdx + 6 * dstLd);
        r7.intoArray(dst, dstIdx + 7 * dstLd);
        r8.intoArray(dst, dstIdx + 8 * dstLd);
        r9.intoArray(dst, dstIdx + 9 * dstLd);
        r10.intoArray(dst, dstIdx + 10 * dstLd);
        r11.intoArray(dst, dstIdx + 11 * dstLd);
        r12.intoArray(dst, dstIdx + 12 * dstLd);
        r13.intoArray(dst, dstIdx + 13 * dstLd);
        r14.intoArray(dst, dstIdx + 14 * dstLd);
        r15.intoArray(dst, dstIdx + 15 * dstLd);
    }

    /**
     * Packs a 16 x 16 block of A (16 rows = two MR = 8 row micro-panels, 16 k steps) into the
     * A-panel order of {@link GemmPacking#packA}, times alpha: {@code dst[dst0 + p * 8 + i] =
     * alpha src[srcIdx + i * srcLd + p]} and {@code dst[dst1 + p * 8 + i] = alpha src[srcIdx + (8 + i)
     * * srcLd + p]} for p in [0, 16), i in [0, 8). The block is transposed through {@code scratch}
     * (256 floats): row p of the transpose holds column p of both panels, and one more stage-8
     * permute joins the halves of rows p and p + 1 into one vector of each panel.
     */
    static void packAPanelPair(float[] src, int srcIdx, int srcLd, float alpha, float[] dst, int dst0, int dst1, float[] scratch) {
        transpose16(src, srcIdx, srcLd, scratch, 0, 16);
        for (int p = 0; p < 16; p += 2) {
            FloatVector x = FloatVector.fromArray(S, scratch, p * 16), y = FloatVector.fromArray(S, scratch, (p + 1) * 16);
            FloatVector first = x.rearrange(LO8, y), second = x.rearrange(HI8, y);
            if (alpha != 1f) {
                first = first.mul(alpha);
                second = second.mul(alpha);
            }
            first.intoArray(dst, dst0 + p * 8);
            second.intoArray(dst, dst1 + p * 8);
        }
    }

    /** The same reading little-endian float32 rows from a segment: src row j starts at byte {@code srcByte + j * srcLdBytes}. */
    static void transpose16(MemorySegment src, long srcByte, long srcLdBytes, float[] dst, int dstIdx, int dstLd) {
        FloatVector r0 = FloatVector.fromMemorySegment(S, src, srcByte + 0 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r1 = FloatVector.fromMemorySegment(S, src, srcByte + 1 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r2 = FloatVector.fromMemorySegment(S, src, srcByte + 2 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r3 = FloatVector.fromMemorySegment(S, src, srcByte + 3 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r4 = FloatVector.fromMemorySegment(S, src, srcByte + 4 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r5 = FloatVector.fromMemorySegment(S, src, srcByte + 5 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r6 = FloatVector.fromMemorySegment(S, src, srcByte + 6 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r7 = FloatVector.fromMemorySegment(S, src, srcByte + 7 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r8 = FloatVector.fromMemorySegment(S, src, srcByte + 8 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r9 = FloatVector.fromMemorySegment(S, src, srcByte + 9 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r10 = FloatVector.fromMemorySegment(S, src, srcByte + 10 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r11 = FloatVector.fromMemorySegment(S, src, srcByte + 11 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r12 = FloatVector.fromMemorySegment(S, src, srcByte + 12 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r13 = FloatVector.fromMemorySegment(S, src, srcByte + 13 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r14 = FloatVector.fromMemorySegment(S, src, srcByte + 14 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        FloatVector r15 = FloatVector.fromMemorySegment(S, src, srcByte + 15 * srcLdBytes, ByteOrder.LITTLE_ENDIAN);
        // swap bit 8 of row and column
        {
            FloatVector t0 = r0.rearrange(LO8, r8), t8 = r0.rearrange(HI8, r8);
            FloatVector t1 = r1.rearrange(LO8, r9), t9 = r1.rearrange(HI8, r9);
            FloatVector t2 = r2.rearrange(LO8, r10), t10 = r2.rearrange(HI8, r10);
            FloatVector t3 = r3.rearrange(LO8, r11), t11 = r3.rearrange(HI8, r11);
            FloatVector t4 = r4.rearrange(LO8, r12), t12 = r4.rearrange(HI8, r12);
            FloatVector t5 = r5.rearrange(LO8, r13), t13 = r5.rearrange(HI8, r13);
            FloatVector t6 = r6.rearrange(LO8, r14), t14 = r6.rearrange(HI8, r14);
            FloatVector t7 = r7.rearrange(LO8, r15), t15 = r7.rearrange(HI8, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7; r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        // swap bit 4 of row and column
        {
            FloatVector t0 = r0.rearrange(LO4, r4), t4 = r0.rearrange(HI4, r4);
            FloatVector t1 = r1.rearrange(LO4, r5), t5 = r1.rearrange(HI4, r5);
            FloatVector t2 = r2.rearrange(LO4, r6), t6 = r2.rearrange(HI4, r6);
            FloatVector t3 = r3.rearrange(LO4, r7), t7 = r3.rearrange(HI4, r7);
            FloatVector t8 = r8.rearrange(LO4, r12), t12 = r8.rearrange(HI4, r12);
            FloatVector t9 = r9.rearrange(LO4, r13), t13 = r9.rearrange(HI4, r13);
            FloatVector t10 = r10.rearrange(LO4, r14), t14 = r10.rearrange(HI4, r14);
            FloatVector t11 = r11.rearrange(LO4, r15), t15 = r11.rearrange(HI4, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7; r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        // swap bit 2 of row and column
        {
            FloatVector t0 = r0.rearrange(LO2, r2), t2 = r0.rearrange(HI2, r2);
            FloatVector t1 = r1.rearrange(LO2, r3), t3 = r1.rearrange(HI2, r3);
            FloatVector t4 = r4.rearrange(LO2, r6), t6 = r4.rearrange(HI2, r6);
            FloatVector t5 = r5.rearrange(LO2, r7), t7 = r5.rearrange(HI2, r7);
            FloatVector t8 = r8.rearrange(LO2, r10), t10 = r8.rearrange(HI2, r10);
            FloatVector t9 = r9.rearrange(LO2, r11), t11 = r9.rearrange(HI2, r11);
            FloatVector t12 = r12.rearrange(LO2, r14), t14 = r12.rearrange(HI2, r14);
            FloatVector t13 = r13.rearrange(LO2, r15), t15 = r13.rearrange(HI2, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7; r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        // swap bit 1 of row and column
        {
            FloatVector t0 = r0.rearrange(LO1, r1), t1 = r0.rearrange(HI1, r1);
            FloatVector t2 = r2.rearrange(LO1, r3), t3 = r2.rearrange(HI1, r3);
            FloatVector t4 = r4.rearrange(LO1, r5), t5 = r4.rearrange(HI1, r5);
            FloatVector t6 = r6.rearrange(LO1, r7), t7 = r6.rearrange(HI1, r7);
            FloatVector t8 = r8.rearrange(LO1, r9), t9 = r8.rearrange(HI1, r9);
            FloatVector t10 = r10.rearrange(LO1, r11), t11 = r10.rearrange(HI1, r11);
            FloatVector t12 = r12.rearrange(LO1, r13), t13 = r12.rearrange(HI1, r13);
            FloatVector t14 = r14.rearrange(LO1, r15), t15 = r14.rearrange(HI1, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7; r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        r0.intoArray(dst, dstIdx + 0 * dstLd);
        r1.intoArray(dst, dstIdx + 1 * dstLd);
        r2.intoArray(dst, dstIdx + 2 * dstLd);
        r3.intoArray(dst, dstIdx + 3 * dstLd);
        r4.intoArray(dst, dstIdx + 4 * dstLd);
        r5.intoArray(dst, dstIdx + 5 * dstLd);
        r6.intoArray(dst, dstIdx + 6 * dstLd);
        r7.intoArray(dst, dstIdx + 7 * dstLd);
        r8.intoArray(dst, dstIdx + 8 * dstLd);
        r9.intoArray(dst, dstIdx + 9 * dstLd);
        r10.intoArray(dst, dstIdx + 10 * dstLd);
        r11.intoArray(dst, dstIdx + 11 * dstLd);
        r12.intoArray(dst, dstIdx + 12 * dstLd);
        r13.intoArray(dst, dstIdx + 13 * dstLd);
        r14.intoArray(dst, dstIdx + 14 * dstLd);
        r15.intoArray(dst, dstIdx + 15 * dstLd);
    }
}
