package dev.drex.tokenizer.bert;

/**
 * The character predicates of BERT tokenization, defined exactly as Hugging Face {@code tokenizers}
 * (Rust, {@code normalizers/bert.rs} and {@code pre_tokenizers/bert.rs}) defines them. All take a
 * Unicode code point (never a UTF-16 unit).
 *
 * <ul>
 *   <li>whitespace: Rust {@code char::is_whitespace}, the Unicode {@code White_Space} property
 *       (which includes NBSP, U+2028 and U+2029; Java's {@link Character#isWhitespace} does not
 *       include NBSP, so it is not used);</li>
 *   <li>control: general category Cc, Cf or Co, except tab, newline and carriage return.
 *       Unassigned (Cn) and surrogate (Cs) code points are <em>not</em> control and are kept;</li>
 *   <li>punctuation: ASCII punctuation (33-47, 58-64, 91-96, 123-126, so also {@code $+<=>^`|~})
 *       or general category P*;</li>
 *   <li>Chinese character: the CJK ideograph blocks of the original BERT {@code _is_chinese_char},
 *       except that HF starts the fifth range at U+2B920 instead of U+2B820.</li>
 * </ul>
 *
 * <p>General categories are HF's, which are Unicode 8.0: {@link Character#getType(int)} corrected
 * by {@link Unicode8Categories} for characters categorized since.
 */
public final class BertCharClasses {

    private BertCharClasses() {}

    /** Rust {@code char::is_whitespace}: the Unicode White_Space property (a stable list). */
    public static boolean isWhitespace(int cp) {
        if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /**
     * HF {@code is_control}: categories Cc (control), Cf (format) and Co (private use), with
     * {@code \t \n \r} excluded because they are whitespace.
     */
    public static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') return false;
        int type = Character.getType(cp);
        return (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE)
                && !Unicode8Categories.isNewerThanUnicode8(cp);
    }

    /** HF {@code is_bert_punc}: ASCII punctuation or any Unicode P* category. */
    public static boolean isPunctuation(int cp) {
        if (cp < 0x80) {
            return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64)
                    || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126);
        }
        boolean jdkPunctuation = switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                 Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
        return jdkPunctuation ? !Unicode8Categories.isNewerThanUnicode8(cp)
                              : Unicode8Categories.isPunctuationOnlyInUnicode8(cp);
    }

    /**
     * The CJK Unified Ideographs blocks that BERT surrounds with spaces (original BERT
     * {@code tokenization.py _is_chinese_char}, as transcribed by HF: U+2B820..U+2B91F of CJK
     * Extension E are left out). Hangul, Hiragana and Katakana are not in it.
     */
    public static boolean isChineseChar(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B920 && cp <= 0x2CEAF)   // HF: 0x2B920, not BERT's 0x2B820
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    /** General category Mn (non-spacing mark): what strip_accents removes after NFD. */
    public static boolean isNonSpacingMark(int cp) {
        if (Character.getType(cp) == Character.NON_SPACING_MARK) return !Unicode8Categories.isNewerThanUnicode8(cp);
        return Unicode8Categories.isNonSpacingOnlyInUnicode8(cp);
    }

    /**
     * Appends Rust {@code char::to_lowercase(cp)}: the full, context-free lowercase mapping. It is
     * the simple mapping except for U+0130 (capital I with dot above), whose lowercase is two
     * code points "i" + U+0307. Final sigma is not context-dependent here: Σ always becomes σ.
     */
    public static void appendLowercase(StringBuilder out, int cp) {
        if (cp == 0x130) {
            out.append('i').append('\u0307');
        } else {
            out.appendCodePoint(Character.toLowerCase(cp));
        }
    }
}
