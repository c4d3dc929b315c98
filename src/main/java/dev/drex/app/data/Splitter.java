package dev.drex.app.data;

import dev.drex.app.data.Split.Part;

import java.util.Random;

/**
 * Makes a {@link Split} of a {@link Dataset}.
 *
 * <p>Both splits end with the spec's one-pass rule: every validation/test interaction whose user or item
 * has no interaction in the INITIAL train part moves to train. "One pass": the sets of train users and
 * items are those of the initial train part; moves do not change them.
 */
public final class Splitter {

    private Splitter() {
    }

    /**
     * Random split (spec default 0.8 / 0.1 / 0.1): shuffle the interaction indices with
     * {@code new Random(seed)} (Fisher-Yates), take the first {@code round(n * trainFraction)} as train,
     * the next {@code round(n * validationFraction)} as validation, the rest as test; then the one-pass rule.
     */
    public static Split random(Dataset data, double trainFraction, double validationFraction, long seed) {
        if (!(trainFraction >= 0 && validationFraction >= 0 && trainFraction + validationFraction <= 1.0)) {
            throw new IllegalArgumentException("fractions must be >= 0 with train + validation <= 1, got "
                    + trainFraction + " and " + validationFraction);
        }
        int n = data.size();
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Random random = new Random(seed);
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        int trainCount = (int) Math.round(n * trainFraction);
        int validationCount = Math.min(n - trainCount, (int) Math.round(n * validationFraction));
        Part[] parts = new Part[n];
        for (int j = 0; j < n; j++) {
            parts[order[j]] = j < trainCount ? Part.TRAIN : j < trainCount + validationCount ? Part.VALIDATION : Part.TEST;
        }
        return moveUnseenToTrain(data, parts);
    }

    /** The spec's split: 80 / 10 / 10. */
    public static Split random(Dataset data, long seed) {
        return random(data, 0.8, 0.1, seed);
    }

    /**
     * Temporal leave-last-out split. For each user, in the dataset's time order (ties in reading order):
     * the last interaction goes to test, the one before it to validation, all earlier ones to train.
     * A user with one interaction has it in train; with two, the first is train and the second test.
     * Then the one-pass rule (which, for users, can only move nothing: each user with a validation or
     * test interaction has a train one; for items it moves interactions of items never seen in train).
     */
    public static Split temporal(Dataset data) {
        int n = data.size();
        int[] seen = new int[data.numUsers()];
        int[] total = data.userCounts();
        Part[] parts = new Part[n];
        for (int k = 0; k < n; k++) {
            int u = data.user(k);
            int position = seen[u]++;                  // 0-based position in u's history
            int fromEnd = total[u] - 1 - position;     // 0 = u's last interaction
            if (total[u] == 1) parts[k] = Part.TRAIN;
            else if (fromEnd == 0) parts[k] = Part.TEST;
            else if (fromEnd == 1 && total[u] >= 3) parts[k] = Part.VALIDATION;
            else parts[k] = Part.TRAIN;
        }
        return moveUnseenToTrain(data, parts);
    }

    /** The one-pass rule; {@code parts} is modified. */
    static Split moveUnseenToTrain(Dataset data, Part[] parts) {
        boolean[] trainUser = new boolean[data.numUsers()];
        boolean[] trainItem = new boolean[data.numItems()];
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] == Part.TRAIN) {
                trainUser[data.user(k)] = true;
                trainItem[data.item(k)] = true;
            }
        }
        int moved = 0;
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] != Part.TRAIN && (!trainUser[data.user(k)] || !trainItem[data.item(k)])) {
                parts[k] = Part.TRAIN;
                moved++;
            }
        }
        return new Split(data, parts, moved);
    }
}
