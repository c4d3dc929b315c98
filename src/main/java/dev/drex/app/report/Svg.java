package dev.drex.app.report;

import java.util.Locale;

/**
 * A tiny writer of inline SVG: one method per shape, coordinates in pixels with y pointing down.
 * Every text goes through {@link Html#escape}, every number through {@link #num}, so the output is well-formed
 * XML whatever the data.
 *
 * <pre>
 *   Svg svg = new Svg(400, 300, "Validation RMSE against epoch");
 *   svg.line(40, 260, 380, 260, "#333", 1);
 *   svg.text(210, 290, "middle", 12, "epoch");
 *   String markup = svg.close();
 * </pre>
 */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    /** Opens an {@code <svg>} of the given size; {@code title} is its accessible name (a tooltip in browsers). */
    Svg(double width, double height, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"sans-serif\">\n<title>").append(Html.escape(title))
                .append("</title>\n");
    }

    /** A straight segment. {@code dash} is an SVG dash array such as "4 3", or null for a solid line. */
    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(num(width)).append('"');
        dash(dash);
        out.append("/>\n");
        return this;
    }

    /** A solid straight segment. */
    Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        return line(x1, y1, x2, y2, stroke, width, null);
    }

    /** An open path through the points (xs[i], ys[i]); needs at least one point. */
    Svg polyline(double[] xs, double[] ys, String stroke, double width, String dash) {
        if (xs.length != ys.length || xs.length == 0)
            throw new IllegalArgumentException("polyline needs equal, non-empty coordinate arrays: " + xs.length + " x, " + ys.length + " y");
        out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(num(width))
                .append("\" stroke-linejoin=\"round\"");
        dash(dash);
        out.append(" points=\"");
        for (int i = 0; i < xs.length; i++) out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        out.append("\"/>\n");
        return this;
    }

    /** A circle; {@code stroke} may be null for none. */
    Svg circle(double cx, double cy, double r, String fill, String stroke) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\" fill=\"").append(fill).append('"');
        if (stroke != null) out.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"");
        out.append("/>\n");
        return this;
    }

    /** A rectangle with corner radius {@code radius}; {@code stroke} may be null for none. Width, height >= 0. */
    Svg rect(double x, double y, double width, double height, double radius, String fill, String stroke) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, width))).append("\" height=\"").append(num(Math.max(0, height)))
                .append("\" rx=\"").append(num(radius)).append("\" fill=\"").append(fill).append('"');
        if (stroke != null) out.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1.2\"");
        out.append("/>\n");
        return this;
    }

    /**
     * A line of text with its baseline at y.
     *
     * @param anchor "start", "middle" or "end": which point of the text sits at x
     * @param weight "normal" or "bold"
     */
    Svg text(double x, double y, String anchor, double size, String weight, String fill, String text) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(num(size)).append('"');
        if (!"normal".equals(weight)) out.append(" font-weight=\"").append(weight).append('"');
        out.append(" fill=\"").append(fill).append("\">").append(Html.escape(text)).append("</text>\n");
        return this;
    }

    /** Plain dark text. */
    Svg text(double x, double y, String anchor, double size, String text) {
        return text(x, y, anchor, size, "normal", "#222", text);
    }

    /** Text rotated by -90 degrees about (x, y), reading bottom to top (a y-axis label). */
    Svg verticalText(double x, double y, double size, String text) {
        out.append("<text transform=\"translate(").append(num(x)).append(',').append(num(y))
                .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"").append(num(size))
                .append("\" fill=\"#222\">").append(Html.escape(text)).append("</text>\n");
        return this;
    }

    /** Closes the element and returns the markup. */
    String close() {
        return out.append("</svg>\n").toString();
    }

    /** Rough width in pixels of {@code text} at font size {@code size} (sans-serif averages ~0.56 em a glyph). */
    static double textWidth(String text, double size) {
        return text.length() * size * 0.56;
    }

    /** A coordinate with at most 2 decimals, '.' as separator; non-finite values are a bug in the caller. */
    static String num(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("SVG coordinate is not finite: " + v);
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.indexOf('.') >= 0) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    private void dash(String dash) {
        if (dash != null) out.append(" stroke-dasharray=\"").append(dash).append('"');
    }
}
