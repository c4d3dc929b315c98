package dev.drex.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Dataset;
import dev.drex.app.eval.ResultsJson;
import dev.drex.app.eval.SeedAggregate;
import dev.drex.app.explain.Explainer;
import dev.drex.app.explain.Explanation;
import dev.drex.app.explain.KeywordProfiles;
import dev.drex.app.run.Recommender;
import dev.drex.app.run.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate, recommend, explain and profile on the shared small run ({@link TrainedRun}). */
class RunCommandsTest {

    private static String model() {
        return TrainedRun.dir().toString();
    }

    /** The user with the most ratings (has both test items and a rich profile). */
    private static String activeUser(Run run) {
        int[] c = run.data().userCounts();
        int best = 0;
        for (int u = 1; u < c.length; u++) if (c[u] > c[best]) best = u;
        return run.data().userId(best);
    }

    @Test
    void loadRebuildsTheTrainedModel() throws Exception {
        Run run = TrainedRun.run();
        assertEquals(8, run.config().d());
        assertEquals(Files.readString(TrainedRun.dir().resolve("split.tsv")).isEmpty(), false);
        assertTrue(run.manifest().data().get(0).startsWith("/"), "absolute data path recorded: " + run.manifest().data());
        assertEquals("random", run.manifest().vectors());
        // the weights are the trained ones: predictions are not those of a fresh model with the same seed
        float[] p = run.model().predict(new int[] {0, 1}, new int[] {0, 1});
        var fresh = new dev.drex.app.model.DrexModel(run.config(), dev.drex.app.model.DrexInputs.of(run.split(), run.reviews()));
        fresh.train(false);
        float[] q = fresh.predict(new int[] {0, 1}, new int[] {0, 1});
        assertFalse(p[0] == q[0] && p[1] == q[1], "loaded model predicts like an untrained one");
    }

    @Test
    void evaluatePrintsTheFloorRowsAndWritesJsonAndMarkdown(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json"), md = dir.resolve("r.md");
        TrainedRun.Result r = TrainedRun.execute(new EvaluateCommand(), "--model", model(), "--json", json.toString(), "--markdown", md.toString());
        assertEquals(0, r.code(), r.all());
        for (String row : new String[] {"global mean", "biased MF", "DReX"}) assertTrue(r.out().contains(row), "no " + row + " row:\n" + r.out());
        assertTrue(r.out().contains("NDCG@10 paper") && r.out().contains("F1@5 full"), r.out());
        List<SeedAggregate> a = ResultsJson.read(json);
        assertEquals(List.of("global mean", "biased MF", "DReX"), a.stream().map(SeedAggregate::model).toList());
        for (SeedAggregate s : a) {
            assertEquals(1, s.runs().size());
            assertEquals(TrainedRun.run().split().sha256(), s.runs().get(0).splitSha256());
            assertTrue(s.runs().get(0).metrics().containsKey("NDCG@20 full"), s.runs().get(0).metrics().keySet().toString());
            assertEquals(TrainedRun.run().split().test().length, s.runs().get(0).testInteractions());
        }
        String markdown = Files.readString(md);
        assertTrue(markdown.contains("| global mean") && markdown.contains("| biased MF") && markdown.contains("| DReX"), markdown);
    }

    @Test
    void recommendNeverReturnsARatedItemAndRanksByPrediction() {
        Run run = TrainedRun.run();
        Dataset data = run.data();
        String user = activeUser(run);
        int u = data.userIndex(user);
        Set<String> rated = new HashSet<>();
        for (int k = 0; k < data.size(); k++) if (data.user(k) == u) rated.add(data.itemId(data.item(k)));
        assertTrue(rated.size() >= 5);

        List<Recommender.Item> items = Recommender.recommend(run.model(), data, u, data.numItems());
        assertEquals(data.numItems() - rated.size(), items.size(), "every unrated item is a candidate");
        for (int j = 0; j < items.size(); j++) {
            assertFalse(rated.contains(items.get(j).itemId()), items.get(j).itemId() + " was rated by " + user);
            if (j > 0) assertTrue(items.get(j - 1).predicted() >= items.get(j).predicted(), "not sorted at " + j);
        }
        float[] direct = run.model().predict(new int[] {u}, new int[] {items.get(0).item()});
        assertEquals(direct[0], items.get(0).predicted(), 1e-5f);

        TrainedRun.Result r = TrainedRun.execute(new RecommendCommand(), "--model", model(), "--user", user, "--top", "10", "--explain");
        assertEquals(0, r.code(), r.all());
        Matcher m = Pattern.compile("(?m)^\\s*(\\d+)\\. (\\S+)\\s+predicted ([0-9.\\-]+)").matcher(r.out());
        int n = 0;
        while (m.find()) {
            assertEquals(items.get(n).itemId(), m.group(2), "rank " + (n + 1));
            n++;
        }
        assertEquals(10, n, r.out());
        assertTrue(r.out().contains("(user ") || r.out().contains("share no keyword"), "no explanation printed:\n" + r.out());
    }

    @Test
    void helpSaysRatedItemsAreExcluded() {
        TrainedRun.Result r = TrainedRun.execute(new RecommendCommand(), "--help");
        assertTrue(r.out().replaceAll("\\s+", " ").contains("items rated in train, validation or test are all excluded"), r.out());
    }

