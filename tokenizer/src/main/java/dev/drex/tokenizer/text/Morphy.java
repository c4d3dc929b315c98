package dev.drex.tokenizer.text;

import java.util.ArrayList;
import java.util.List;

/**
 * WordNet's morphy: the base forms of an inflected word for one part of speech.
 *
 * <p>Algorithm (WordNet 3.0 morph.c, as re-implemented by NLTK's {@code WordNetCorpusReader._morphy}):
 * <ol>
 *   <li>Irregular forms: if {@code word} is listed in POS.exc, its listed bases that are lemmas of
 *       POS are the answer (plus the word itself if it is a lemma too); no suffix rule is tried.</li>
 *   <li>Otherwise the word itself, if it is a lemma of POS, and every form obtained by ONE
 *       detachment rule below whose result is a lemma of POS:
 *     <pre>
 *     noun: -s -> "", -ses -> -s, -ves -> -f, -xes -> -x, -zes -> -z, -ches -> -ch, -shes -> -sh,
 *           -men -> -man, -ies -> -y
 *     verb: -s -> "", -ies -> -y, -es -> -e, -es -> "", -ed -> -e, -ed -> "", -ing -> -e, -ing -> ""
 *     adj:  -er -> "", -est -> "", -er -> -e, -est -> -e
 *     adv:  (none)
 *     </pre></li>
 * </ol>
 * Guards from morph.c: nouns ending in "ss" ("glass", "boss") and words of at most 2 letters get no
 * suffix rule; a noun ending in "-ful" is morphed before the "ful" ("cupsful" -> "cupful").
 * Unlike NLTK we do not re-apply the rules to their own output (morph.c does not either).
 * When an exception line lists several bases, those a suffix rule also yields come first.
 * One deliberate addition: a rule result of at most 2 letters is rejected when the word itself is a
 * lemma of POS ("gas" stays "gas", not the abbreviation "ga"; "cds" still gives "cd").
 */
public final class Morphy {

    /** A detachment rule: a word ending in {@code suffix} may have the base {@code stem + ending}. */
    private record Rule(String suffix, String ending) {}

    private static final List<Rule> NOUN_RULES = List.of(
            new Rule("s", ""), new Rule("ses", "s"), new Rule("ves", "f"), new Rule("xes", "x"),
            new Rule("zes", "z"), new Rule("ches", "ch"), new Rule("shes", "sh"), new Rule("men", "man"),
            new Rule("ies", "y"));
    private static final List<Rule> VERB_RULES = List.of(
            new Rule("s", ""), new Rule("ies", "y"), new Rule("es", "e"), new Rule("es", ""),
            new Rule("ed", "e"), new Rule("ed", ""), new Rule("ing", "e"), new Rule("ing", ""));
    private static final List<Rule> ADJECTIVE_RULES = List.of(
            new Rule("er", ""), new Rule("est", ""), new Rule("er", "e"), new Rule("est", "e"));

    /**
     * Base forms of one word for one part of speech, each a WordNet lemma of that part of speech.
     *
     * @param irregular    bases from the exception list (empty for regular words)
     * @param wordIsLemma  whether the word itself is a lemma
     * @param regular      bases from the detachment rules, in rule order (empty if irregular)
     */
    public record BaseForms(List<String> irregular, boolean wordIsLemma, List<String> regular) {
        /** True if no base form at all was found. */
        public boolean isEmpty() {
            return irregular.isEmpty() && !wordIsLemma && regular.isEmpty();
        }

        /** True if some base form differs from the word: an inflection can be undone. */
        public boolean hasChange() {
            return !irregular.isEmpty() || !regular.isEmpty();
        }

        /**
         * The preferred base: the first irregular base, else the first rule base in rule order
         * (which puts "hoped" -> "hope" before "hop"), else {@code word} itself.
         */
        public String preferred(String word) {
            if (!irregular.isEmpty()) return irregular.getFirst();
            if (!regular.isEmpty()) return regular.getFirst();
            return word;
        }
    }

    private final WordNetDictionary dictionary;

    public Morphy(WordNetDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The dictionary the base forms are checked against. */
    public WordNetDictionary dictionary() {
        return dictionary;
    }

    /** Base forms of lowercase {@code word} as part of speech {@code pos} (see class comment). */
    public BaseForms baseForms(String word, PartOfSpeech pos) {
        boolean wordIsLemma = dictionary.isLemma(word, pos);
        List<String> irregular = new ArrayList<>(2);
        for (String base : dictionary.exceptionBases(word, pos)) {
            if (dictionary.isLemma(base, pos) && !irregular.contains(base)) irregular.add(base);
        }
        if (irregular.size() > 1) {
            // verb.exc lists "installed instal install": a base the suffix rules also give comes first.
            List<String> byRule = regularBases(word, pos, wordIsLemma);
            irregular.sort((a, b) -> Boolean.compare(!byRule.contains(a), !byRule.contains(b)));
        }
        if (!irregular.isEmpty()) return new BaseForms(irregular, wordIsLemma, List.of());
        return new BaseForms(List.of(), wordIsLemma, regularBases(word, pos, wordIsLemma));
    }

    /** Step 2: forms given by one detachment rule that are lemmas of {@code pos}. */
    private List<String> regularBases(String word, PartOfSpeech pos, boolean wordIsLemma) {
        if (word.length() <= 2) return List.of();
        List<Rule> rules = switch (pos) {
            case NOUN -> NOUN_RULES;
            case VERB -> VERB_RULES;
            case ADJECTIVE -> ADJECTIVE_RULES;
            case ADVERB -> List.of();
        };
        if (pos == PartOfSpeech.NOUN) {
            if (word.endsWith("ful") && word.length() > 3) return fulBases(word);
            if (word.endsWith("ss")) return List.of();
        }
        List<String> bases = new ArrayList<>(2);
        for (Rule rule : rules) {
            if (!word.endsWith(rule.suffix) || word.length() == rule.suffix.length()) continue;
            String base = word.substring(0, word.length() - rule.suffix.length()) + rule.ending;
            if (base.length() <= 2 && wordIsLemma) continue;
            if (!base.equals(word) && dictionary.isLemma(base, pos) && !bases.contains(base)) bases.add(base);
        }
        return bases;
    }

    /** morph.c's "-ful" nouns: morph the part before "ful", then put "ful" back ("boxesful" -> "boxful"). */
    private List<String> fulBases(String word) {
        String head = word.substring(0, word.length() - 3);
        BaseForms headForms = baseForms(head, PartOfSpeech.NOUN);
        List<String> bases = new ArrayList<>(1);
        for (List<String> group : List.of(headForms.irregular(), headForms.regular())) {
            for (String h : group) {
                String base = h + "ful";
                if (dictionary.isLemma(base, PartOfSpeech.NOUN) && !base.equals(word) && !bases.contains(base)) bases.add(base);
            }
        }
        return bases;
    }
}
