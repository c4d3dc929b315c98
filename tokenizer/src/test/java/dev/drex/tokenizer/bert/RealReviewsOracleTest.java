package dev.drex.tokenizer.bert;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every review text (and title) of two real Amazon data sets tokenizes exactly as HF does. */
class RealReviewsOracleTest {

    @Test
    void amazonReviewsMatchHf() throws IOException {
        List<String> texts = new ArrayList<>(ReviewTexts.allBeauty());
        List<String> music = ReviewTexts.musicalInstruments();
        assertEquals(10_261, music.size(), "Musical Instruments 5-core has 10,261 reviews");
        texts.addAll(music);
        assertTrue(texts.size() > 20_000, "expected > 20k texts, got " + texts.size());
        BertTokenizer ours = HfOracle.ours();
        List<String> bad;
        try (HuggingFaceTokenizer hf = HfOracle.hf()) {
            bad = HfOracle.mismatches(ours, hf, texts);
        }
        if (!bad.isEmpty()) {
            fail(bad.size() + " of " + texts.size() + " reviews differ from HF:\n" + String.join("\n", bad.subList(0, Math.min(20, bad.size()))));
        }
    }
}
