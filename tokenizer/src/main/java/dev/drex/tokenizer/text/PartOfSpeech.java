package dev.drex.tokenizer.text;

/**
 * The four WordNet parts of speech. WordNet's adjective satellites ("s") share the adjective
 * files (index.adj, adj.exc), so they are folded into {@link #ADJECTIVE} here.
 */
public enum PartOfSpeech {
    NOUN("noun"), VERB("verb"), ADJECTIVE("adj"), ADVERB("adv");

    /** Suffix of the WordNet files for this part of speech: index.noun, noun.exc, ... */
    public final String wordNetName;

    PartOfSpeech(String wordNetName) {
        this.wordNetName = wordNetName;
    }

    /** Bit of this part of speech in a lemma's part-of-speech mask. */
    int bit() {
        return 1 << ordinal();
    }

    /** The part of speech whose WordNet file suffix is {@code name} ("noun", "verb", "adj", "adv"). */
    public static PartOfSpeech fromWordNetName(String name) {
        for (PartOfSpeech pos : values()) {
            if (pos.wordNetName.equals(name)) return pos;
        }
        throw new IllegalArgumentException("unknown WordNet part of speech '" + name + "' (expected noun, verb, adj or adv)");
    }
}
