package dev.drex.tokenizer.text;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Context-free WordNet lemmatizer: {@link Morphy} per part of speech plus a {@link LemmaPolicy}
 * that picks one lemma when no part-of-speech tag is known. Lookups are cached per word (a review
 * corpus has a few tens of thousands of distinct words, each morphed once).
 *
 * <p>Thread-safe: the cache is a {@link ConcurrentHashMap}; it stops growing at
 * {@link #MAX_CACHED_WORDS} distinct words, after which uncached words are simply recomputed.
 */
public final class Lemmatizer {

    /** Cache capacity in distinct words; beyond it lookups still work, only uncached. */
    public static final int MAX_CACHED_WORDS = 1_000_000;

    private final Morphy morphy;
    private final LemmaPolicy policy;
    private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

    public Lemmatizer(WordNetDictionary dictionary, LemmaPolicy policy) {
        this.morphy = new Morphy(dictionary);
        this.policy = policy;
    }

    /** A lemmatizer over the bundled WordNet 3.0 data. */
    public static Lemmatizer bundled(LemmaPolicy policy) {
        return new Lemmatizer(WordNetDictionary.bundled(), policy);
    }

    /**
     * The lemma of a lowercase word, chosen by the policy; the word itself if WordNet knows no base
     * form (names, brands, typos, words with digits).
     */
    public String lemma(String word) {
        String cached = cache.get(word);
        if (cached != null) return cached;
        String lemma = policy.choose(word, morphy);
        if (cache.size() < MAX_CACHED_WORDS) cache.putIfAbsent(word, lemma);
        return lemma;
    }

    /**
     * The lemma of a lowercase word used as part of speech {@code pos}: its first irregular base,
     * else its first rule base in rule order, else the word itself ({@link Morphy.BaseForms#preferred}).
     * NLTK's {@code lemmatize(word, pos)} instead takes the shortest base, with the word itself
     * winning ties; that maps "hoped" to "hop", "felt" to "felt" and "men" to "men". Not cached.
     */
    public String lemma(String word, PartOfSpeech pos) {
        return morphy.baseForms(word, pos).preferred(word);
    }

    public LemmaPolicy policy() {
        return policy;
    }

    public Morphy morphy() {
        return morphy;
    }
}
