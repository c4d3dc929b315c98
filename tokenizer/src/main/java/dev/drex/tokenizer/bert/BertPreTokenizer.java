package dev.drex.tokenizer.bert;

/**
 * The Hugging Face {@code BertPreTokenizer}: splits normalized text into words. Whitespace
 * ({@link BertCharClasses#isWhitespace}) separates words and is dropped; every punctuation code
 * point ({@link BertCharClasses#isPunctuation}) becomes a word of its own. So "don't!" gives
 * "don", "'", "t", "!".
 */
public final class BertPreTokenizer {

    /** Receives one word as the UTF-16 range {@code [start, end)} of the text. */
    @FunctionalInterface
    public interface WordSink {
        void word(String text, int start, int end);
    }

    private BertPreTokenizer() {}

    /** Calls {@code sink} for every word of {@code text}, left to right. */
    public static void split(String text, WordSink sink) {
        int wordStart = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (BertCharClasses.isWhitespace(cp)) {
                if (wordStart >= 0) sink.word(text, wordStart, i);
                wordStart = -1;
            } else if (BertCharClasses.isPunctuation(cp)) {
                if (wordStart >= 0) sink.word(text, wordStart, i);
                wordStart = -1;
                sink.word(text, i, next);
            } else if (wordStart < 0) {
                wordStart = i;
            }
            i = next;
        }
        if (wordStart >= 0) sink.word(text, wordStart, text.length());
    }
}
