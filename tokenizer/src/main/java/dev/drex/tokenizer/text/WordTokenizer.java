package dev.drex.tokenizer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits review text into lowercase words.
 *
 * <p>Rules (applied after {@link HtmlText#clean}):
 * <ul>
 *   <li>A word is a maximal run of letters, digits and combining marks (Unicode classes L, Nd, M):
 *       every other character (whitespace, ASCII and Unicode punctuation, symbols, controls)
 *       separates words and is dropped. So pure punctuation never becomes a word.</li>
 *   <li>Hyphens separate: "well-made" -> "well", "made" (WordNet's hyphenated entries are not used).</li>
 *   <li>Apostrophes (' and \u2019) separate too: "don't" -> "don", "t"; "guitar's" -> "guitar", "s";
 *       "i'm" -> "i", "m". This is the split BERT's basic tokenizer makes, and NLTK's English
 *       stopword list contains exactly these fragments (don, t, s, m, ll, re, ve, d, isn, won, ...),
 *       so clitics and negation fragments fall out with the stopwords.</li>
 *   <li>Lowercasing uses {@link Locale#ROOT} (no Turkish dotless-i surprises).</li>
 * </ul>
 * Numbers are words here ("3.5" -> "3", "5"); {@link #isNumber} tells the pipeline to drop them.
 */
public final class WordTokenizer {

    private WordTokenizer() {}

    /** Lowercase words of {@code text} (HTML removed); empty list for null, empty or blank text. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) return words;
        String clean = HtmlText.clean(text);
        int n = clean.length();
        int start = -1;
        for (int i = 0; i < n; ) {
            int cp = clean.codePointAt(i);
            boolean wordChar = isWordChar(cp);
            if (wordChar && start < 0) start = i;
            if (!wordChar && start >= 0) {
                words.add(clean.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) words.add(clean.substring(start).toLowerCase(Locale.ROOT));
        return words;
    }

    /** Letters, decimal digits and combining marks (so "café" in NFD stays one word). */
    static boolean isWordChar(int cp) {
        if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        if (Character.isLetterOrDigit(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * True for number words: only digits ("1", "2014"; "3.5" and "1/2" arrive as separate digit
     * words), or digits followed by an ordinal or plural suffix ("1st", "2nd", "3rd", "10th",
     * "80s"). Words mixing digits and letters otherwise ("mp3", "9v", "x32") are kept: in product
     * reviews they name models and specifications.
     */
    public static boolean isNumber(String word) {
        int i = 0;
        int n = word.length();
        while (i < n && Character.isDigit(word.charAt(i))) i++;
        if (i == 0) return false;
        String rest = word.substring(i);
        return rest.isEmpty() || rest.equals("st") || rest.equals("nd") || rest.equals("rd")
                || rest.equals("th") || rest.equals("s");
    }
}
