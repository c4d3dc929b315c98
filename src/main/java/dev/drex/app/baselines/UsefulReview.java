package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * A train review with the attention weight a review-level model (NARRE, PESI) gives it: their explanation.
 *
 * @param interaction the review's interaction index
 * @param userId      who wrote it
 * @param rating      its rating
 * @param weight      its attention weight within the owner's reviews
 * @param snippet     its text, cut to the requested length ("..." marks a cut)
 */
public record UsefulReview(int interaction, String userId, int rating, double weight, String snippet) {

    /** The rows of {@code batch} with their {@code weights}, highest first, at most {@code top}; the empty stand-in is skipped. */
    static List<UsefulReview> ranked(Dataset data, ReviewBatch batch, float[] weights, int top, int snippetChars) {
        List<UsefulReview> out = new ArrayList<>();
        for (int j = 0; j < weights.length; j++) {
            int k = batch.interactions()[j];
            if (k < 0) continue;
            String text = data.fullText(k).strip();
            String snippet = text.length() <= snippetChars ? text : text.substring(0, Math.max(0, snippetChars - 3)).strip() + "...";
            out.add(new UsefulReview(k, data.userId(data.user(k)), data.rating(k), weights[j], snippet));
        }
        out.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        return out.subList(0, Math.min(top, out.size()));
    }
}
