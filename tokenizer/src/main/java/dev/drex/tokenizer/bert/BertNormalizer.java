package dev.drex.tokenizer.bert;

import java.text.Normalizer;

/**
 * The Hugging Face {@code BertNormalizer}: four optional steps applied in this order, each over
 * the whole text (a segment between special tokens):
 *
 * <ol>
 *   <li><b>clean text</b>: drop U+0000, U+FFFD and {@linkplain BertCharClasses#isControl control}
 *       characters (Cc, Cf, Co; unassigned code points are kept), then turn every
 *       {@linkplain BertCharClasses#isWhitespace whitespace} character into a space;</li>
 *   <li><b>Chinese characters</b>: surround each CJK ideograph with spaces;</li>
 *   <li><b>strip accents</b>: NFD, then drop non-spacing marks (Mn). HF's default
 *       ({@code strip_accents: null}) is to strip exactly when lowercasing;</li>
 *   <li><b>lowercase</b>: the full context-free lowercase of every code point, after stripping,
 *       so "İ" becomes "i" when stripping and "i" + U+0307 when not.</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BertNormalizer {

    private final boolean cleanText;
    private final boolean handleChineseChars;
    private final boolean stripAccents;
    private final boolean lowercase;

    /** @param stripAccents the resolved value (HF's {@code null} already replaced by {@code lowercase}) */
    public BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {
        this.cleanText = cleanText;
        this.handleChineseChars = handleChineseChars;
        this.stripAccents = stripAccents;
        this.lowercase = lowercase;
    }

    /** Returns the normalized text; the input is not modified. */
    public String normalize(String text) {
        if (isPlainAscii(text)) return normalizeAscii(text);
        String s = text;
        if (cleanText || handleChineseChars) s = cleanAndSpaceChinese(s);
        if (stripAccents) s = stripAccents(s);
        if (lowercase) s = lowercase(s);
        return s;
    }

    /** True when every char is printable ASCII or tab/newline/CR: no NFD, CJK or control work needed. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) return false;
        }
        return true;
    }

    /** The fast path for printable ASCII: whitespace to space, optional lowercase; same result as the full path. */
    private String normalizeAscii(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char n = c;
            if (cleanText && (c == '\t' || c == '\n' || c == '\r')) n = ' ';
            else if (lowercase && c >= 'A' && c <= 'Z') n = (char) (c + ('a' - 'A'));
            if (n != c && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            if (out != null) out.append(n);
        }
        return out == null ? text : out.toString();
    }

    /** Steps 1 and 2 in one pass over code points. */
    private String cleanAndSpaceChinese(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cleanText) {
                if (cp == 0 || cp == 0xFFFD || BertCharClasses.isControl(cp)) continue;
                if (BertCharClasses.isWhitespace(cp)) {
                    out.append(' ');
                    continue;
                }
            }
            if (handleChineseChars && BertCharClasses.isChineseChar(cp)) {
                out.append(' ').appendCodePoint(cp).append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Step 3: canonical decomposition, then removal of every non-spacing mark. */
    private static String stripAccents(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            if (!BertCharClasses.isNonSpacingMark(cp)) out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Step 4: per-code-point full lowercase (see {@link BertCharClasses#appendLowercase}). */
    private static String lowercase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            BertCharClasses.appendLowercase(out, cp);
        }
        return out.toString();
    }

    public boolean cleanText() { return cleanText; }
    public boolean handleChineseChars() { return handleChineseChars; }
    public boolean stripAccents() { return stripAccents; }
    public boolean lowercase() { return lowercase; }
}
