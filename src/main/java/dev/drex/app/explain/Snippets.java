package dev.drex.app.explain;

import java.util.Locale;

/** A short window of a review's original text around the word a lemma came from. */
public final class Snippets {
    /** Characters kept on each side of the word. */
    public static final int RADIUS = 40;

    private Snippets() {}

    /**
     * The text around the first word that starts with {@code lemma} (case-insensitive), or, since the
     * surface form may differ ("strings" -> "string", "broke" -> "break"), with the lemma's first
     * {@code max(3, length - 2)} letters; the text's beginning when neither occurs. Cut at word
     * boundaries, "..." marking cuts.
     */
    public static String around(String text, String lemma, int radius) {
        if (text == null || text.isBlank()) return "";
        String lower = text.toLowerCase(Locale.ROOT);
        int at = wordStart(lower, lemma.toLowerCase(Locale.ROOT));
        if (at < 0 && lemma.length() > 3) at = wordStart(lower, lemma.toLowerCase(Locale.ROOT).substring(0, Math.max(3, lemma.length() - 2)));
        if (at < 0) at = 0;
        int from = Math.max(0, at - radius), to = Math.min(text.length(), at + lemma.length() + radius);
        while (from > 0 && from < at && !Character.isWhitespace(text.charAt(from - 1))) from++;
        while (to < text.length() && to > at + lemma.length() && !Character.isWhitespace(text.charAt(to))) to--;
        String s = text.substring(from, Math.max(from, to)).strip().replaceAll("\\s+", " ");
        return (from > 0 ? "..." : "") + s + (to < text.length() ? "..." : "");
    }

    /** Index of the first occurrence of {@code prefix} at the start of a word, or -1. */
    static int wordStart(String text, String prefix) {
        for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) return at;
        }
        return -1;
    }
}
