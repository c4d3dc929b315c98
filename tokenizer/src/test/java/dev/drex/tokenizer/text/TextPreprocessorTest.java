package dev.drex.tokenizer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokenization edge cases, stopwords, numbers, the maxWords cut and the settings fingerprint. */
class TextPreprocessorTest {

    private final TextPreprocessor pre = new TextPreprocessor(PreprocessConfig.DEFAULTS);

    @Test
    void defaultsAreStatedOnce() {
        assertEquals(128, PreprocessConfig.DEFAULTS.maxWords());
        assertTrue(PreprocessConfig.DEFAULTS.removeStopwords());
        assertTrue(PreprocessConfig.DEFAULTS.lemmatize());
        assertThrows(IllegalArgumentException.class, () -> PreprocessConfig.DEFAULTS.withMaxWords(0));
    }

    @Test
    void emptyAndBlankInputGiveNoLemmas() {
        assertEquals(List.of(), pre.lemmas("", ""));
        assertEquals(List.of(), pre.lemmas(null, null));
        assertEquals(List.of(), pre.lemmas(" \t\n ", "\u00A0 \r\n"));
        assertEquals(List.of(), pre.lemmas("!!!", "... -- ?? :) ;-)"));
    }

    @Test
    void onlyStopwordsGiveNoLemmas() {
        assertEquals(List.of(), pre.lemmas("It is what it is", "I don't, and you can't; it's the same as theirs."));
    }

    @Test
    void wholeReviewTitleFirst() {
        assertEquals(List.of("great", "string", "string", "sound", "good", "old", "one"),
                pre.lemmas("Great strings!", "These strings sound better than my old ones."));
    }

    @Test
    void htmlTagsAndEntitiesAreRemoved() {
        assertEquals(List.of("guitar", "say", "wow", "amp", "tone"),
                pre.lemmas("", "The guitar says &quot;wow&#34;<br />amp&amp;tone"));
        assertEquals("\"wow\" & <b> \u00e9 \u2019", HtmlText.clean("&quot;wow&#x22; &amp; &lt;b&gt; &eacute; &#8217;"));
        assertEquals(" link ", HtmlText.clean("<a href=\"http://x\">link</a>"));
        assertEquals("AT&T &M; a < b", HtmlText.clean("AT&T &M; a < b"));
        assertEquals("caf\u00e9", WordTokenizer.words("Caf&eacute;").getFirst());
    }

    @Test
    void numbersAreDropped() {
        assertEquals(List.of("mp3", "9v", "battery", "inch", "x32"),
                pre.lemmas("", "42 mp3 3.5 9v batteries 1/2 inch 1,000 1st 80s 2014 x32"));
        assertTrue(WordTokenizer.isNumber("2014"));
        assertTrue(WordTokenizer.isNumber("3rd"));
        assertFalse(WordTokenizer.isNumber("9v"));
        assertFalse(WordTokenizer.isNumber("s"));
    }

    @Test
    void unicodePunctuationSeparates() {
        assertEquals(List.of("love", "fender", "tone", "price", "ok"),
                pre.lemmas("\u201CLove\u201D", "Fender\u2019s tone\u2014price\u2026 \u00BFok\u00BF"));
        assertEquals(List.of("na\u00efve", "caf\u00e9", "stra\u00dfe"), WordTokenizer.words("Na\u00efve CAF\u00c9 Stra\u00dfe"));
        // Decomposed accents (combining marks) stay inside the word.
        assertEquals(List.of("cafe\u0301"), WordTokenizer.words("Cafe\u0301!"));
    }

    @Test
    void hyphensSeparate() {
        assertEquals(List.of("well", "make", "volt", "adapter"), pre.lemmas("", "well-made 9-volt adapter"));
    }

    @Test
    void apostrophesSplitAndCliticsFallOutAsStopwords() {
        assertEquals(List.of("don", "t", "guitar", "s", "i", "m"), WordTokenizer.words("Don't guitar's I\u2019m"));
        assertEquals(List.of("guitar", "neck", "bad"), pre.lemmas("", "The guitar's neck isn't bad... I won't, you'll, we've"));
        // Without stopword removal the fragments stay.
        TextPreprocessor keep = new TextPreprocessor(new PreprocessConfig(128, false, true, LemmaPolicy.defaultPolicy()));
        assertEquals(List.of("don", "t", "like"), keep.lemmas("", "Don't like"));
    }

    @Test
    void lemmaThatIsAStopwordIsDropped() {
        assertEquals("down", pre.lemmatizer().lemma("downs"));
        assertEquals(List.of(), pre.lemmas("", "downs"));  // "downs" -> "down", a stopword
    }

    @Test
    void maxWordsCutsAfterFilteringAndSpansTitleAndText() {
        TextPreprocessor three = new TextPreprocessor(PreprocessConfig.DEFAULTS.withMaxWords(3));
        assertEquals(List.of("great", "string", "sound"), three.lemmas("Great strings", "the sound is good and warm"));
        assertEquals(List.of("a1", "a2", "a3"), three.lemmas("a1 a2 a3 a4", "b1"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 500; i++) many.append("pedal ");
        assertEquals(128, pre.lemmas("", many.toString()).size());
    }

    @Test
    void lemmatizeOffKeepsWords() {
        TextPreprocessor raw = new TextPreprocessor(new PreprocessConfig(128, true, false, LemmaPolicy.defaultPolicy()));
        assertEquals(List.of("strings", "sounded", "better"), raw.lemmas("", "The strings sounded better"));
    }

    @Test
    void fingerprintChangesWithEverySetting() {
        String base = pre.settingsFingerprint();
        assertTrue(base.startsWith("text-v" + TextPreprocessor.PIPELINE_VERSION + " maxWords=128 "), base);
        assertTrue(base.contains("wordnet=" + WordNetDictionary.bundled().fingerprint()), base);
        assertEquals(base, new TextPreprocessor(PreprocessConfig.DEFAULTS).settingsFingerprint());
        List<PreprocessConfig> variants = List.of(
                PreprocessConfig.DEFAULTS.withMaxWords(64),
                new PreprocessConfig(128, false, true, LemmaPolicy.defaultPolicy()),
                new PreprocessConfig(128, true, false, LemmaPolicy.defaultPolicy()),
                new PreprocessConfig(128, true, true, LemmaPolicy.NOUN_ONLY));
        for (PreprocessConfig v : variants) {
            assertNotEquals(base, new TextPreprocessor(v).settingsFingerprint(), v.toString());
        }
    }
}
