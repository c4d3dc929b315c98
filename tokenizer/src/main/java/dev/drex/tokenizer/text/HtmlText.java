package dev.drex.tokenizer.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Removes the HTML that Amazon review text carries: tags ({@code <br />}, {@code <a href=...>})
 * become a space, character references ({@code &quot; &#34; &#x27; &eacute;}) become their
 * character. One left-to-right pass, so a decoded {@code &lt;} can never start a tag.
 * Unknown or malformed references ("AT&T", "&M;") are kept as written.
 */
public final class HtmlText {

    /** Longest tag we strip; a '<' with no '>' within this distance is ordinary text ("a < b"). */
    private static final int MAX_TAG_LENGTH = 300;
    /** Longest reference body between '&' and ';' ("&thetasym;" is 8). */
    private static final int MAX_REFERENCE_LENGTH = 10;

    private static final Map<String, String> NAMED = namedReferences();

    private HtmlText() {}

    /** {@code text} with tags replaced by a space and character references decoded. */
    public static String clean(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<' && i + 1 < n && isTagStart(text.charAt(i + 1))) {
                int end = tagEnd(text, i);
                if (end > 0) {
                    out.append(' ');
                    i = end + 1;
                    continue;
                }
            } else if (c == '&') {
                int semi = text.indexOf(';', i + 1);
                if (semi > i + 1 && semi - i - 1 <= MAX_REFERENCE_LENGTH) {
                    String decoded = decodeReference(text.substring(i + 1, semi));
                    if (decoded != null) {
                        out.append(decoded);
                        i = semi + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!';
    }

    /** Index of the '>' closing the tag starting at {@code start}, or -1 if it is not a tag. */
    private static int tagEnd(String text, int start) {
        int limit = Math.min(text.length(), start + MAX_TAG_LENGTH);
        for (int j = start + 1; j < limit; j++) {
            char c = text.charAt(j);
            if (c == '>') return j;
            if (c == '<') return -1;
        }
        return -1;
    }

    /** The text of reference {@code &body;}, or null if {@code body} is not a known reference. */
    private static String decodeReference(String body) {
        if (body.charAt(0) == '#') {
            try {
                boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
                int cp = hex ? Integer.parseInt(body.substring(2), 16) : Integer.parseInt(body.substring(1));
                return Character.isValidCodePoint(cp) ? Character.toString(cp) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED.get(body);
    }

    /** The named references seen in review text: markup, quotes and dashes, accented Latin letters. */
    private static Map<String, String> namedReferences() {
        Map<String, String> m = new HashMap<>();
        String[][] fixed = {
                {"quot", "\""}, {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"apos", "'"}, {"nbsp", " "},
                {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201C"}, {"rdquo", "\u201D"},
                {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"hellip", "\u2026"}, {"bull", "\u2022"},
                {"deg", "\u00B0"}, {"frac12", "\u00BD"}, {"frac14", "\u00BC"}, {"frac34", "\u00BE"},
                {"copy", "\u00A9"}, {"reg", "\u00AE"}, {"trade", "\u2122"}, {"times", "\u00D7"},
                {"szlig", "\u00DF"}, {"aelig", "\u00E6"}, {"AElig", "\u00C6"}, {"oslash", "\u00F8"}, {"Oslash", "\u00D8"},
        };
        for (String[] kv : fixed) m.put(kv[0], kv[1]);
        // &eacute; &Uuml; &ntilde; ...: letter + accent, composed to one character (NFC).
        String[][] accents = {{"acute", "\u0301"}, {"grave", "\u0300"}, {"circ", "\u0302"}, {"uml", "\u0308"},
                {"tilde", "\u0303"}, {"cedil", "\u0327"}, {"ring", "\u030A"}};
        for (String[] accent : accents) {
            for (char letter : "aeiouyncAEIOUYNC".toCharArray()) {
                String composed = Normalizer.normalize(letter + accent[1], Normalizer.Form.NFC);
                if (composed.length() == 1) m.put(letter + accent[0], composed);
            }
        }
        return Map.copyOf(m);
    }
}
