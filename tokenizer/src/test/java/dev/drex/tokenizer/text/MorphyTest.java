package dev.drex.tokenizer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Morphy's exception lists, detachment rules and guards on chosen words, and the context-free policy. */
class MorphyTest {

    private static final WordNetDictionary WORDNET = WordNetDictionary.bundled();
    private final Lemmatizer lemmatizer = new Lemmatizer(WORDNET, LemmaPolicy.defaultPolicy());
    private final Morphy morphy = new Morphy(WORDNET);

    private String lemma(String word, PartOfSpeech pos) {
        return lemmatizer.lemma(word, pos);
    }

    @Test
    void nounRules() {
        assertEquals("string", lemma("strings", PartOfSpeech.NOUN));      // -s
        assertEquals("pedal", lemma("pedals", PartOfSpeech.NOUN));
        assertEquals("bus", lemma("buses", PartOfSpeech.NOUN));           // -ses -> -s
        assertEquals("knife", lemma("knives", PartOfSpeech.NOUN));        // -ves -> -f(e): noun.exc or rule
        assertEquals("box", lemma("boxes", PartOfSpeech.NOUN));           // -xes -> -x
        assertEquals("church", lemma("churches", PartOfSpeech.NOUN));     // -ches -> -ch
        assertEquals("dish", lemma("dishes", PartOfSpeech.NOUN));         // -shes -> -sh
        assertEquals("battery", lemma("batteries", PartOfSpeech.NOUN));   // -ies -> -y
        assertEquals("fireman", lemma("firemen", PartOfSpeech.NOUN));     // -men -> -man
    }

    @Test
    void nounExceptions() {
        assertEquals("goose", lemma("geese", PartOfSpeech.NOUN));
        assertEquals("mouse", lemma("mice", PartOfSpeech.NOUN));
        assertEquals("man", lemma("men", PartOfSpeech.NOUN));
        assertEquals("child", lemma("children", PartOfSpeech.NOUN));
    }

    @Test
    void nounGuards() {
        // morph.c: nouns in -ss get no rule ("glas", "bos" are not tried) and stay themselves.
        assertEquals("glass", lemma("glass", PartOfSpeech.NOUN));
        assertEquals("boss", lemma("boss", PartOfSpeech.NOUN));
        assertEquals("bass", lemma("bass", PartOfSpeech.NOUN));
        assertTrue(morphy.baseForms("glass", PartOfSpeech.NOUN).regular().isEmpty());
        // Our addition: a 2-letter rule result is rejected if the word is itself a lemma ...
        assertEquals("gas", lemma("gas", PartOfSpeech.NOUN));
        assertTrue(WORDNET.isLemma("ga", PartOfSpeech.NOUN), "the guard matters only because 'ga' is a noun");
        // ... but not otherwise.
        assertEquals("cd", lemma("cds", PartOfSpeech.NOUN));
        // -ful: morph the head ("boxes" -> "box"), keep "ful".
        assertEquals("boxful", lemma("boxesful", PartOfSpeech.NOUN));
    }

    @Test
    void verbRulesAndExceptions() {
        assertEquals("buy", lemma("bought", PartOfSpeech.VERB));
        assertEquals("be", lemma("was", PartOfSpeech.VERB));
        assertEquals("work", lemma("worked", PartOfSpeech.VERB));       // -ed -> ""
        assertEquals("use", lemma("used", PartOfSpeech.VERB));          // -ed -> -e
        assertEquals("hope", lemma("hoped", PartOfSpeech.VERB));        // -ed -> -e is tried before -ed -> "" ("hop")
        assertEquals("play", lemma("playing", PartOfSpeech.VERB));      // -ing -> ""
        assertEquals("make", lemma("making", PartOfSpeech.VERB));       // -ing -> -e
        assertEquals("try", lemma("tries", PartOfSpeech.VERB));         // -ies -> -y
        assertEquals("fix", lemma("fixes", PartOfSpeech.VERB));         // -es -> ""
        assertEquals("stop", lemma("stopping", PartOfSpeech.VERB));     // doubled consonant: verb.exc
        assertEquals("feel", lemma("felt", PartOfSpeech.VERB));         // irregular beats the word ("felt" is a verb too)
        assertEquals("install", lemma("installed", PartOfSpeech.VERB)); // verb.exc "installed instal install": rule-confirmed base first
    }

