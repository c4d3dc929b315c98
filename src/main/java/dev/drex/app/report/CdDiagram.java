package dev.drex.app.report;

import java.util.List;
import java.util.Locale;

/**
 * The critical-difference diagram of Demšar (JMLR 7, 2006, Figure 1) as inline SVG.
 *
 * <pre>
 *        CD
 *      |----|
 *      1      2      3      4      5         &lt;- axis of average ranks, best (1) on the left
 *      +------+------+------+------+
 *        |  |        |         |  |
 *        ======                              &lt;- bold bar: models whose ranks differ by less than CD
 *              ============
 *   A ---+  |        |         |  +--- E     &lt;- better half named on the left, worse half on the right,
 *   B ------+        +---------|------ D        each with a leader line down from its average rank
 * </pre>
 */
final class CdDiagram {

    private static final double WIDTH = 820, AXIS_Y = 78, BAR_STEP = 9, ROW_STEP = 24, FONT = 14;

    private CdDiagram() {
    }

    /**
     * @param result the Friedman test whose average ranks are drawn
     * @param alpha  0.05 or 0.10: which Nemenyi critical difference draws the CD bar and the groups
     */
    static String render(Friedman.Result result, double alpha, String title) {
        int k = result.k();
        double cd = alpha == 0.05 ? result.criticalDifference005() : result.criticalDifference010();
        double[] ranks = result.averageRanks();
        int[] order = result.orderByRank();
        int leftCount = (k + 1) / 2;

        double textWidth = 60;
        for (int j = 0; j < k; j++) textWidth = Math.max(textWidth, Svg.textWidth(nameWithRank(result, j), FONT));
        textWidth = Math.min(textWidth, 260);
        double axisLeft = textWidth + 36, axisRight = WIDTH - textWidth - 36;
        double unit = (axisRight - axisLeft) / Math.max(1, k - 1);   // pixels per rank
        List<int[]> groups = result.groupsWithin(cd);
        double rowTop = AXIS_Y + 22 + groups.size() * BAR_STEP + 8;
        double height = rowTop + Math.max(leftCount, k - leftCount) * ROW_STEP + 8;

        Svg svg = new Svg(WIDTH, height, title);
        // axis with a tick at every whole rank (labels above) and a short one at every half
        svg.line(axisLeft, AXIS_Y, axisRight, AXIS_Y, "#222", 1.5);
        for (int r = 1; r <= k; r++) {
            double x = axisLeft + (r - 1) * unit;
            svg.line(x, AXIS_Y - 7, x, AXIS_Y, "#222", 1.5);
            svg.text(x, AXIS_Y - 12, "middle", 13, Integer.toString(r));
            if (r < k) svg.line(x + unit / 2, AXIS_Y - 4, x + unit / 2, AXIS_Y, "#222", 1);
        }
        // the CD interval, drawn from rank 1
        if (Double.isFinite(cd)) {
            double x1 = axisLeft, x2 = axisLeft + cd * unit;
            svg.line(x1, 34, x2, 34, "#b00000", 2);
            svg.line(x1, 29, x1, 39, "#b00000", 2);
            svg.line(x2, 29, x2, 39, "#b00000", 2);
            svg.text(x1, 22, "start", 12, "bold", "#b00000",
                    String.format(Locale.ROOT, "CD = %.3f (\u03B1 = %.2f, N = %d)", cd, alpha, result.blocks()));
        } else {
            svg.text(axisLeft, 26, "start", 12, "bold", "#b00000",
                    "CD not tabulated for k = " + k + " models (table covers 2..10)");
        }
        // leader lines and names: best half on the left (best on top), worst half on the right (worst on top)
        for (int i = 0; i < k; i++) {
            boolean left = i < leftCount;
            int model = order[i];
            int row = left ? i : k - 1 - i;
            double x = axisLeft + (ranks[model] - 1) * unit;
            double y = rowTop + row * ROW_STEP;
            double end = left ? axisLeft - 14 : axisRight + 14;
            svg.line(x, AXIS_Y, x, y, "#555", 1);
            svg.line(x, y, end, y, "#555", 1);
            svg.text(left ? end - 5 : end + 5, y + 4, left ? "end" : "start", FONT, nameWithRank(result, model));
        }
        // bold bars joining the groups of models not significantly different, drawn over the leader lines
        for (int g = 0; g < groups.size(); g++) {
            int[] group = groups.get(g);
            double x1 = axisLeft + (ranks[group[0]] - 1) * unit - 5;
            double x2 = axisLeft + (ranks[group[group.length - 1]] - 1) * unit + 5;
            double y = AXIS_Y + 16 + g * BAR_STEP;
            svg.line(x1, y, x2, y, "#111", 4.5);
        }
        return svg.close();
    }

    private static String nameWithRank(Friedman.Result result, int model) {
        return LineChart.shorten(result.models().get(model), 36)
                + String.format(Locale.ROOT, " (%.2f)", result.averageRanks()[model]);
    }
}
