package dev.drex.tokenizer.bert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vocab.txt loading gives the same tokenizer as tokenizer.json; fromDirectory picks the right file. */
class VocabTxtTest {

    @TempDir
    Path dir;

    private Path writeVocabTxt(BertTokenizer from) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int id = 0; id < from.vocabSize(); id++) lines.add(from.idToToken(id));
        Path txt = dir.resolve("vocab.txt");
        Files.write(txt, lines, StandardCharsets.UTF_8);
        return txt;
    }

    @Test
    void vocabTxtEncodesLikeTokenizerJson() throws IOException {
        BertTokenizer json = HfOracle.ours();
        BertTokenizer txt = BertTokenizer.fromVocab(writeVocabTxt(json), true);
        assertEquals(30522, json.vocabSize());
        assertEquals(json.vocabSize(), txt.vocabSize());
        assertEquals(json.config(), txt.config(), "vocab.txt defaults must equal the MiniLM tokenizer.json settings");
        for (int id = 0; id < json.vocabSize(); id += 97) assertEquals(id, txt.tokenToId(json.idToToken(id)));
        List<String> texts = new ArrayList<>(HfOracle.readCases("/tokenizer-cases.txt"));
        texts.addAll(new UnicodeFuzz(3L, json).strings(1000));
        for (String t : texts) {
            assertArrayEquals(json.encode(t).ids(), txt.encode(t).ids(), "\"" + HfOracle.escape(t) + "\"");
        }
    }

    @Test
    void fromDirectoryPrefersTokenizerJson() throws IOException {
        BertTokenizer json = HfOracle.ours();
        writeVocabTxt(json);
        BertTokenizer fromTxt = BertTokenizer.fromDirectory(dir);
        assertEquals(30522, fromTxt.vocabSize());
        // A cased tokenizer.json next to it must win: "Hello" then keeps its capital.
        String cased = Files.readString(HfOracle.tokenizerJson()).replace("\"lowercase\": true", "\"lowercase\": false")
                .replace("\"lowercase\":true", "\"lowercase\":false");
        Files.writeString(dir.resolve("tokenizer.json"), cased);
        BertTokenizer fromJson = BertTokenizer.fromDirectory(dir);
        assertFalse(fromJson.lowercase());
        assertFalse(fromJson.config().stripAccents(), "strip_accents null follows lowercase");
        assertTrue(fromTxt.lowercase());
        assertEquals("hello", fromTxt.tokenize("Hello").getFirst());
        assertEquals("[UNK]", fromJson.tokenize("Hello").getFirst(), "no cased 'Hello' in an uncased vocabulary");
    }
}
