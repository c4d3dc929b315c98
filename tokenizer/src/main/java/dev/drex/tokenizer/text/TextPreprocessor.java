package dev.drex.tokenizer.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Review text -> lemmas (spec DREX.md, "Review features" step 1), for title then text:
 * <ol>
 *   <li>strip HTML tags and decode character references ({@link HtmlText});</li>
 *   <li>split into lowercase words at whitespace, punctuation, hyphens and apostrophes ({@link WordTokenizer});</li>
 *   <li>drop number words ("42", "3.5" -> "3" "5", "1/2", "1st", "80s"; {@link WordTokenizer#isNumber});</li>
 *   <li>drop stopwords (NLTK English list) if configured: a word is dropped if it or its lemma is
 *       one ("others" -> "other");</li>
 *   <li>lemmatize ({@link Lemmatizer}: WordNet morphy plus {@link LemmaPolicy});</li>
 *   <li>keep the first {@code maxWords} lemmas.</li>
 * </ol>
 * Thread-safe; the lemma cache is shared by all threads using this instance.
 */
public final class TextPreprocessor {

    /**
     * Version of the pipeline's code. Bump it whenever a change to this package changes the lemmas
     * produced for the same settings, so that caches keyed by {@link #settingsFingerprint()} expire.
     */
    public static final int PIPELINE_VERSION = 1;

    private final PreprocessConfig config;
    private final StopWords stopWords;
    private final WordNetDictionary dictionary;
    private final Lemmatizer lemmatizer;

    /** A preprocessor over the bundled NLTK stopwords and WordNet 3.0 data. */
    public TextPreprocessor(PreprocessConfig config) {
        this(config, StopWords.nltkEnglish(), WordNetDictionary.bundled());
    }

    public TextPreprocessor(PreprocessConfig config, StopWords stopWords, WordNetDictionary dictionary) {
        this.config = config;
        this.stopWords = stopWords;
        this.dictionary = dictionary;
        this.lemmatizer = new Lemmatizer(dictionary, config.lemmaPolicy());
    }

    /** The lemmas of a review; {@code title} and {@code text} may be null or empty. */
    public List<String> lemmas(String title, String text) {
        List<String> out = new ArrayList<>(Math.min(config.maxWords(), 64));
        addLemmas(title, out);
        addLemmas(text, out);
        return out;
    }

    private void addLemmas(String text, List<String> out) {
        if (out.size() >= config.maxWords()) return;
        for (String word : WordTokenizer.words(text)) {
            if (WordTokenizer.isNumber(word)) continue;
            if (config.removeStopwords() && stopWords.contains(word)) continue;
            String lemma = config.lemmatize() ? lemmatizer.lemma(word) : word;
            if (config.removeStopwords() && stopWords.contains(lemma)) continue;
            out.add(lemma);
            if (out.size() >= config.maxWords()) return;
        }
    }

    /**
     * Identifies everything that decides the output: every setting, the stopword list's and the
     * WordNet resource's content hashes, and {@link #PIPELINE_VERSION}. Meant as part of a cache key.
     * Example: {@code text-v1 maxWords=128 stopwords=nltk-english:3f2a.. lemmatize=IRREGULAR_THEN_FIRST_CHANGE wordnet=9c1d..}.
     */
    public String settingsFingerprint() {
        return "text-v" + PIPELINE_VERSION
                + " maxWords=" + config.maxWords()
                + " stopwords=" + (config.removeStopwords() ? stopWords.name() + ":" + stopWords.fingerprint() : "off")
                + " lemmatize=" + (config.lemmatize() ? config.lemmaPolicy() + " wordnet=" + dictionary.fingerprint() : "off");
    }

    public PreprocessConfig config() {
        return config;
    }

    public Lemmatizer lemmatizer() {
        return lemmatizer;
    }
}
