package dev.drex.tokenizer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the lemmatizer on the hand-written test set (lemma-test-set.tsv, 885 pairs, sources in its header), both
 * with the intended part of speech given (tests morphy itself) and context-free under every
 * {@link LemmaPolicy} (tests the choice the pipeline makes). Prints accuracies and the misses.
 */
class LemmatizerAccuracyTest {

    private static LemmaTestSet testSet;
    private static WordNetDictionary dictionary;

    @BeforeAll
    static void load() throws IOException {
        testSet = LemmaTestSet.load();
        dictionary = WordNetDictionary.bundled();
    }

    @Test
    void testSetIsLargeEnoughAndCoversEveryGroup() {
        assertTrue(testSet.entries().size() >= 500, "need >= 500 pairs, have " + testSet.entries().size());
        Map<String, Integer> perGroup = countPerGroup();
        for (String group : List.of("irregular-verb", "irregular-plural", "regular-plural", "regular-verb",
                "adjective-degree", "unchanged", "review")) {
            assertTrue(perGroup.getOrDefault(group, 0) >= 20, "group " + group + " has " + perGroup.get(group));
        }
    }

    /**
     * Morphy with the part of speech given ({@link Lemmatizer#lemma(String, PartOfSpeech)}).
     * Floor 97%: measured 98.6% (873/885; the 12 misses are WordNet gaps such as "rewind" missing
     * from index.verb, or lexicalized plurals like "physics"); losing any rule family or the
     * exception lists costs far more than the 1.6 points of slack.
     */
    @Test
    void accuracyWithPartOfSpeechGiven() {
        Lemmatizer lemmatizer = new Lemmatizer(dictionary, LemmaPolicy.defaultPolicy());
        double accuracy = report("POS given", e -> lemmatizer.lemma(e.word(), e.pos()), true);
        assertTrue(accuracy >= 0.97, "accuracy with POS given " + accuracy + " < 0.97");
    }

    /**
     * Context-free (what the pipeline does): prints every policy, asserts the default is the best
     * policy on the whole set and reaches the floor 95% (measured 98.2%, 869/885, for
     * MOST_FREQUENT_READING; IRREGULAR_THEN_FIRST_CHANGE 97.9%; NLTK's default noun-only lemmatize
     * 44.5%, noun-then-verb-then-... 85.5%, shortest over all 92.7%). The 3.2 points of slack are
     * about 28 words: a rule or policy regression moves dozens.
     */
    @Test
    void contextFreeAccuracyPerPolicy() {
        Map<LemmaPolicy, Double> accuracy = new LinkedHashMap<>();
        for (LemmaPolicy policy : LemmaPolicy.values()) {
            Lemmatizer lemmatizer = new Lemmatizer(dictionary, policy);
            accuracy.put(policy, report("context-free " + policy, e -> lemmatizer.lemma(e.word()),
                    policy == LemmaPolicy.defaultPolicy()));
        }
        double best = accuracy.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double chosen = accuracy.get(LemmaPolicy.defaultPolicy());
        assertEquals(best, chosen, 1e-12, "the default policy should be the most accurate: " + accuracy);
        assertTrue(chosen >= 0.95, "context-free accuracy " + chosen + " < 0.95");
    }

    /** Prints overall and per-group accuracy (and the misses if asked); returns overall accuracy. */
    private static double report(String label, Function<LemmaTestSet.Entry, String> lemmatize, boolean listMisses) {
        Map<String, int[]> perGroup = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        int correct = 0;
        for (LemmaTestSet.Entry e : testSet.entries()) {
            String got = lemmatize.apply(e);
            boolean ok = got.equals(e.lemma());
            int[] c = perGroup.computeIfAbsent(e.group(), g -> new int[2]);
            c[1]++;
            if (ok) {
                c[0]++;
                correct++;
            } else {
                misses.add(e.word() + "(" + e.pos().wordNetName + ")->" + got + " [want " + e.lemma() + "]");
            }
        }
        double accuracy = correct / (double) testSet.entries().size();
        StringBuilder sb = new StringBuilder(String.format("%-45s %.4f (%d/%d)", label, accuracy, correct, testSet.entries().size()));
        perGroup.forEach((g, c) -> sb.append(String.format("  %s %d/%d", g, c[0], c[1])));
        System.out.println(sb);
        if (listMisses) System.out.println("  misses (" + misses.size() + "): " + String.join(", ", misses));
        return accuracy;
    }

    private static Map<String, Integer> countPerGroup() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LemmaTestSet.Entry e : testSet.entries()) counts.merge(e.group(), 1, Integer::sum);
        return counts;
    }
}
