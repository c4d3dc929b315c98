package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import dev.drex.app.explain.Explainer;
import dev.drex.app.explain.Explanation;
import dev.drex.app.explain.KeywordProfiles;
import dev.drex.app.explain.Snippets;
import java.util.List;
import java.util.Locale;

/** The text the run commands print: recommendations, one explanation, a keyword profile, lists of ids. */
public final class RunReports {

    private RunReports() {
    }

    /** Ratings of user {@code u} / item {@code i} in the whole data, and in train. */
    static String counts(Run run, boolean ofUser, int owner) {
        Dataset data = run.data();
        int all = 0, train = 0;
        for (int k = 0; k < data.size(); k++) if ((ofUser ? data.user(k) : data.item(k)) == owner) all++;
        for (int k : run.split().train()) if ((ofUser ? data.user(k) : data.item(k)) == owner) train++;
        return all + " ratings (" + train + " in train)";
    }

    /** The top items of user {@code u}, each with its explanation when {@code explainer} is not null. */
    public static String recommendations(Run run, int u, List<Recommender.Item> items, Explainer explainer) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "user %s, %s; %s on the items the user has not rated%n",
                run.data().userId(u), counts(run, true, u), run.model().name()));
        int rank = 1;
        for (Recommender.Item it : items) {
            sb.append(String.format(Locale.ROOT, "%3d. %-14s predicted %.3f%n", rank++, it.itemId(), it.predicted()));
            if (explainer != null) {
                Explanation e = explainer.explain(u, it.item());
                for (String line : e.toText().split("\n")) if (!line.startsWith("user ")) sb.append("     ").append(line).append('\n');
            }
        }
        if (items.isEmpty()) sb.append("  (the user has rated every item)\n");
        return sb.toString();
    }

    /** The predicted rating of (u, i), whether u rated i, and the explanation. */
    public static String explanation(Run run, int u, int i, Explainer explainer) {
        Dataset data = run.data();
        float predicted = run.model().predict(new int[] {u}, new int[] {i})[0];
        int k = data.find(u, i);
        String rated = k < 0 ? "not rated by the user" : "rated " + data.rating(k) + " by the user (" + run.split().part(k).name().toLowerCase(Locale.ROOT) + ")";
        return String.format(Locale.ROOT, "predicted rating %.3f (%s; %s)%n", predicted, run.model().name(), rated) + explainer.explain(u, i).toText();
    }

    /** The top-{@code k} keyword profile of a user or item, each lemma with its score and the snippet it came from. */
    public static String profile(Run run, KeywordProfiles profiles, boolean ofUser, int owner, int k) {
        Dataset data = run.data();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %s, %s: top-%d keywords%n", ofUser ? "user" : "item",
                ofUser ? data.userId(owner) : data.itemId(owner), counts(run, ofUser, owner), k));
        List<KeywordProfiles.Entry> top = profiles.top(ofUser, owner, k);
        if (top.isEmpty()) sb.append("  (no train review with a usable lemma)\n");
        for (KeywordProfiles.Entry e : top) {
            sb.append(String.format(Locale.ROOT, "  %-16s %.3f%n", e.lemma(), e.score()));
            String snippet = Snippets.around(data.fullText(e.bestInteraction()), e.lemma(), Snippets.RADIUS);
            if (!snippet.isEmpty()) sb.append("      \"").append(snippet).append("\"\n");
        }
        return sb.toString();
    }

    /** The {@code n} most active users ({@code users}) or items, with their rating counts. */
    public static String list(Run run, boolean users, int n) {
        Dataset data = run.data();
        List<String> ids = users ? Ids.mostActive(n, data::userId, data.userCounts()) : Ids.mostActive(n, data::itemId, data.itemCounts());
        return String.format(Locale.ROOT, "%d %s; the %d with the most ratings:%n", users ? data.numUsers() : data.numItems(), users ? "users" : "items",
                ids.size()) + String.join("\n", ids) + "\n";
    }
}
