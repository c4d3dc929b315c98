package dev.drex.tokenizer.text;

import java.util.Objects;

/**
 * Settings of {@link TextPreprocessor} (spec DREX.md, "Review features" step 1).
 *
 * @param maxWords        keep at most this many lemmas per review, the first ones (title first)
 * @param removeStopwords drop words of the stopword list (NLTK English, 179 words)
 * @param lemmatize       map words to WordNet lemmas; if false, words are kept as tokenized
 * @param lemmaPolicy     how a lemma is chosen without a part-of-speech tag
 */
public record PreprocessConfig(int maxWords, boolean removeStopwords, boolean lemmatize, LemmaPolicy lemmaPolicy) {

    /** The defaults, stated once: 128 words, stopwords removed, lemmatized with the measured-best policy. */
    public static final PreprocessConfig DEFAULTS =
            new PreprocessConfig(128, true, true, LemmaPolicy.defaultPolicy());

    public PreprocessConfig {
        if (maxWords < 1) throw new IllegalArgumentException("maxWords must be >= 1, got " + maxWords);
        Objects.requireNonNull(lemmaPolicy, "lemmaPolicy");
    }

    /** A copy with another {@code maxWords}. */
    public PreprocessConfig withMaxWords(int maxWords) {
        return new PreprocessConfig(maxWords, removeStopwords, lemmatize, lemmaPolicy);
    }
}
