package dev.drex.tokenizer.bert;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Unicode scalar value (U+0000..U+10FFFF without surrogates), each in three contexts, through
 * our tokenizer and HF's. This is what pins down the character classes: which characters HF drops
 * as control, maps to spaces, splits off as punctuation, strips as accents, isolates as CJK, and
 * where its Unicode 8.0 categories differ from the JDK's ({@link Unicode8Categories}).
 *
 * <p>Contexts: the character alone; glued inside a word ("Ab" c "Cd", which shows whether it is
 * dropped, split off, or part of the word); and doubled after a space ("a " c c " b").
 *
 * <p>The full run takes about 100 s on 2 cores and is tagged slow; the default suite runs two
 * contexts over the planes where characters are assigned (BMP, SMP, the CJK planes' range
 * bounds, tags and variation selectors) and a stride sample of the rest.
 */
class AllCodePointsOracleTest {

    @Test
    void assignedPlanesInTwoContextsMatchHf() {
        IntPredicate sample = cp -> cp < 0x20000 || (cp >= 0xE0000 && cp < 0xE1000) || cp % 61 == 0
                || Math.abs(cp - 0x2B820) < 2 || Math.abs(cp - 0x2B920) < 2 || Math.abs(cp - 0x2CEAF) < 2
                || Math.abs(cp - 0x2A6DF) < 2 || Math.abs(cp - 0x2A700) < 2 || Math.abs(cp - 0x2FA1F) < 2;
        check(new String[] {"Ab%sCd", "a %s%s b"}, sample);
    }

    @Test
    @Tag("slow")
    void everyCodePointInThreeContextsMatchesHf() {
        check(new String[] {"%s", "Ab%sCd", "a %s%s b"}, cp -> true);
    }

    private static void check(String[] contexts, IntPredicate codePoints) {
        BertTokenizer ours = HfOracle.ours();
        List<String> failures = new ArrayList<>();
        int total = 0;
        try (HuggingFaceTokenizer hf = HfOracle.hf()) {
            List<String> texts = new ArrayList<>();
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) continue;
                if (codePoints.test(cp)) {
                    String c = Character.toString(cp);
                    for (String context : contexts) texts.add(context.replace("%s", c));
                }
                if (texts.size() >= 60_000 || cp == Character.MAX_CODE_POINT) {
                    total += texts.size();
                    failures.addAll(HfOracle.mismatches(ours, hf, texts));
                    texts.clear();
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + total + " code-point strings differ from HF:\n"
                    + String.join("\n", failures.subList(0, Math.min(failures.size(), 40))));
        }
    }
}
