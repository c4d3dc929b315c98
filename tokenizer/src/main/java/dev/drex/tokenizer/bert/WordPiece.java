package dev.drex.tokenizer.bert;

import java.util.HashMap;
import java.util.Map;

/**
 * The WordPiece model (greedy longest-match-first), as Hugging Face {@code models/wordpiece}:
 *
 * <pre>
 *   if word has more than maxInputCharsPerWord code points: emit [UNK]
 *   start = 0
 *   while start &lt; length:
 *       end = the largest end such that piece = word[start, end) (prefixed with "##" if start &gt; 0)
 *             is in the vocabulary, shrinking one code point at a time
 *       if there is none: discard the pieces of this word and emit [UNK] alone
 *       emit piece; start = end
 * </pre>
 *
 * Lengths are counted in Unicode code points (Rust chars), never UTF-16 units, and a piece never
 * splits a surrogate pair. Lookups are hash lookups: one map for word-initial pieces and one for
 * continuation pieces keyed without their prefix.
 */
public final class WordPiece {

    private final Vocabulary vocab;
    private final Map<String, Integer> continuation;
    private final int unkId;
    private final int maxInputCharsPerWord;

    /**
     * @param continuingSubwordPrefix the prefix of non-initial pieces, "##" for BERT
     * @param unkToken the token emitted for words that cannot be tokenized; must be in the vocabulary
     */
    public WordPiece(Vocabulary vocab, String unkToken, String continuingSubwordPrefix, int maxInputCharsPerWord) {
        this.vocab = vocab;
        this.unkId = vocab.id(unkToken);
        if (unkId < 0) throw new IllegalArgumentException("unknown token '" + unkToken + "' is not in the vocabulary");
        if (maxInputCharsPerWord < 1) throw new IllegalArgumentException("maxInputCharsPerWord must be >= 1, got " + maxInputCharsPerWord);
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        this.continuation = new HashMap<>();
        for (int id = 0; id < vocab.size(); id++) {
            String t = vocab.token(id);
            if (t.length() > continuingSubwordPrefix.length() && t.startsWith(continuingSubwordPrefix)) {
                continuation.put(t.substring(continuingSubwordPrefix.length()), id);
            }
        }
    }

    /** Appends the piece ids of the word {@code text[start, end)} to {@code out}. */
    void tokenize(String text, int start, int end, IntList out) {
        if (text.codePointCount(start, end) > maxInputCharsPerWord) {
            out.add(unkId);
            return;
        }
        int firstPiece = out.size();
        int pieceStart = start;
        while (pieceStart < end) {
            int pieceEnd = end;
            int id = -1;
            while (pieceStart < pieceEnd) {
                String piece = text.substring(pieceStart, pieceEnd);
                id = pieceStart == start ? vocab.id(piece) : continuationId(piece);
                if (id >= 0) break;
                pieceEnd = text.offsetByCodePoints(pieceEnd, -1);
            }
            if (id < 0) {
                while (out.size() > firstPiece) out.removeLast();
                out.add(unkId);
                return;
            }
            out.add(id);
            pieceStart = pieceEnd;
        }
    }

    private int continuationId(String piece) {
        Integer id = continuation.get(piece);
        return id == null ? -1 : id;
    }

    public int unkId() { return unkId; }

    public int maxInputCharsPerWord() { return maxInputCharsPerWord; }
}
