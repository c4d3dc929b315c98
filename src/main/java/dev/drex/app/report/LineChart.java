package dev.drex.app.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart as inline SVG: x and y axes with ticks and light grid lines, one polyline per series, an optional
 * marked point per series (e.g. the best epoch), and a legend to the right of the plot.
 *
 * <pre>
 *   +--------------------------------------------+
 *   |  title                                     |
 *   |  y ticks |  plot area           | legend   |
 *   |          +----------------------+          |
 *   |             x ticks, x label               |
 *   +--------------------------------------------+
 * </pre>
 * NaN y values break a line into separate pieces. With a log x axis every x must be positive.
 */
final class LineChart {

    /**
     * One line.
     *
     * @param name      legend text (from data; escaped when drawn)
     * @param color     stroke colour, e.g. "#0072b2"
     * @param dash      SVG dash array, or null for solid
     * @param x         x values
     * @param y         y values, aligned with x ({@code NaN} = no value)
     * @param markIndex index of a point drawn as a ring, or -1
     */
    record Series(String name, String color, String dash, double[] x, double[] y, int markIndex) {
        Series {
            if (x.length != y.length)
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length + " y values");
        }
    }

    private static final double MARGIN_LEFT = 58, MARGIN_TOP = 30, MARGIN_BOTTOM = 44, LEGEND_WIDTH = 150;

    private final String title, xLabel, yLabel;
    private final boolean logX;
    private final List<Series> series = new ArrayList<>();
    private double[] xTicks;                 // explicit x ticks, or null for automatic ones
    private String markLabel;                // legend text of the ring marker, or null

    LineChart(String title, String xLabel, String yLabel, boolean logX) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
    }

    LineChart add(Series s) {
        series.add(s);
        return this;
    }

    /** Puts the x ticks exactly at these values (e.g. the grid values 16, 32, 64, 128). */
    LineChart xTicks(double[] values) {
        this.xTicks = values.clone();
        return this;
    }

    /** Explains the ring marker in the legend (e.g. "best epoch"). */
    LineChart markLabel(String label) {
        this.markLabel = label;
        return this;
    }

    /** The chart's SVG markup, {@code width} x {@code height} pixels. */
    String render(double width, double height) {
        double plotLeft = MARGIN_LEFT, plotRight = width - LEGEND_WIDTH - 10;
        double plotTop = MARGIN_TOP, plotBottom = height - MARGIN_BOTTOM;
        Svg svg = new Svg(width, height, title);
        svg.text(plotLeft, 18, "start", 13, "bold", "#222", title);

        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (logX && !(s.x()[i] > 0))
                    throw new IllegalArgumentException("series " + s.name() + ": x = " + s.x()[i] + " on a log axis");
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                if (Double.isFinite(s.y()[i])) {
                    yMin = Math.min(yMin, s.y()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                }
            }
        }
        if (!Double.isFinite(yMin)) {                          // nothing to draw
            svg.text((plotLeft + plotRight) / 2, (plotTop + plotBottom) / 2, "middle", 12, "no values");
            return svg.close();
        }
        Scale xs = logX ? Scale.logCovering(xMin, xMax, plotLeft, plotRight)
                        : Scale.linearCovering(xMin, xMax, plotLeft, plotRight);
        Scale ys = Scale.linearCovering(yMin, yMax, plotBottom, plotTop);

        // grid and y ticks
        for (double t : ys.ticks()) {
            double y = ys.map(t);
            svg.line(plotLeft, y, plotRight, y, "#e4e4e4", 1);
            svg.text(plotLeft - 6, y + 4, "end", 11, ys.label(t));
        }
        List<Double> xTickValues = new ArrayList<>();
        if (xTicks != null) for (double t : xTicks) xTickValues.add(t);
        else xTickValues.addAll(xs.ticks());
        for (double t : xTickValues) {
            if (t < xs.lo() || t > xs.hi()) continue;
            double x = xs.map(t);
            svg.line(x, plotTop, x, plotBottom, "#efefef", 1);
            svg.line(x, plotBottom, x, plotBottom + 5, "#444", 1);
            svg.text(x, plotBottom + 18, "middle", 11, xs.label(t));
        }
        svg.line(plotLeft, plotBottom, plotRight, plotBottom, "#444", 1);    // x axis
        svg.line(plotLeft, plotTop, plotLeft, plotBottom, "#444", 1);       // y axis
        svg.text((plotLeft + plotRight) / 2, height - 8, "middle", 12, xLabel + (logX ? " (log scale)" : ""));
        svg.verticalText(14, (plotTop + plotBottom) / 2, 12, yLabel);

        // lines, split at NaN; then markers on top
        for (Series s : series) drawLine(svg, s, xs, ys);
        for (Series s : series) {
            int m = s.markIndex();
            if (m >= 0 && m < s.y().length && Double.isFinite(s.y()[m]))
                svg.circle(xs.map(s.x()[m]), ys.map(s.y()[m]), 4.5, "white", s.color());
        }
        drawLegend(svg, plotRight + 14, plotTop);
        return svg.close();
    }

    private static void drawLine(Svg svg, Series s, Scale xs, Scale ys) {
        List<double[]> px = new ArrayList<>();                 // current piece: {x, y} pixels
        for (int i = 0; i <= s.x().length; i++) {
            if (i < s.x().length && Double.isFinite(s.y()[i])) {
                px.add(new double[] {xs.map(s.x()[i]), ys.map(s.y()[i])});
                continue;
            }
            if (px.size() == 1) svg.circle(px.getFirst()[0], px.getFirst()[1], 2.5, s.color(), null);
            if (px.size() >= 2) {
                double[] x = new double[px.size()], y = new double[px.size()];
                for (int j = 0; j < px.size(); j++) {
                    x[j] = px.get(j)[0];
                    y[j] = px.get(j)[1];
                }
                svg.polyline(x, y, s.color(), 2, s.dash());
            }
            px.clear();
        }
    }

    private void drawLegend(Svg svg, double x, double y) {
        List<String> seen = new ArrayList<>();
        double row = y + 4;
        for (Series s : series) {
            if (seen.contains(s.name())) continue;             // several seeds of one model share an entry
            seen.add(s.name());
            svg.line(x, row, x + 22, row, s.color(), 2.5, s.dash());
            svg.text(x + 28, row + 4, "start", 11, shorten(s.name(), 20));
            row += 17;
        }
        if (markLabel != null) {
            svg.circle(x + 11, row, 4.5, "white", "#444");
            svg.text(x + 28, row + 4, "start", 11, markLabel);
        }
    }

    /** {@code text} cut to {@code max} characters with an ellipsis. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
