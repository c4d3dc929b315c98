package dev.drex.tokenizer.bert;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Our BertTokenizer against the Hugging Face Rust tokenizer (through DJL) on the all-MiniLM-L6-v2
 * vocabulary: hand-written cases, seeded random Unicode, truncation, batch padding, decoding and
 * word spans. Every mismatch fails, listing the case with both tokenizations.
 */
class BertTokenizerOracleTest {

    private static BertTokenizer ours;
    private static HuggingFaceTokenizer hf;
    private static List<String> cases;

    @BeforeAll
    static void load() {
        ours = HfOracle.ours();
        hf = HfOracle.hf();
        cases = HfOracle.readCases("/tokenizer-cases.txt");
    }

    @AfterAll
    static void close() {
        hf.close();
    }

    private static void assertNoMismatch(List<String> texts, String what) {
        List<String> bad = HfOracle.mismatches(ours, hf, texts);
        if (!bad.isEmpty()) {
            fail(bad.size() + " of " + texts.size() + " " + what + " differ from HF:\n"
                    + String.join("\n", bad.subList(0, Math.min(bad.size(), 50))));
        }
    }

    @Test
    void handWrittenCasesMatchHf() {
        assertTrue(cases.size() >= 300, "expected >= 300 cases, file has " + cases.size());
        assertNoMismatch(cases, "hand-written cases");
    }

    @Test
    void seededUnicodeFuzzMatchesHf() {
        List<String> fuzz = new UnicodeFuzz(20_251_128L, ours).strings(6000);
        assertNoMismatch(fuzz, "fuzz strings");
    }

    @Test
    void longAndRepeatedFuzzMatchesHf() {
        UnicodeFuzz fuzz = new UnicodeFuzz(7L, ours);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 20; k++) s.append(fuzz.next());
            texts.add(s.toString());
        }
        assertNoMismatch(texts, "long fuzz strings");
    }

    @Test
    void truncationMatchesHf() {
        for (int maxLength : new int[] {2, 3, 4, 7, 16, 128}) {
            try (HuggingFaceTokenizer truncating = HfOracle.hf(maxLength, false)) {
                for (String text : cases) {
                    long[] expected = truncating.encode(text).getIds();
                    int[] got = ours.encode(text, maxLength).ids();
                    assertArrayEquals(toInts(expected), got, "maxLength " + maxLength + " on \"" + HfOracle.escape(text) + "\"");
                }
            }
        }
    }

    @Test
    void batchPaddingMatchesHf() {
        int maxLength = 24;
        try (HuggingFaceTokenizer padding = HfOracle.hf(maxLength, true)) {
            for (int from = 0; from + 7 <= cases.size(); from += 7) {
                List<String> batch = cases.subList(from, from + 7);
                ai.djl.huggingface.tokenizers.Encoding[] expected = padding.batchEncode(batch);
                Batch got = ours.encodeBatch(batch, maxLength);
                assertEquals(batch.size(), got.batchSize());
                for (int r = 0; r < batch.size(); r++) {
                    String where = "row " + r + " of batch at case " + from;
                    assertArrayEquals(toInts(expected[r].getIds()), got.inputIds()[r], where + " ids");
                    assertArrayEquals(toInts(expected[r].getAttentionMask()), got.attentionMask()[r], where + " mask");
                    assertArrayEquals(toInts(expected[r].getTypeIds()), got.tokenTypeIds()[r], where + " type ids");
                    assertEquals(Arrays.stream(got.attentionMask()[r]).sum(), got.lengths()[r], where + " length");
                }
            }
        }
    }

    @Test
    void decodeMatchesHf() {
        List<String> texts = new ArrayList<>(cases);
        texts.addAll(new UnicodeFuzz(99L, ours).strings(500));
        for (String text : texts) {
            int[] ids = ours.encode(text).ids();
            long[] longIds = Arrays.stream(ids).asLongStream().toArray();
            for (boolean skip : new boolean[] {true, false}) {
                assertEquals(hf.decode(longIds, skip), ours.decode(ids, skip),
                        "decode(skipSpecialTokens=" + skip + ") of \"" + HfOracle.escape(text) + "\"");
            }
        }
    }

    /** encodeWords equals HF on the words joined by spaces; the spans tile the pieces in order. */
    @Test
    void wordSpansTileTheJoinedEncoding() {
        List<String> texts = new ArrayList<>(cases);
        texts.addAll(new UnicodeFuzz(5L, ours).strings(500));
        for (String text : texts) {
            List<String> words = List.of(text.split(" ", -1));
            WordAlignedEncoding aligned = ours.encodeWords(words, Integer.MAX_VALUE);
            long[] expected = hf.encode(String.join(" ", words)).getIds();
            String where = "\"" + HfOracle.escape(text) + "\"";
            assertArrayEquals(toInts(expected), aligned.encoding().ids(), where);
            int position = 1;
            for (int w = 0; w < words.size(); w++) {
                int[] span = aligned.wordSpans()[w];
                assertEquals(position, span[0], where + " word " + w + " start");
                assertTrue(span[1] >= span[0], where + " word " + w);
                assertEquals(ours.tokenize(words.get(w)), Arrays.asList(aligned.encoding().tokens()).subList(span[0], span[1]),
                        where + " word " + w + " pieces");
                position = span[1];
            }
            assertEquals(aligned.encoding().length() - 1, position, where + ": spans must end at [SEP]");
        }
    }

    private static int[] toInts(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Math.toIntExact(values[i]);
        return out;
    }
}
