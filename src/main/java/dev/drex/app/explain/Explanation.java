package dev.drex.app.explain;

import java.util.List;

/**
 * Why DReX links user u and item i (spec: "Explanations").
 *
 * @param keywords       the lemmas in both top-K profiles, strongest first (score = user score + item score);
 *                       when {@code overlapEmpty}, the fallback: the item's lemmas that appear anywhere in
 *                       u's profile, ranked the same way
 * @param overlapEmpty   true when the two top-K profiles share no lemma
 */
public record Explanation(String userId, String itemId, boolean overlapEmpty, List<Keyword> keywords) {

    /** A keyword with its scores and the review snippets it came from (user side, item side). */
    public record Keyword(String lemma, double score, double userScore, double itemScore, String userSnippet, String itemSnippet) {}

    /** A few readable lines. */
    public String toText() {
        StringBuilder sb = new StringBuilder("user ").append(userId).append(", item ").append(itemId).append('\n');
        if (overlapEmpty) sb.append("  the top-").append(KeywordProfiles.K).append(" profiles share no keyword; ");
        if (overlapEmpty) sb.append(keywords.isEmpty() ? "and no item keyword appears in the user's profile\n" : "item keywords found in the user's profile:\n");
        for (Keyword k : keywords) {
            sb.append(String.format("  %-16s %.3f (user %.3f, item %.3f)%n", k.lemma(), k.score(), k.userScore(), k.itemScore()));
            if (!k.userSnippet().isEmpty()) sb.append("      user wrote: \"").append(k.userSnippet()).append("\"\n");
            if (!k.itemSnippet().isEmpty()) sb.append("      about the item: \"").append(k.itemSnippet()).append("\"\n");
        }
        return sb.toString();
    }
}
