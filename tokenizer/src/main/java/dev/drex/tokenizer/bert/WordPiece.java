package dev.drex.tokenizer.bert;

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
 * splits a surrogate pair. Instead of looking up every candidate {@code word[start, end)} from the
 * longest down, one walk of a {@link VocabularyTrie} from {@code start} finds the longest piece
 * in the vocabulary directly (same result: the longest candidate that is a token). Continuation
 * pieces are found by starting the walk at the trie node of the prefix "##".
 */
public final class WordPiece {

    private final VocabularyTrie trie;
    /** Trie node of the continuation prefix, or -1 if no token starts with it. */
    private final int continuationRoot;
    private final int unkId;
    private final int maxInputCharsPerWord;

    /**
     * @param continuingSubwordPrefix the prefix of non-initial pieces, "##" for BERT
     * @param unkToken the token emitted for words that cannot be tokenized; must be in the vocabulary
     */
    public WordPiece(Vocabulary vocab, String unkToken, String continuingSubwordPrefix, int maxInputCharsPerWord) {
        this.unkId = vocab.id(unkToken);
        if (unkId < 0) throw new IllegalArgumentException("unknown token '" + unkToken + "' is not in the vocabulary");
        if (maxInputCharsPerWord < 1) throw new IllegalArgumentException("maxInputCharsPerWord must be >= 1, got " + maxInputCharsPerWord);
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        this.trie = new VocabularyTrie(vocab);
        this.continuationRoot = trie.walk(continuingSubwordPrefix);
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
            int node = pieceStart == start ? 0 : continuationRoot;
            int id = -1;
            int pieceEnd = pieceStart;
            for (int i = pieceStart; i < end && node >= 0; ) {
                node = trie.child(node, text.charAt(i++));
                // a match may end only on a code point boundary, never inside a surrogate pair
                if (node >= 0 && trie.tokenId(node) >= 0 && !(i < end && Character.isLowSurrogate(text.charAt(i))
                        && Character.isHighSurrogate(text.charAt(i - 1)))) {
                    id = trie.tokenId(node);
                    pieceEnd = i;
                }
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

    public int unkId() { return unkId; }

    public int maxInputCharsPerWord() { return maxInputCharsPerWord; }
}