    @Test
    void adjectiveRulesAndExceptions() {
        assertEquals("good", lemma("better", PartOfSpeech.ADJECTIVE));
        assertEquals("good", lemma("best", PartOfSpeech.ADJECTIVE));
        assertEquals("cheap", lemma("cheaper", PartOfSpeech.ADJECTIVE)); // -er -> ""
        assertEquals("loud", lemma("loudest", PartOfSpeech.ADJECTIVE));  // -est -> ""
        assertEquals("nice", lemma("nicer", PartOfSpeech.ADJECTIVE));    // -er -> -e
        assertEquals("big", lemma("bigger", PartOfSpeech.ADJECTIVE));    // adj.exc
        assertEquals("happy", lemma("happier", PartOfSpeech.ADJECTIVE)); // adj.exc
    }

    @Test
    void adverbsHaveOnlyExceptions() {
        assertEquals("well", lemma("better", PartOfSpeech.ADVERB));
        assertEquals("quickly", lemma("quickly", PartOfSpeech.ADVERB));
        assertTrue(morphy.baseForms("fastest", PartOfSpeech.ADVERB).regular().isEmpty());
    }

    @Test
    void unknownWordsComeBackUnchanged() {
        assertEquals("behringer", lemmatizer.lemma("behringer"));
        assertEquals("mp3", lemmatizer.lemma("mp3"));
        assertEquals("xyzzyies", lemma("xyzzyies", PartOfSpeech.NOUN));
        assertTrue(morphy.baseForms("xyzzyies", PartOfSpeech.NOUN).isEmpty());
        assertFalse(morphy.baseForms("strings", PartOfSpeech.NOUN).isEmpty());
    }

    @Test
    void contextFreeDefaultPolicyOnReviewWords() {
        // Irregular forms become their base when that reading is the frequent one ...
        assertEquals("good", lemmatizer.lemma("better"));
        assertEquals("see", lemmatizer.lemma("saw"));
        assertEquals("buy", lemmatizer.lemma("bought"));
        assertEquals("be", lemmatizer.lemma("was"));
        // ... but not when the word as written is far more frequent ("a bit", "ground noise").
        assertEquals("bit", lemmatizer.lemma("bit"));
        assertEquals("ground", lemmatizer.lemma("ground"));
        for (String[] pair : List.of(new String[] {"strings", "string"}, new String[] {"pedals", "pedal"},
                new String[] {"sounds", "sound"}, new String[] {"tuners", "tuner"}, new String[] {"cables", "cable"},
                new String[] {"worked", "work"}, new String[] {"playing", "play"}, new String[] {"geese", "goose"},
                new String[] {"buses", "bus"}, new String[] {"cheaper", "cheap"}, new String[] {"lighter", "light"},
                new String[] {"glass", "glass"}, new String[] {"number", "number"}, new String[] {"matter", "matter"},
                new String[] {"customer", "customer"}, new String[] {"does", "do"})) {
            assertEquals(pair[1], lemmatizer.lemma(pair[0]), pair[0]);
        }
        // The same words under the frequency-blind policy: the -er adjective rule and the noun -s rule bite.
        Lemmatizer blind = new Lemmatizer(WORDNET, LemmaPolicy.IRREGULAR_THEN_FIRST_CHANGE);
        assertEquals("numb", blind.lemma("number"));
        assertEquals("doe", blind.lemma("does"));
        // Known price of the frequency policy: "wound" (noun, 20+ tags) beats "wind" (verb).
        assertEquals("wound", lemmatizer.lemma("wound"));
    }

    @Test
    void cacheReturnsTheSameAnswer() {
        Lemmatizer fresh = new Lemmatizer(WORDNET, LemmaPolicy.defaultPolicy());
        assertEquals(fresh.lemma("strings"), fresh.lemma("strings"));
        assertEquals("string", fresh.lemma("strings"));
    }
}
