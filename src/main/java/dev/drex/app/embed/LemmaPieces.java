package dev.drex.app.embed;

import dev.drex.tokenizer.bert.BertTokenizer;
import dev.drex.tokenizer.bert.WordAlignedEncoding;

import java.util.Arrays;
import java.util.List;

/**
 * A review's lemmas as one BERT input, {@code [CLS] pieces(lemma 0) pieces(lemma 1) ... [SEP]}, and where
 * each lemma's word pieces sit in it (spec, "Review features" step 2).
 *
 * <p>Truncation never splits a lemma: the lemmas are kept in order while their pieces plus [CLS] and
 * [SEP] fit in {@code maxPieces} (the model's max positions, 512 for BERT); the first lemma that would
 * overflow and every lemma after it are dropped. A lemma the tokenizer turns into no piece at all
 * (only control characters) is dropped too, since it has no vector.
 *
 * @param lemmas the kept lemmas, n of them
 * @param ids    the token ids, length L = 2 + total pieces of the kept lemmas
 * @param starts (n) position of each kept lemma's first piece (position 0 is [CLS])
 * @param ends   (n) position after each kept lemma's last piece
 */
public record LemmaPieces(String[] lemmas, int[] ids, int[] starts, int[] ends) {

    /** Number of kept lemmas. */
    public int size() {
        return lemmas.length;
    }

    /** Number of tokens, [CLS] and [SEP] included. */
    public int length() {
        return ids.length;
    }

    /**
     * Tokenizes {@code lemmas} as {@code String.join(" ", lemmas)} would be, keeping whole lemmas within
     * {@code maxPieces} tokens.
     */
    public static LemmaPieces of(List<String> lemmas, BertTokenizer tokenizer, int maxPieces) {
        if (maxPieces < 3) throw new IllegalArgumentException("maxPieces must be >= 3, got " + maxPieces);
        WordAlignedEncoding enc = tokenizer.encodeWords(lemmas, Integer.MAX_VALUE);
        int[] all = enc.encoding().ids();     // [CLS] every piece [SEP], untruncated
        int[][] spans = enc.wordSpans();
        int budget = maxPieces - 1;           // the last position kept for [SEP]
        String[] kept = new String[lemmas.size()];
        int[] starts = new int[lemmas.size()];
        int[] ends = new int[lemmas.size()];
        int n = 0;
        int end = 1;
        for (int w = 0; w < spans.length; w++) {
            int s = spans[w][0], e = spans[w][1];
            if (e == s) continue;             // no piece: nothing to embed
            if (e > budget) break;            // would overflow: drop it and all after it
            kept[n] = lemmas.get(w);
            starts[n] = s;
            ends[n] = e;
            end = e;
            n++;
        }
        int[] ids = Arrays.copyOf(all, end + 1);
        ids[end] = tokenizer.sepId();
        return new LemmaPieces(Arrays.copyOf(kept, n), ids, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /**
     * Each kept lemma's vector: the mean of its word pieces' rows of the encoder output.
     * {@code hidden} holds this sequence's (L, h) last-layer states row-major from {@code offset};
     * {@code out} (n, h) row j = (1 / (ends[j] - starts[j])) * sum over t in [starts[j], ends[j]) of hidden[t].
     */
    public float[] meanOfPieces(float[] hidden, int offset, int h) {
        float[] out = new float[lemmas.length * h];
        for (int j = 0; j < lemmas.length; j++) {
            int row = j * h;
            for (int t = starts[j]; t < ends[j]; t++) {
                int src = offset + t * h;
                for (int c = 0; c < h; c++) out[row + c] += hidden[src + c];
            }
            float inv = 1f / (ends[j] - starts[j]);
            for (int c = 0; c < h; c++) out[row + c] *= inv;
        }
        return out;
    }
}
