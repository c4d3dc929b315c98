package dev.drex.app.report;

import dev.drex.app.report.StudyReport.ItemKeywords;
import dev.drex.app.report.StudyReport.Keyword;
import dev.drex.app.report.StudyReport.KeywordOverlap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keyword-overlap figure (the paper's Figure 6) as inline SVG: the user's keyword profile in the middle, their
 * top-3 recommended items around it (left, right, below), each joined to the user by a line of its colour.
 * A word in both the user's and an item's profile is the explanation: it is drawn bold on the item's colour in
 * the item's box, and marked with a dot of that colour in the user's box.
 *
 * <pre>
 *   [ item 1 ]----[  user  ]----[ item 2 ]
 *                     |
 *                 [ item 3 ]
 * </pre>
 * Words are compared ignoring case.
 */
final class KeywordOverlapFigure {

    static final int ITEMS_SHOWN = 3;
    private static final String[] COLOR = {"#0072b2", "#d55e00", "#009e73"};
    private static final String[] LIGHT = {"#d9ebf7", "#fbe4d5", "#d5f0e6"};
    private static final double WIDTH = 1000, BOX_WIDTH = 290, LINE = 18, HEADER = 50, GAP_BELOW = 44, TOP = 36;

    private KeywordOverlapFigure() {
    }

    static String render(KeywordOverlap overlap) {
        List<ItemKeywords> items = overlap.topItems().subList(0, Math.min(ITEMS_SHOWN, overlap.topItems().size()));
        List<String> userWords = new ArrayList<>();
        for (Keyword k : overlap.userKeywords()) userWords.add(k.word().toLowerCase(Locale.ROOT));

        double userX = (WIDTH - BOX_WIDTH) / 2, leftX = 10, rightX = WIDTH - BOX_WIDTH - 10;
        double userHeight = boxHeight(overlap.userKeywords().size());
        double[] itemX = {leftX, rightX, userX};
        double[] itemY = {TOP, TOP, TOP + userHeight + GAP_BELOW};
        double height = TOP + userHeight + 10;
        for (int i = 0; i < items.size(); i++)
            height = Math.max(height, itemY[i] + boxHeight(items.get(i).keywords().size()) + 24);

        Svg svg = new Svg(WIDTH, height, "Keywords of user " + overlap.user() + " and of the top items (" + overlap.model() + ")");
        svg.text(10, 20, "start", 13, "bold", "#222",
                "User " + overlap.user() + " and their top-" + items.size() + " items by " + overlap.model()
                        + ": shared keywords highlighted");

        // connectors first, so the boxes cover their ends
        for (int i = 0; i < items.size(); i++) {
            if (i < 2) {
                double y = TOP + 24;
                double x1 = i == 0 ? leftX + BOX_WIDTH : userX + BOX_WIDTH, x2 = i == 0 ? userX : rightX;
                svg.line(x1, y, x2, y, COLOR[i], 3);
            } else {
                svg.line(WIDTH / 2, TOP + userHeight, WIDTH / 2, itemY[2], COLOR[2], 3);
            }
        }

        // the user's box: every word, with one dot per item sharing it
        svg.rect(userX, TOP, BOX_WIDTH, userHeight, 8, "#f7f7f7", "#333");
        svg.text(userX + 10, TOP + 20, "start", 13, "bold", "#222", LineChart.shorten("User " + overlap.user(), 36));
        svg.text(userX + 10, TOP + 36, "start", 11, "normal", "#555", "keyword profile, attention mass");
        svg.line(userX + 6, TOP + 43, userX + BOX_WIDTH - 6, TOP + 43, "#bbb", 1);
        for (int w = 0; w < overlap.userKeywords().size(); w++) {
            Keyword keyword = overlap.userKeywords().get(w);
            double y = TOP + HEADER + 8 + w * LINE;
            boolean shared = false;
            for (int i = 0; i < items.size(); i++) {
                if (contains(items.get(i).keywords(), userWords.get(w))) {
                    svg.circle(userX + 14 + i * 11, y - 4, 4.5, COLOR[i], null);
                    shared = true;
                }
            }
            svg.text(userX + 14 + ITEMS_SHOWN * 11 + 4, y, "start", 12, shared ? "bold" : "normal", "#222",
                    LineChart.shorten(keyword.word(), 24));
            svg.text(userX + BOX_WIDTH - 10, y, "end", 11, "normal", "#666", score(keyword.score()));
        }

        // the item boxes: shared words on the item's colour
        for (int i = 0; i < items.size(); i++) {
            ItemKeywords item = items.get(i);
            double x = itemX[i], y0 = itemY[i], h = boxHeight(item.keywords().size());
            svg.rect(x, y0, BOX_WIDTH, h, 8, "white", COLOR[i]);
            svg.text(x + 10, y0 + 20, "start", 13, "bold", COLOR[i], LineChart.shorten("#" + (i + 1) + " " + item.item(), 36));
            svg.text(x + 10, y0 + 36, "start", 11, "normal", "#555",
                    String.format(Locale.ROOT, "predicted rating %.2f", item.predictedRating()));
            svg.line(x + 6, y0 + 43, x + BOX_WIDTH - 6, y0 + 43, LIGHT[i], 1.5);
            List<String> sharedWords = new ArrayList<>();
            for (int w = 0; w < item.keywords().size(); w++) {
                Keyword keyword = item.keywords().get(w);
                double y = y0 + HEADER + 8 + w * LINE;
                boolean shared = userWords.contains(keyword.word().toLowerCase(Locale.ROOT));
                if (shared) {
                    svg.rect(x + 6, y - 13, BOX_WIDTH - 12, LINE - 1, 3, LIGHT[i], null);
                    sharedWords.add(keyword.word());
                }
                svg.text(x + 14, y, "start", 12, shared ? "bold" : "normal", "#222", LineChart.shorten(keyword.word(), 28));
                svg.text(x + BOX_WIDTH - 10, y, "end", 11, "normal", "#666", score(keyword.score()));
            }
            String footer = sharedWords.isEmpty() ? "no keyword shared with the user"
                                                  : "shared: " + String.join(", ", sharedWords);
            svg.text(x + 10, y0 + h + 15, "start", 11, "normal", COLOR[i], LineChart.shorten(footer, 48));
        }
        return svg.close();
    }

    private static double boxHeight(int words) {
        return HEADER + Math.max(1, words) * LINE;
    }

    private static boolean contains(List<Keyword> keywords, String lowerCaseWord) {
        for (Keyword k : keywords) if (k.word().toLowerCase(Locale.ROOT).equals(lowerCaseWord)) return true;
        return false;
    }

    private static String score(double s) {
        return Html.fixed(s, 3);
    }
}
