package dev.drex.app.explain;

import dev.drex.app.data.Dataset;
import dev.drex.app.explain.KeywordProfiles.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explanations of (u, i) from {@link KeywordProfiles} (spec: "Explanations"): the lemmas in both top-K
 * profiles, strongest first by the sum of both scores; when that overlap is empty, say so and give the
 * item's lemmas that appear anywhere in u's profile. Each keyword carries a snippet of the user's and of
 * the item's review that contributed most to it.
 */
public final class Explainer {
    private final KeywordProfiles profiles;
    private final int k;

    public Explainer(KeywordProfiles profiles, int k) {
        if (k < 1) throw new IllegalArgumentException("K must be >= 1, got " + k);
        this.profiles = profiles;
        this.k = k;
    }

    public Explainer(KeywordProfiles profiles) {
        this(profiles, KeywordProfiles.K);
    }

    /** The explanation of the pair (user u, item i), dense indices. */
    public Explanation explain(int u, int i) {
        Dataset data = profiles.data();
        List<Entry> userTop = profiles.top(true, u, k), itemTop = profiles.top(false, i, k);
        Map<String, Entry> userAll = profiles.profile(true, u);
        List<Explanation.Keyword> out = new ArrayList<>();
        for (Entry it : itemTop) {
            for (Entry us : userTop) if (us.lemma().equals(it.lemma())) out.add(keyword(us, it, data));
        }
        boolean empty = out.isEmpty();
        if (empty) {
            List<Entry> itemAll = new ArrayList<>(profiles.profile(false, i).values());
            itemAll.sort(KeywordProfiles.STRONGEST_FIRST);
            for (Entry it : itemAll) {
                Entry us = userAll.get(it.lemma());
                if (us != null) out.add(keyword(us, it, data));
            }
        }
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.lemma().compareTo(b.lemma()));
        if (out.size() > k) out = new ArrayList<>(out.subList(0, k));
        return new Explanation(data.userId(u), data.itemId(i), empty, List.copyOf(out));
    }

    private static Explanation.Keyword keyword(Entry user, Entry item, Dataset data) {
        return new Explanation.Keyword(user.lemma(), user.score() + item.score(), user.score(), item.score(),
                Snippets.around(data.fullText(user.bestInteraction()), user.lemma(), Snippets.RADIUS),
                Snippets.around(data.fullText(item.bestInteraction()), item.lemma(), Snippets.RADIUS));
    }
}
