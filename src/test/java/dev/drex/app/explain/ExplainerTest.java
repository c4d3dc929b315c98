package dev.drex.app.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Review;
import dev.drex.app.data.Split;
import dev.drex.app.features.RandomLemmaVectors;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.model.DrexInputs;
import dev.drex.app.model.DrexModel;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    static final String[][] ROWS = {
            {"A", "x", "5", "great guitar strings, bright tone"},
            {"B", "x", "4", "good strings but pricey tone"},
            {"A", "y", "2", "the cable broke quickly, poor cable"},
            {"B", "z", "3", "sturdy stand for the price"},
            {"A", "z", "4", "solid stand, sturdy legs"},
            {"B", "y", "1", "noisy cable"},
    };

    private static DrexModel model() {
        List<Review> reviews = new ArrayList<>();
        for (int j = 0; j < ROWS.length; j++) {
            reviews.add(new Review(ROWS[j][0], ROWS[j][1], Integer.parseInt(ROWS[j][2]), "", ROWS[j][3], 1000L * (j + 1), "t", j + 1));
        }
        Dataset data = Dataset.of(reviews);
        Split.Part[] parts = new Split.Part[data.size()];
        java.util.Arrays.fill(parts, Split.Part.TRAIN);
        Split split = new Split(data, parts, 0);
        var vectors = new RandomLemmaVectors(data, new TextPreprocessor(PreprocessConfig.DEFAULTS), 6, 3);
        return new DrexModel(DrexConfig.defaults().withD(4), DrexInputs.of(split, vectors));
    }

    @Test
    void eachReviewAddsAttentionSummingToOneToItsUserAndItem() {
        DrexModel model = model();
        KeywordProfiles p = KeywordProfiles.build(model);
        Dataset d = model.inputs().data();
        for (int u = 0; u < d.numUsers(); u++) {
            double total = p.profile(true, u).values().stream().mapToDouble(KeywordProfiles.Entry::score).sum();
            assertEquals(3.0, total, 1e-5, "user " + d.userId(u) + " wrote 3 reviews");
        }
        int cable = d.itemIndex("y");
        assertTrue(p.profile(false, cable).containsKey("cable"));
        assertFalse(p.profile(false, cable).containsKey("guitar"));
    }

    @Test
    void explanationsAreTheSharedTopKeywordsStrongestFirstWithSnippets() {
        DrexModel model = model();
        KeywordProfiles p = KeywordProfiles.build(model);
        Dataset d = model.inputs().data();
        int a = d.userIndex("A"), x = d.itemIndex("x");
        Explanation e = new Explainer(p).explain(a, x);
        assertFalse(e.overlapEmpty());
        List<String> lemmas = e.keywords().stream().map(Explanation.Keyword::lemma).toList();
        java.util.Set<String> shared = new java.util.HashSet<>();
        for (var ue : p.top(true, a, KeywordProfiles.K)) {
            for (var ie : p.top(false, x, KeywordProfiles.K)) if (ue.lemma().equals(ie.lemma())) shared.add(ue.lemma());
        }
        assertEquals(shared, new java.util.HashSet<>(lemmas), "exactly the lemmas in both top-K profiles");
        assertTrue(lemmas.contains("string"), lemmas.toString());
        for (int j = 1; j < e.keywords().size(); j++) assertTrue(e.keywords().get(j - 1).score() >= e.keywords().get(j).score());
        Map<String, KeywordProfiles.Entry> up = p.profile(true, a), ip = p.profile(false, x);
        for (Explanation.Keyword k : e.keywords()) {
            assertEquals(up.get(k.lemma()).score() + ip.get(k.lemma()).score(), k.score(), 1e-9);
        }
        Explanation.Keyword strings = e.keywords().get(lemmas.indexOf("string"));
        assertTrue(strings.userSnippet().contains("strings"), strings.userSnippet());
        System.out.println(e.toText());
    }

    @Test
    void anEmptyOverlapIsSaidAndFallsBackToItemKeywordsInTheUsersProfile() {
        DrexModel model = model();
        KeywordProfiles p = KeywordProfiles.build(model);
        Dataset d = model.inputs().data();
        int b = d.userIndex("B"), x = d.itemIndex("x");
        // with K = 1 the single top keywords of B and of x differ unless they happen to coincide
        Explanation e = new Explainer(p, 1).explain(b, x);
        String userTop = p.top(true, b, 1).getFirst().lemma(), itemTop = p.top(false, x, 1).getFirst().lemma();
        assertEquals(userTop.equals(itemTop), !e.overlapEmpty());
        if (e.overlapEmpty()) {
            assertEquals(1, e.keywords().size());
            String lemma = e.keywords().getFirst().lemma();
            assertTrue(p.profile(true, b).containsKey(lemma) && p.profile(false, x).containsKey(lemma));
            assertTrue(e.toText().contains("share no keyword"));
        }
    }

    @Test
    void snippetsCutAroundTheSurfaceWord() {
        assertEquals("...cable broke quickly after a...", Snippets.around("I bought it and the cable broke quickly after a week", "quick", 12));
        // an irregular form the prefix rule cannot find ("broke" for "break"): the text's beginning
        assertEquals("I bought it and...", Snippets.around("I bought it and the cable broke", "break", 12));
        assertEquals("great strings", Snippets.around("great strings", "string", 40));
        assertEquals("no match here", Snippets.around("no match here", "zebra", 40));
    }
}
