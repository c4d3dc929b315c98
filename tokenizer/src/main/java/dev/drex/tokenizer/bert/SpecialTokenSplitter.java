package dev.drex.tokenizer.bert;

import java.util.List;

/**
 * Finds special tokens ("added tokens" in Hugging Face terms, e.g. {@code [MASK]}) in raw text
 * before any normalization, as HF's {@code AddedVocabulary} does for tokens with
 * {@code normalized: false}: matching is exact and case-sensitive ("[mask]" is ordinary text), a
 * token matches even when glued to other characters ("a[SEP]b"), overlaps are resolved
 * leftmost-longest, and the surrounding whitespace is left in the neighbouring text (which the
 * pre-tokenizer then drops).
 */
final class SpecialTokenSplitter {

    /** Receives the pieces of the text in order. */
    interface Sink {
        /** Ordinary text {@code text[start, end)}, never empty. */
        void text(String text, int start, int end);

        /** A special token, by id. */
        void special(int id);
    }

    private final String[] contents;
    private final int[] ids;

    /** @param specials the special tokens with their ids */
    SpecialTokenSplitter(List<SpecialToken> specials) {
        contents = new String[specials.size()];
        ids = new int[specials.size()];
        for (int i = 0; i < contents.length; i++) {
            if (specials.get(i).content().isEmpty()) throw new IllegalArgumentException("empty special token");
            contents[i] = specials.get(i).content();
            ids[i] = specials.get(i).id();
        }
    }

    /** Cuts {@code text} at every special token occurrence, leftmost-longest. */
    void split(String text, Sink sink) {
        int textStart = 0;
        int i = 0;
        while (i < text.length()) {
            int best = -1;
            for (int k = 0; k < contents.length; k++) {
                if (text.startsWith(contents[k], i) && (best < 0 || contents[k].length() > contents[best].length())) {
                    best = k;
                }
            }
            if (best < 0) {
                i++;
                continue;
            }
            if (i > textStart) sink.text(text, textStart, i);
            sink.special(ids[best]);
            i += contents[best].length();
            textStart = i;
        }
        if (textStart < text.length()) sink.text(text, textStart, text.length());
    }
}
