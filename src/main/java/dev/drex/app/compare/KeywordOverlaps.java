package dev.drex.app.compare;

import dev.drex.app.data.Dataset;
import dev.drex.app.explain.KeywordProfiles;
import dev.drex.app.model.DrexModel;
import dev.drex.app.report.StudyReport;
import dev.drex.app.run.Recommender;
import java.util.ArrayList;
import java.util.List;

/**
 * The example behind the keyword-overlap figure (paper, Figure 6): one user's keyword profile beside the profiles of
 * the user's top-3 recommended items (every item the user has not rated anywhere, ranked by predicted rating,
 * {@link Recommender}). Profiles are the top-{@link KeywordProfiles#K} lemmas by summed attention
 * ({@link KeywordProfiles}). The user is chosen without looking at the result: the one with the most train
 * interactions (the richest profile), ties by index.
 */
public final class KeywordOverlaps {
    /** Items shown beside the user. */
    public static final int TOP_ITEMS = 3;

    private KeywordOverlaps() {
    }

    /** The example for {@code model} (trained with review vectors), under the row name {@code modelName}. */
    public static StudyReport.KeywordOverlap of(DrexModel model, String modelName) {
        Dataset data = model.inputs().data();
        KeywordProfiles profiles = KeywordProfiles.build(model);
        int[] trainCount = new int[data.numUsers()];
        for (int k : model.inputs().split().train()) trainCount[data.user(k)]++;
        int user = 0;
        for (int u = 1; u < trainCount.length; u++) if (trainCount[u] > trainCount[user]) user = u;
        List<StudyReport.ItemKeywords> items = new ArrayList<>();
        for (Recommender.Item it : Recommender.recommend(model, data, user, TOP_ITEMS)) {
            items.add(new StudyReport.ItemKeywords(it.itemId(), it.predicted(), keywords(profiles.top(false, it.item(), KeywordProfiles.K))));
        }
        return new StudyReport.KeywordOverlap(modelName, data.userId(user), keywords(profiles.top(true, user, KeywordProfiles.K)), items);
    }

    private static List<StudyReport.Keyword> keywords(List<KeywordProfiles.Entry> entries) {
        return entries.stream().map(e -> new StudyReport.Keyword(e.lemma(), e.score())).toList();
    }
}
