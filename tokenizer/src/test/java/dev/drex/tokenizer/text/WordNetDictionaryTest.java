package dev.drex.tokenizer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The bundled WordNet resource and the parser's error messages; the stopword list's size. */
class WordNetDictionaryTest {

    @Test
    void bundledResourceHasTheGeneratedCounts() {
        WordNetDictionary d = WordNetDictionary.bundled();
        // Counts printed by WordNetResourceGenerator for Debian wordnet-base 1:3.0-37.
        assertEquals(55_282, d.lemmaCount(PartOfSpeech.NOUN));
        assertEquals(8_429, d.lemmaCount(PartOfSpeech.VERB));
        assertEquals(18_083, d.lemmaCount(PartOfSpeech.ADJECTIVE));
        assertEquals(3_630, d.lemmaCount(PartOfSpeech.ADVERB));
        assertEquals(2_213, d.exceptionCount(PartOfSpeech.VERB));
        assertTrue(d.isLemma("guitar", PartOfSpeech.NOUN));
        assertFalse(d.isLemma("guitar", PartOfSpeech.VERB));
        assertEquals(List.of("good", "well"), d.exceptionBases("better", PartOfSpeech.ADJECTIVE));
        assertEquals(16, d.fingerprint().length());
        // SemCor tag counts (cntlist.rev): the noun "number" is far more frequent than the adjective "numb".
        assertEquals(211, d.tagCount("number", PartOfSpeech.NOUN));
        assertTrue(d.tagCount("numb", PartOfSpeech.ADJECTIVE) < 10, "numb (adj) " + d.tagCount("numb", PartOfSpeech.ADJECTIVE));
        assertEquals(0, d.tagCount("guitar", PartOfSpeech.VERB));
    }

    @Test
    void malformedResourceNamesFileAndLine() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> WordNetDictionary.read(gzip("# c\n@lemmas noun 2\ncat\n"), "bad.gz"));
        assertTrue(e.getMessage().startsWith("bad.gz:4:"), e.getMessage());
        e = assertThrows(IOException.class, () -> WordNetDictionary.read(gzip("@lemmas pronoun 1\nit\n"), "bad.gz"));
        assertTrue(e.getMessage().startsWith("bad.gz:1:") && e.getMessage().contains("pronoun"), e.getMessage());
    }

    @Test
    void stopwordListIsNltksEnglish179() {
        StopWords s = StopWords.nltkEnglish();
        assertEquals(179, s.words().size());
        assertTrue(s.contains("the") && s.contains("don") && s.contains("t") && s.contains("wouldn"));
        assertFalse(s.contains("guitar"));
    }

    private static byte[] gzip(String text) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
