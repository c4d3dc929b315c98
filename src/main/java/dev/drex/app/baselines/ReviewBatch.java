package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The train reviews of a batch of owners (users or items), laid end to end for a per-review model (NARRE, PESI):
 * owner b's reviews are rows {@code starts[b] ..} of the batch, each cut to {@code reviewLength} word pieces.
 * An owner with no review left (after leaving the target's own review out) reads one empty review, whose
 * interaction is -1 and whose other-side ID is the padding ID ({@code numItems} or {@code numUsers}).
 *
 * @param pieces       word pieces of each review (N rows)
 * @param interactions the review's interaction index, -1 for the empty stand-in (N)
 * @param otherIds     the item (user side) or user (item side) the review is about (N): NARRE's attention IDs
 * @param starts       first row of each owner (B)
 */
record ReviewBatch(List<int[]> pieces, int[] interactions, int[] otherIds, int[] starts) {

    /** The reviews of {@code owners}; {@code leaveOut[b]} (or null) is an interaction left out of owner b's. */
    static ReviewBatch of(ReviewCorpus corpus, int[] owners, int[] leaveOut, boolean userSide, int reviewLength) {
        Dataset data = corpus.dataset();
        List<int[]> pieces = new ArrayList<>();
        List<Integer> ks = new ArrayList<>(), ids = new ArrayList<>();
        int[] starts = new int[owners.length];
        for (int b = 0; b < owners.length; b++) {
            starts[b] = pieces.size();
            for (int k : userSide ? corpus.userReviews(owners[b]) : corpus.itemReviews(owners[b])) {
                if (leaveOut != null && k == leaveOut[b]) continue;
                int[] p = corpus.pieces(k);
                pieces.add(p.length > reviewLength ? Arrays.copyOf(p, reviewLength) : p);
                ks.add(k);
                ids.add(userSide ? data.item(k) : data.user(k));
            }
            if (pieces.size() == starts[b]) { // no review left: one empty review with the padding ID
                pieces.add(new int[0]);
                ks.add(-1);
                ids.add(userSide ? data.numItems() : data.numUsers());
            }
        }
        return new ReviewBatch(pieces, ks.stream().mapToInt(Integer::intValue).toArray(), ids.stream().mapToInt(Integer::intValue).toArray(),
                starts);
    }
}
