package dev.drex.app.embed;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Review;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random reviews for the embedding tests: English words (plurals, verb forms, stopwords, numbers),
 * 0..{@code maxWords} words each; review 0 is empty and review 1 has only numbers and stopwords, so
 * both have no lemma.
 */
final class SyntheticReviews {

    private static final String[] WORDS = ("guitar guitars string strings sound sounds sounded tuner tuners cable "
            + "cables pedal pedals amp amplifier quality great good bad works worked working the a an and of to is "
            + "was were it this that very really buy bought price cheap cheaper strap picks pick played playing "
            + "plays noise noisy volume bass drums drum mic microphone stand stands case cases 42 3.5 100 "
            + "knob knobs loud louder broken broke love loved happy").split(" ");

    private SyntheticReviews() {
    }

    static Dataset dataset(int n, int maxWords, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Review> reviews = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String title;
            String text;
            if (i == 0) {
                title = "";
                text = "";
            } else if (i == 1) {
                title = "42";
                text = "it is the 100 and 3.5 of a";
            } else {
                title = words(r, 1 + r.nextInt(4));
                text = words(r, r.nextInt(maxWords + 1));
            }
            reviews.add(new Review("user" + r.nextInt(n / 3 + 1), "item" + i, 1 + r.nextInt(5), title, text,
                    1_400_000_000_000L + i * 1000L, "synthetic", i + 1));
        }
        return Dataset.of(reviews);
    }

    private static String words(SplittableRandom r, int count) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < count; w++) s.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        return s.toString();
    }
}
