package dev.drex.app.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small synthetic review file for the study tests: 40 users each rating 12 of 24 items (480 interactions, a 5-core),
 * ratings {@code round(3.6 + user bias + item bias + noise)} clipped to 1..5, reviews of 3 to 6 short words whose
 * choice leans on the rating (so text carries signal), timestamps increasing. Seeded: the same file every time.
 */
final class CompareTestData {
    private static final String[] GOOD = {"good", "fine", "nice", "love", "top"};
    private static final String[] BAD = {"bad", "poor", "dull", "junk", "meh"};
    private static final String[] PLAIN = {"amp", "cord", "pick", "case", "tone", "bass"};

    private CompareTestData() {
    }

    static Path write(Path file) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        int users = 40, items = 24, perUser = 12;
        double[] bu = new double[users], bi = new double[items];
        for (int u = 0; u < users; u++) bu[u] = r.nextDouble(-1, 1);
        for (int i = 0; i < items; i++) bi[i] = r.nextDouble(-1, 1);
        List<String> lines = new ArrayList<>(List.of("reviewerID,asin,overall,unixReviewTime,summary,reviewText"));
        long time = 1_300_000_000L;
        for (int u = 0; u < users; u++) {
            int start = r.nextInt(items);
            for (int j = 0; j < perUser; j++) {
                int i = (start + 2 * j + (j >= items / 2 ? 1 : 0)) % items;
                int rating = (int) Math.max(1, Math.min(5, Math.round(3.6 + bu[u] + bi[i] + r.nextDouble(-0.5, 0.5))));
                StringBuilder text = new StringBuilder();
                int words = 3 + r.nextInt(4);
                for (int w = 0; w < words; w++) {
                    String[] pool = r.nextInt(3) == 0 ? PLAIN : rating >= 4 ? GOOD : BAD;
                    text.append(w == 0 ? "" : " ").append(pool[r.nextInt(pool.length)]);
                }
                lines.add("U" + u + ",I" + i + "," + rating + "," + (time += 3600) + "," + PLAIN[r.nextInt(PLAIN.length)] + "," + text);
            }
        }
        Files.write(file, lines);
        return file;
    }
}
