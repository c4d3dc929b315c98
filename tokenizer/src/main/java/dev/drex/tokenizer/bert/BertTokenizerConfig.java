package dev.drex.tokenizer.bert;

import java.util.List;

/**
 * Everything that configures a {@link BertTokenizer} besides the vocabulary. Field names follow
 * the Hugging Face {@code tokenizer.json} keys.
 *
 * @param cleanText               normalizer: drop control characters, map whitespace to spaces
 * @param handleChineseChars      normalizer: put spaces around CJK ideographs
 * @param stripAccents            normalizer: NFD and drop non-spacing marks (HF's {@code null} resolved to {@code lowercase})
 * @param lowercase               normalizer: lowercase ({@code do_lower_case})
 * @param unkToken                WordPiece: the token for words that cannot be tokenized
 * @param continuingSubwordPrefix WordPiece: prefix of non-initial pieces
 * @param maxInputCharsPerWord    WordPiece: longer words (in code points) become {@code unkToken}
 * @param clsToken                post-processor: first token of every sequence
 * @param sepToken                post-processor: last token of every sequence
 * @param padToken                batch padding token
 * @param specialTokens           tokens recognized verbatim in raw text, split out before normalization
 */
public record BertTokenizerConfig(
        boolean cleanText,
        boolean handleChineseChars,
        boolean stripAccents,
        boolean lowercase,
        String unkToken,
        String continuingSubwordPrefix,
        int maxInputCharsPerWord,
        String clsToken,
        String sepToken,
        String padToken,
        List<String> specialTokens) {

    /** The BERT special tokens, recognized in text when present in the vocabulary. */
    public static final List<String> BERT_SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    public BertTokenizerConfig {
        specialTokens = List.copyOf(specialTokens);
        if (maxInputCharsPerWord < 1) throw new IllegalArgumentException("maxInputCharsPerWord must be >= 1");
    }

    /** The settings of Google's original BERT ({@code bert-base-uncased} when {@code lowercase}). */
    public static BertTokenizerConfig bertDefaults(boolean lowercase) {
        return new BertTokenizerConfig(true, true, lowercase, lowercase, "[UNK]", "##", 100,
                "[CLS]", "[SEP]", "[PAD]", BERT_SPECIAL_TOKENS);
    }
}
