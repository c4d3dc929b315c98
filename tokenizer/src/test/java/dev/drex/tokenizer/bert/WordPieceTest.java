package dev.drex.tokenizer.bert;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour on a tiny hand-made vocabulary, independent of the HF oracle; and input errors. */
class WordPieceTest {

    private static final String[] TOKENS = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            "un", "##aff", "##able", "una", "##ff", "a", "##a", "##b", "b", "\uD83D\uDE00", "##\uD83D\uDE00", "i", "##\u0307", "!"};

    private static BertTokenizer tiny(boolean lowercase, boolean stripAccents, int maxChars) {
        BertTokenizerConfig c = new BertTokenizerConfig(true, true, stripAccents, lowercase, "[UNK]", "##", maxChars,
                "[CLS]", "[SEP]", "[PAD]", BertTokenizerConfig.BERT_SPECIAL_TOKENS);
        return new BertTokenizer(new Vocabulary(TOKENS), c);
    }

    @Test
    void greedyLongestMatchFirst() {
        // "una" is longer than "un", so greedy takes it and then "##ff" "##able"
        assertEquals(List.of("una", "##ff", "##able"), tiny(true, true, 100).tokenize("unaffable"));
        assertEquals(List.of("[CLS]", "una", "##ff", "##able", "[SEP]"),
                List.of(tiny(true, true, 100).encode("UNAFFABLE").tokens()));
    }

    @Test
    void wordThatCannotBeFinishedIsOneUnk() {
        // "unaffablex": pieces found up to "able", then "x" fails: the whole word is [UNK]
        assertEquals(List.of("[UNK]", "!", "a"), tiny(true, true, 100).tokenize("unaffablex! a"));
    }

    @Test
    void maxInputCharsCountsCodePoints() {
        BertTokenizer t = tiny(true, true, 4);
        // 4 emoji = 8 UTF-16 units but 4 code points: still tokenized
        assertEquals(List.of("\uD83D\uDE00", "##\uD83D\uDE00", "##\uD83D\uDE00", "##\uD83D\uDE00"), t.tokenize("\uD83D\uDE00".repeat(4)));
        assertEquals(List.of("[UNK]"), t.tokenize("\uD83D\uDE00".repeat(5)));
        assertEquals(List.of("a", "##a", "##a", "##a"), t.tokenize("aaaa"));
        assertEquals(List.of("[UNK]"), t.tokenize("aaaaa"));
    }

    @Test
    void lowercaseWithoutStrippingKeepsDotOfCapitalIWithDot() {
        // Rust's full lowercase: U+0130 -> "i" + U+0307; only stripping accents removes the dot
        assertEquals(List.of("i", "##\u0307"), tiny(true, false, 100).tokenize("\u0130"));
        assertEquals(List.of("i"), tiny(true, true, 100).tokenize("\u0130"));
    }

    @Test
    void specialTokensAreCaseSensitiveAndMayBeGlued() {
        BertTokenizer t = tiny(true, true, 100);
        assertEquals(List.of("a", "[MASK]", "b"), t.tokenize("a[MASK]b"));
        assertEquals(List.of("a", "[UNK]", "[UNK]", "[UNK]", "b"), t.tokenize("a [mask] b"),
                "'[' 'mask' ']' are ordinary: '[' and ']' are not in this vocabulary");
    }

    @Test
    void truncationKeepsSepAndBatchPadsWithPadId() {
        BertTokenizer t = tiny(true, true, 100);
        assertEquals(List.of("[CLS]", "a", "b", "[SEP]"), List.of(t.encode("a b a b", 4).tokens()));
        Batch b = t.encodeBatch(List.of("a", "a b a"), 16);
        assertEquals(5, b.sequenceLength());
        assertEquals(List.of(2, 10, 3, 0, 0), java.util.Arrays.stream(b.inputIds()[0]).boxed().toList());
        assertEquals(List.of(1, 1, 1, 0, 0), java.util.Arrays.stream(b.attentionMask()[0]).boxed().toList());
        assertThrows(IllegalArgumentException.class, () -> t.encode("a", 1));
    }

    @Test
    void badTokenizerJsonNamesTheSourceAndKey() {
        String json = "{\"model\":{\"type\":\"BPE\",\"vocab\":{}}}";
        IOException e = assertThrows(IOException.class, () -> BertTokenizer.fromTokenizerJson(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "my/tokenizer.json"));
        assertTrue(e.getMessage().contains("my/tokenizer.json") && e.getMessage().contains("model.type"), e.getMessage());
    }

    @Test
    void duplicateVocabularyTokenIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(new String[] {"a", "b", "a"}));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }
}
