package dev.drex.tokenizer.text;

import java.util.ArrayList;
import java.util.List;

/**
 * How to pick one lemma for a word seen without a part-of-speech tag. Morphy answers per part of
 * speech; a review pipeline has no tagger, so one of these rules decides. All try the parts of
 * speech in the order noun, verb, adjective, adverb; "shortest" keeps the first on ties.
 * The default, {@link #MOST_FREQUENT_READING}, is the most accurate on the 885-pair lemma test set
 * (98.2%, against 97.9% for the best frequency-blind rule and 44.5% for NLTK's noun-only default;
 * see LemmatizerAccuracyTest, which prints them all).
 */
public enum LemmaPolicy {
    /** NLTK's {@code WordNetLemmatizer().lemmatize(w)} default: noun only, shortest noun base. */
    NOUN_ONLY,
    /** The first part of speech with any base form (the word itself counts); shortest within it. */
    FIRST_POS_SHORTEST,
    /** The shortest base form over all parts of speech. */
    SHORTEST_ANY_POS,
    /** The first part of speech, in order, whose base differs from the word; its preferred base. */
    FIRST_POS_WITH_CHANGE,
    /**
     * An irregular form (listed in any exception file) maps to its first listed base, parts of
     * speech in order; otherwise the first part of speech with a base DIFFERENT from the word
     * (an actual inflection undone), first rule in rule order; otherwise the word itself.
     */
    IRREGULAR_THEN_FIRST_CHANGE,
    /** Irregular forms as above; otherwise {@link #FIRST_POS_SHORTEST}. */
    IRREGULAR_THEN_FIRST_POS,
    /**
     * Every reading competes: the word itself in each part of speech where it is a lemma, and each
     * base form morphy gives. The reading whose lemma was tagged most often with that part of
     * speech in SemCor ({@link WordNetDictionary#tagCount}) wins; on ties (notably all zero, for
     * words SemCor never saw) the answer of {@link #IRREGULAR_THEN_FIRST_CHANGE} is kept. So
     * "number" stays "number" (noun, 211 tags) rather than "numb" (adjective, 3), "bit" stays "bit",
     * while "saw" becomes "see" and "lighter" becomes "light".
     */
    MOST_FREQUENT_READING;

    /** The policy the pipeline uses unless configured otherwise (see the enum comment). */
    public static LemmaPolicy defaultPolicy() {
        return MOST_FREQUENT_READING;
    }

    private static final List<PartOfSpeech> ORDER = List.of(PartOfSpeech.values());

    /** The lemma of {@code word} under this policy; the word itself if morphy knows no base. */
    String choose(String word, Morphy morphy) {
        return switch (this) {
            case NOUN_ONLY -> {
                String s = shortest(word, morphy.baseForms(word, PartOfSpeech.NOUN));
                yield s != null ? s : word;
            }
            case FIRST_POS_SHORTEST -> firstPosShortest(word, morphy);
            case SHORTEST_ANY_POS -> {
                String best = null;
                for (PartOfSpeech pos : ORDER) {
                    String s = shortest(word, morphy.baseForms(word, pos));
                    if (s != null && (best == null || s.length() < best.length())) best = s;
                }
                yield best == null ? word : best;
            }
            case FIRST_POS_WITH_CHANGE -> {
                for (PartOfSpeech pos : ORDER) {
                    Morphy.BaseForms forms = morphy.baseForms(word, pos);
                    if (forms.hasChange()) yield forms.preferred(word);
                }
                yield word;
            }
            case IRREGULAR_THEN_FIRST_CHANGE -> {
                String irregular = firstIrregular(word, morphy);
                if (irregular != null) yield irregular;
                for (PartOfSpeech pos : ORDER) {
                    List<String> regular = morphy.baseForms(word, pos).regular();
                    if (!regular.isEmpty()) yield regular.getFirst();
                }
                yield word;
            }
            case MOST_FREQUENT_READING -> mostFrequentReading(word, morphy);
            case IRREGULAR_THEN_FIRST_POS -> {
                String irregular = firstIrregular(word, morphy);
                yield irregular != null ? irregular : firstPosShortest(word, morphy);
            }
        };
    }

    /** A candidate lemma with the part of speech it was found in, and its SemCor tag count. */
    private record Reading(String lemma, int tagCount) {}

    private static String mostFrequentReading(String word, Morphy morphy) {
        WordNetDictionary d = morphy.dictionary();
        List<Reading> readings = new ArrayList<>();
        for (PartOfSpeech pos : ORDER) {
            Morphy.BaseForms forms = morphy.baseForms(word, pos);
            if (forms.wordIsLemma()) readings.add(new Reading(word, d.tagCount(word, pos)));
            for (String base : forms.irregular()) readings.add(new Reading(base, d.tagCount(base, pos)));
            for (String base : forms.regular()) readings.add(new Reading(base, d.tagCount(base, pos)));
        }
        String best = IRREGULAR_THEN_FIRST_CHANGE.choose(word, morphy);
        int bestCount = 0;
        for (Reading r : readings) if (r.lemma.equals(best)) bestCount = Math.max(bestCount, r.tagCount);
        for (Reading r : readings) {
            if (r.tagCount > bestCount) {
                best = r.lemma;
                bestCount = r.tagCount;
            }
        }
        return best;
    }

    private static String firstPosShortest(String word, Morphy morphy) {
        for (PartOfSpeech pos : ORDER) {
            String s = shortest(word, morphy.baseForms(word, pos));
            if (s != null) return s;
        }
        return word;
    }

    private static String firstIrregular(String word, Morphy morphy) {
        for (PartOfSpeech pos : ORDER) {
            List<String> irregular = morphy.baseForms(word, pos).irregular();
            if (!irregular.isEmpty()) return irregular.getFirst();
        }
        return null;
    }

    /** Shortest of: the word (if a lemma), irregular bases, regular bases (first on ties); null if none. */
    private static String shortest(String word, Morphy.BaseForms forms) {
        String best = forms.wordIsLemma() ? word : null;
        for (String s : forms.irregular()) if (best == null || s.length() < best.length()) best = s;
        for (String s : forms.regular()) if (best == null || s.length() < best.length()) best = s;
        return best;
    }
}
