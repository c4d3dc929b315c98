package dev.drex.app.explain;

import dev.drex.app.data.Dataset;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.features.ReviewVectors.LemmaMatrix;
import dev.drex.app.model.DrexModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword profiles of users and items (spec: "Explanations"): after training, one pass over the train
 * interactions adds each lemma's attention weight a_j (the trained review attention of
 * {@link dev.drex.app.model.InteractionEncoder}) to the profile of the review's user and of its item.
 *
 * <p>Each profile keeps every lemma's total score (the fallback explanation looks "anywhere in u's
 * profile") and, per lemma, the interaction that contributed most to it (for review snippets);
 * {@link #top(boolean, int, int)} gives the strongest {@code K}.
 */
public final class KeywordProfiles {
    /** Default K: the top-K profile size. */
    public static final int K = 10;

    /** One lemma of a profile: its total attention, and the interaction that gave the largest share. */
    public static final class Entry {
        final String lemma;
        double score;
        int bestInteraction = -1;
        double bestContribution;

        Entry(String lemma) {
            this.lemma = lemma;
        }

        public String lemma() {
            return lemma;
        }

        public double score() {
            return score;
        }

        /** The interaction whose review contributed most to this lemma in this profile. */
        public int bestInteraction() {
            return bestInteraction;
        }
    }

    private final Dataset data;
    private final List<Map<String, Entry>> users = new ArrayList<>();
    private final List<Map<String, Entry>> items = new ArrayList<>();

    private KeywordProfiles(Dataset data) {
        this.data = data;
        for (int u = 0; u < data.numUsers(); u++) users.add(new HashMap<>());
        for (int i = 0; i < data.numItems(); i++) items.add(new HashMap<>());
    }

    /** One pass over the model's train interactions that have a review. */
    public static KeywordProfiles build(DrexModel model) {
        Dataset data = model.inputs().data();
        ReviewVectors reviews = model.inputs().reviews();
        if (reviews == null) throw new IllegalStateException("explanations need review vectors; this model was built without them");
        KeywordProfiles p = new KeywordProfiles(data);
        for (int k : model.inputs().split().train()) {
            LemmaMatrix m = reviews.get(k);
            if (m == null) continue;
            float[] a = model.encoder().attention(m);
            Map<String, Double> perLemma = new HashMap<>(); // a lemma repeated in a review adds all its weights
            for (int j = 0; j < a.length; j++) perLemma.merge(m.lemmas()[j], (double) a[j], Double::sum);
            for (Map.Entry<String, Double> e : perLemma.entrySet()) {
                add(p.users.get(data.user(k)), e.getKey(), e.getValue(), k);
                add(p.items.get(data.item(k)), e.getKey(), e.getValue(), k);
            }
        }
        return p;
    }

    private static void add(Map<String, Entry> profile, String lemma, double weight, int k) {
        Entry e = profile.computeIfAbsent(lemma, Entry::new);
        e.score += weight;
        if (weight > e.bestContribution || e.bestInteraction < 0) {
            e.bestContribution = weight;
            e.bestInteraction = k;
        }
    }

    public Dataset data() {
        return data;
    }

    /** The {@code k} strongest lemmas of a user's ({@code ofUser}) or item's profile, strongest first (ties by lemma). */
    public List<Entry> top(boolean ofUser, int owner, int k) {
        List<Entry> all = new ArrayList<>((ofUser ? users : items).get(owner).values());
        all.sort(STRONGEST_FIRST);
        return all.size() > k ? new ArrayList<>(all.subList(0, k)) : all;
    }

    /** The whole profile (lemma -> entry). */
    public Map<String, Entry> profile(boolean ofUser, int owner) {
        return java.util.Collections.unmodifiableMap((ofUser ? users : items).get(owner));
    }

    static final Comparator<Entry> STRONGEST_FIRST =
            Comparator.comparingDouble((Entry e) -> -e.score).thenComparing(e -> e.lemma);
}
