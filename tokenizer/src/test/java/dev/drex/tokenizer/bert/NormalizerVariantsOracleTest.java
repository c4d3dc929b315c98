package dev.drex.tokenizer.bert;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The MiniLM tokenizer.json with other BertNormalizer settings (cased, accents kept, no CJK
 * spacing, no cleaning): our tokenizer reads them from the file and must still equal HF on the
 * hand-written cases and fuzz. This exercises the paths the uncased default never takes, such as
 * lowercasing without stripping ("İ" becomes "i" + U+0307).
 */
class NormalizerVariantsOracleTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "clean_text={0} handle_chinese_chars={1} strip_accents={2} lowercase={3}")
    @CsvSource({
            "true,  true,  false, true",
            "true,  true,  ,      false",
            "true,  true,  true,  false",
            "true,  false, ,      true",
            "false, true,  ,      true",
    })
    void variantMatchesHf(boolean cleanText, boolean chinese, Boolean stripAccents, boolean lowercase) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(HfOracle.tokenizerJson().toFile());
        ObjectNode norm = (ObjectNode) root.get("normalizer");
        norm.put("clean_text", cleanText).put("handle_chinese_chars", chinese).put("lowercase", lowercase);
        if (stripAccents == null) norm.putNull("strip_accents"); else norm.put("strip_accents", stripAccents);
        Path file = dir.resolve("tokenizer.json");
        json.writeValue(file.toFile(), root);

        BertTokenizer ours = BertTokenizer.fromTokenizerJson(file);
        assertEquals(lowercase, ours.lowercase());
        assertEquals(stripAccents == null ? lowercase : stripAccents, ours.config().stripAccents());
        List<String> texts = new ArrayList<>(HfOracle.readCases("/tokenizer-cases.txt"));
        texts.addAll(List.of("\u0130stanbul", "\u0130", "I\u0307", "\u212A", "\u1E9E", "\u03A3\u0391\u03A3", "\u01C5", "\u0149"));
        texts.addAll(new UnicodeFuzz(11L, HfOracle.ours()).strings(1000));
        List<String> bad;
        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder().optTokenizerPath(file)
                .optTruncation(false).optPadding(false).build()) {
            bad = HfOracle.mismatches(ours, hf, texts);
        }
        if (!bad.isEmpty()) {
            fail(bad.size() + " of " + texts.size() + " differ from HF:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
        }
    }
}
