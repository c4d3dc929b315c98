package dev.drex.tokenizer.bert;

/**
 * The encoding of a list of pre-split words, with where each word's pieces sit in it.
 *
 * @param encoding  {@code [CLS] pieces(word 0) pieces(word 1) ... [SEP]}, possibly truncated
 * @param wordSpans (W, 2): word w owns the positions {@code [wordSpans[w][0], wordSpans[w][1])} of
 *                  the encoding. A word without pieces (empty, or only whitespace/control
 *                  characters), or cut off by truncation, has an empty span ({@code start == end});
 *                  a word partly cut off keeps the pieces that remain.
 */
public record WordAlignedEncoding(Encoding encoding, int[][] wordSpans) {}