    @Test
    void unknownUserIsAClearErrorWithHints() {
        Run run = TrainedRun.run();
        String real = activeUser(run);
        String typo = real.substring(0, real.length() - 1) + (real.endsWith("X") ? "Y" : "X");
        TrainedRun.Result r = TrainedRun.execute(new RecommendCommand(), "--model", model(), "--user", typo);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown user '" + typo + "'"), r.err());
        assertTrue(r.err().contains("Closest ids: " + real), "the one-letter typo's source comes first:\n" + r.err());
        assertTrue(r.err().contains("--list-users"), r.err());
    }

    @Test
    void explainKeywordsAreInBothProfiles() {
        Run run = TrainedRun.run();
        KeywordProfiles profiles = KeywordProfiles.build(run.model());
        Explainer explainer = new Explainer(profiles);
        Dataset data = run.data();
        int checkedOverlap = 0, checkedEmpty = 0;
        String pairWithOverlap = null;
        for (int k : run.split().test()) {
            int u = data.user(k), i = data.item(k);
            Explanation e = explainer.explain(u, i);
            Set<String> userTop = lemmas(profiles.top(true, u, KeywordProfiles.K)), itemTop = lemmas(profiles.top(false, i, KeywordProfiles.K));
            for (Explanation.Keyword kw : e.keywords()) {
                if (!e.overlapEmpty()) {
                    assertTrue(userTop.contains(kw.lemma()) && itemTop.contains(kw.lemma()), kw.lemma() + " not in both top-10 profiles");
                } else {
                    assertTrue(profiles.profile(true, u).containsKey(kw.lemma()) && profiles.profile(false, i).containsKey(kw.lemma()));
                }
            }
            if (!e.overlapEmpty()) {
                checkedOverlap++;
                if (pairWithOverlap == null) pairWithOverlap = data.userId(u) + "\t" + data.itemId(i);
            } else {
                checkedEmpty++;
            }
        }
        assertTrue(checkedOverlap > 0, "no test pair has overlapping profiles");
        String[] pair = pairWithOverlap.split("\t");
        TrainedRun.Result r = TrainedRun.execute(new ExplainCommand(), "--model", model(), "--user", pair[0], "--item", pair[1]);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("predicted rating "), r.out());
        assertTrue(r.out().contains("(test)"), "the pair is a test interaction:\n" + r.out());
        Explanation e = explainer.explain(data.userIndex(pair[0]), data.itemIndex(pair[1]));
        assertTrue(r.out().contains(e.keywords().get(0).lemma()), r.out());
        System.out.println("explained " + checkedOverlap + " pairs with an overlap, " + checkedEmpty + " without");
    }

    @Test
    void profileListsTheTopKeywordsStrongestFirst() {
        Run run = TrainedRun.run();
        String user = activeUser(run);
        TrainedRun.Result r = TrainedRun.execute(new ProfileCommand(), "--model", model(), "--user", user);
        assertEquals(0, r.code(), r.all());
        Matcher m = Pattern.compile("(?m)^  (\\S+)\\s+([0-9.]+)$").matcher(r.out());
        double prev = Double.POSITIVE_INFINITY;
        int n = 0;
        while (m.find()) {
            double s = Double.parseDouble(m.group(2));
            assertTrue(s <= prev, "not strongest first:\n" + r.out());
            prev = s;
            n++;
        }
        assertEquals(10, n, r.out());
        assertTrue(r.out().contains("\""), "snippets printed:\n" + r.out());

        TrainedRun.Result items = TrainedRun.execute(new ProfileCommand(), "--model", model(), "--list-items", "3");
        assertEquals(0, items.code(), items.all());
        String top = items.out().split("\n")[1].split(" ")[0];
        TrainedRun.Result item = TrainedRun.execute(new ProfileCommand(), "--model", model(), "--item", top);
        assertEquals(0, item.code(), item.all());
        assertTrue(item.out().startsWith("item " + top), item.out());
    }

    @Test
    void aRunWithoutItsModelOrDataIsAClearError(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("copy");
        Files.createDirectories(run);
        for (String f : new String[] {"config.json", "run.json", "split.tsv"}) Files.copy(TrainedRun.dir().resolve(f), run.resolve(f));
        TrainedRun.Result r = TrainedRun.execute(new EvaluateCommand(), "--model", run.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("model.safetensors is missing"), r.err());

        Files.copy(TrainedRun.dir().resolve("model.safetensors"), run.resolve("model.safetensors"));
        String manifest = Files.readString(run.resolve("run.json")).replace(TrainedRun.run().manifest().data().get(0), "/nowhere/reviews.csv");
        Files.writeString(run.resolve("run.json"), manifest);
        r = TrainedRun.execute(new ExplainCommand(), "--model", run.toString(), "--user", "x", "--item", "y");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("/nowhere/reviews.csv") && r.err().contains("does not exist"), r.err());
    }

    private static Set<String> lemmas(List<KeywordProfiles.Entry> entries) {
        Set<String> s = new HashSet<>();
        for (KeywordProfiles.Entry e : entries) s.add(e.lemma());
        return s;
    }
}
