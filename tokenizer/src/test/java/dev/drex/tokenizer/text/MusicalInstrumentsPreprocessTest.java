package dev.drex.tokenizer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end on real data: all 10,261 Musical Instruments reviews (title + text) through the
 * default pipeline. Prints wall and CPU time (first pass with an empty lemma cache and a cold JIT,
 * second pass warm; CPU time is what to compare, as the build machine is shared) and the most
 * frequent lemmas; checks invariants of every output.
 */
class MusicalInstrumentsPreprocessTest {

    @Test
    void preprocessesAllReviews() throws IOException {
        List<ReviewCsv.Review> reviews = ReviewCsv.read(ReviewCsv.sharedZip());
        assertEquals(10_261, reviews.size(), "SOURCE.md states 10,261 reviews");

        long t0 = System.nanoTime();
        WordNetDictionary.bundled();
        double loadSeconds = (System.nanoTime() - t0) * 1e-9;
        TextPreprocessor pre = new TextPreprocessor(PreprocessConfig.DEFAULTS);
        StopWords stop = StopWords.nltkEnglish();

        Map<String, Integer> counts = new HashMap<>();
        long lemmas = 0;
        int empty = 0;
        int cut = 0;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c1 = cpu.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        for (ReviewCsv.Review r : reviews) {
            List<String> out = pre.lemmas(r.title(), r.text());
            assertTrue(out.size() <= 128);
            if (out.isEmpty()) empty++;
            if (out.size() == 128) cut++;
            lemmas += out.size();
            for (String l : out) {
                if (l.isEmpty() || !l.equals(l.strip()) || WordTokenizer.isNumber(l) || stop.contains(l)) {
                    throw new AssertionError("bad lemma '" + l + "' in review '" + r.title() + "'");
                }
                counts.merge(l, 1, Integer::sum);
            }
        }
        double coldSeconds = (System.nanoTime() - t1) * 1e-9;
        double coldCpu = (cpu.getCurrentThreadCpuTime() - c1) * 1e-9;
        long c2 = cpu.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        for (ReviewCsv.Review r : reviews) pre.lemmas(r.title(), r.text());
        double warmSeconds = (System.nanoTime() - t2) * 1e-9;
        double warmCpu = (cpu.getCurrentThreadCpuTime() - c2) * 1e-9;

        List<Map.Entry<String, Integer>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15).toList();
        System.out.printf("Musical Instruments: %d reviews, %d lemmas (%.1f per review), %d distinct, %d empty, %d cut at 128%n",
                reviews.size(), lemmas, lemmas / (double) reviews.size(), counts.size(), empty, cut);
        System.out.printf("WordNet load %.3f s; pass 1 (cold JIT and cache): %.3f s wall, %.3f s CPU = %.0f reviews per CPU second;"
                        + " pass 2 (warm): %.3f s wall, %.3f s CPU = %.0f reviews per CPU second (one thread)%n",
                loadSeconds, coldSeconds, coldCpu, reviews.size() / coldCpu, warmSeconds, warmCpu, reviews.size() / warmCpu);
        System.out.println("top lemmas: " + top);

        // Inflections are merged: "strings" and "string" count as one lemma, which is near the top.
        assertFalse(counts.containsKey("strings"), "'strings' should have been lemmatized");
        assertTrue(top.stream().anyMatch(e -> e.getKey().equals("string")), "'string' should be a top lemma: " + top);
        assertTrue(top.stream().anyMatch(e -> e.getKey().equals("guitar")), "'guitar' should be a top lemma: " + top);
        // SOURCE.md: 7 reviews have empty text; their titles still give lemmas, so few outputs are empty.
        assertTrue(empty < 20, empty + " reviews gave no lemma");
        // Loose bound on CPU time (wall time depends on the machine's load): measured about 1 s.
        assertTrue(coldCpu < 10, "preprocessing took " + coldCpu + " CPU seconds (expected about 1)");
    }
}
