package dev.drex.tokenizer.bert;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random test strings. Each string is a run of fragments, each fragment drawn from one of
 * several pools: ASCII words and punctuation, whitespace of every kind, controls, Latin with
 * accents and combining marks, many scripts, CJK, Hangul, emoji with skin tones / ZWJ / variation
 * selectors / tags, private use, any code point at all (unassigned included; never a lone
 * surrogate: Rust strings cannot hold one), special tokens, and real vocabulary pieces glued
 * together (so WordPiece has real work to do).
 */
final class UnicodeFuzz {

    private static final int[][] SCRIPT_RANGES = {
            {0x00C0, 0x024F}, {0x0300, 0x036F}, {0x0370, 0x03FF}, {0x0400, 0x04FF}, {0x0530, 0x058F},
            {0x0590, 0x05FF}, {0x0600, 0x06FF}, {0x0700, 0x08FF}, {0x0900, 0x0DFF}, {0x0E00, 0x0EFF},
            {0x0F00, 0x0FFF}, {0x1000, 0x109F}, {0x10A0, 0x10FF}, {0x1100, 0x11FF}, {0x1200, 0x1CFF},
            {0x1D00, 0x1FFF}, {0x2000, 0x206F}, {0x2070, 0x2BFF}, {0x2C00, 0x2E7F}, {0x2E80, 0x2FFF},
            {0x3000, 0x30FF}, {0x3100, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xABFF},
            {0xAC00, 0xD7FF}, {0xF900, 0xFAFF}, {0xFB00, 0xFFFF}, {0x10000, 0x1BFFF}, {0x1D000, 0x1FAFF},
            {0x20000, 0x2FA1F}, {0x30000, 0x3134F}, {0xE0000, 0xE01EF}, {0xF0000, 0x10FFFF},
    };
    private static final String[] SPECIALS = {"[MASK]", "[mask]", "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[", "]", "##"};
    private static final int[] WHITESPACE = {' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x1680, 0x2000, 0x2007,
            0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x180E, 0x200B, 0xFEFF};
    private static final int[] EMOJI_GLUE = {0x200D, 0xFE0F, 0xFE0E, 0x1F3FB, 0x1F3FF, 0x20E3, 0xE0067, 0xE007F};

    private final SplittableRandom random;
    private final BertTokenizer vocabSource;

    UnicodeFuzz(long seed, BertTokenizer vocabSource) {
        this.random = new SplittableRandom(seed);
        this.vocabSource = vocabSource;
    }

    List<String> strings(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(next());
        return out;
    }

    String next() {
        StringBuilder s = new StringBuilder();
        int fragments = random.nextInt(8);
        for (int f = 0; f < fragments; f++) appendFragment(s);
        return s.toString();
    }

    private void appendFragment(StringBuilder s) {
        int n = 1 + random.nextInt(6);
        switch (random.nextInt(12)) {
            case 0 -> { for (int i = 0; i < n; i++) s.appendCodePoint(0x20 + random.nextInt(0x5F)); }
            case 1 -> { for (int i = 0; i < n; i++) s.appendCodePoint(WHITESPACE[random.nextInt(WHITESPACE.length)]); }
            case 2 -> { for (int i = 0; i < n; i++) s.appendCodePoint(random.nextInt(0x20) + (random.nextBoolean() ? 0 : 0x70)); }
            case 3 -> { for (int i = 0; i < n; i++) s.appendCodePoint(anyCodePoint()); }
            case 4 -> s.append(SPECIALS[random.nextInt(SPECIALS.length)]);
            case 5 -> {
                for (int i = 0; i < n; i++) {
                    s.appendCodePoint(0x1F300 + random.nextInt(0x700));
                    if (random.nextBoolean()) s.appendCodePoint(EMOJI_GLUE[random.nextInt(EMOJI_GLUE.length)]);
                }
            }
            case 6, 7 -> appendVocabularyWord(s);
            default -> {
                int[] r = SCRIPT_RANGES[random.nextInt(SCRIPT_RANGES.length)];
                for (int i = 0; i < n; i++) s.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
            }
        }
    }

    /** 1-4 random vocabulary tokens glued together, randomly upper-cased or accented. */
    private void appendVocabularyWord(StringBuilder s) {
        int pieces = 1 + random.nextInt(4);
        for (int p = 0; p < pieces; p++) {
            String t = vocabSource.idToToken(random.nextInt(vocabSource.vocabSize()));
            if (t.startsWith("##")) t = t.substring(2);
            if (t.startsWith("[") && t.endsWith("]")) continue;
            if (random.nextInt(4) == 0) t = t.toUpperCase(java.util.Locale.ROOT);
            s.append(t);
            if (random.nextInt(6) == 0) s.append('\u0301');
        }
        if (random.nextBoolean()) s.append(' ');
    }

    /** Any Unicode scalar value (surrogate code points excluded). */
    private int anyCodePoint() {
        while (true) {
            int cp = random.nextInt(0x110000);
            if (cp < 0xD800 || cp > 0xDFFF) return cp;
        }
    }
}
