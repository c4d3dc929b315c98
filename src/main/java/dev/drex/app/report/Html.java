package dev.drex.app.report;

import java.util.Locale;

/**
 * Text helpers for the report page: escaping (every string that comes from data goes through {@link #escape})
 * and locale-independent number formatting (a decimal point, never a comma).
 */
final class Html {

    /** Shown in place of a missing value ({@code NaN}). */
    static final String MISSING = "\u2014";

    private Html() {
    }

    /** {@code text} safe inside an element or a quoted attribute, in HTML and in XML (inline SVG). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0 (inline SVG); tab and newlines are
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out.append('\uFFFD');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** {@code value} with {@code decimals} decimals, or {@link #MISSING} for NaN. */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) return MISSING;
        if (Double.isInfinite(value)) return value > 0 ? "\u221E" : "-\u221E";
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** "p = 0.0123", "p = 3.50e-11" for tiny values, or "p &lt; 1e-300" when it underflows (already escaped). */
    static String pValue(double p) {
        if (Double.isNaN(p)) return "p " + MISSING;
        if (p == 0) return "p &lt; 1e-300";
        if (p < 1e-4) return String.format(Locale.ROOT, "p = %.2e", p);
        return String.format(Locale.ROOT, "p = %.4f", p);
    }

    /** A duration in seconds as "1 h 02 min 03 s", "2 min 05 s" or "12.3 s". */
    static String duration(double seconds) {
        if (Double.isNaN(seconds)) return MISSING;
        if (seconds < 60) return String.format(Locale.ROOT, "%.1f s", seconds);
        long s = Math.round(seconds);
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, (s % 3600) / 60, s % 60);
    }

    /** A slug usable as an element id: letters and digits kept, everything else '-'. */
    static String id(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray())
            out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-');
        return out.toString();
    }
}
