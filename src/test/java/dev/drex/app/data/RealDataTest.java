package dev.drex.app.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The readers and the cleaning on the three real data sets; expected numbers come from each folder's
 * SOURCE.md (computed there by an independent Python script) or from the raw review stream.
 */
class RealDataTest {

    @Test
    void musicalInstrumentsCsvZipMatchesSourceStats() throws IOException {
        Path file = SharedData.file(SharedData.MUSICAL_INSTRUMENTS);
        IssueLog log = IssueLog.lenient();
        List<Review> raw = new ArrayList<>();
        long start = System.nanoTime();
        ReviewReader.Summary summary = ReviewReader.read(file, InputFormat.AUTO, log, raw::add);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Musical Instruments CSV zip: %d reviews read in %.3f s%n", raw.size(), seconds);
        assertEquals(InputFormat.CSV, summary.format());
        assertEquals(10_261, summary.records());
        assertEquals(10_261, summary.accepted());
        assertEquals(0, log.rejected());
        assertEquals(7, log.count(IssueKind.EMPTY_TEXT), "SOURCE.md: non-empty text 10254 of 10261");
        for (int k = 0; k < raw.size(); k++) {
            assertEquals(k + 2, raw.get(k).line(), "every record of this file sits on one line after the header");
        }
        long again = System.nanoTime();
        ReviewReader.read(file, InputFormat.AUTO, IssueLog.lenient(), r -> { });
        double warmSeconds = (System.nanoTime() - again) / 1e9;
        System.out.printf("Musical Instruments CSV zip: second read %.3f s%n", warmSeconds);
        assertTrue(seconds < 10, "reading took " + seconds + " s");

        DatasetBuilder builder = new DatasetBuilder(log);
        raw.forEach(builder::add);
        Dataset data = builder.build();
        assertEquals(0, log.count(IssueKind.DUPLICATE));
        assertEquals(10_261, data.size());
        assertEquals(1_429, data.numUsers());
        assertEquals(900, data.numItems());
        int[] histogram = new int[6];
        for (int k = 0; k < data.size(); k++) histogram[data.rating(k)]++;
        assertArrayEquals(new int[]{0, 217, 250, 772, 2084, 6938}, histogram);
        assertEquals(1_095_465_600_000L, data.timestampMillis(0));
        assertEquals(1_405_987_200_000L, data.timestampMillis(data.size() - 1));
        for (int k = 1; k < data.size(); k++) assertTrue(data.timestampMillis(k - 1) <= data.timestampMillis(k));
        int maxPerUser = 0;
        int users20 = 0;
        for (int c : data.userCounts()) {
            maxPerUser = Math.max(maxPerUser, c);
            if (c >= 20) users20++;
        }
        assertEquals(42, maxPerUser);
        assertEquals(29, users20);

        DataStats stats = DataStats.of(data, List.of(summary), log, 5, 5);
        assertEquals(90.2, stats.meanWords(), 0.05);
        assertEquals(54.0, stats.medianWords());
        assertEquals(7, stats.emptyTexts());
        assertEquals(0, stats.withoutAnyText(), "every review with an empty body has a summary");
        assertEquals(4.489, stats.meanRating(), 5e-4);

        KCoreFilter.Result relaxed = KCoreFilter.apply(data, 5, 5);
        assertEquals(10_261, relaxed.dataset().size(), "5/5 keeps every review");
        assertEquals(1, relaxed.passCount());
        KCoreFilter.Result paper = KCoreFilter.apply(data, 20, 5);
        assertEquals(new KCoreFilter.Pass(1, 748, 29, 456), paper.passes().getFirst(), "filter once");
        assertEquals(4, paper.passCount());
        assertEquals(0, paper.dataset().size(), "20/5 empties the data");
        assertEquals(0, KCoreFilter.apply(data, 10, 5).dataset().size(), "10/5 empties it too");
    }

    @Test
    void allBeautyDropsItsDuplicatesKeepingTheLatest() throws IOException {
        Path file = SharedData.file(SharedData.ALL_BEAUTY);
        IssueLog log = IssueLog.lenient();
        List<Review> raw = new ArrayList<>();
        ReviewReader.Summary summary = ReviewReader.read(file, InputFormat.AUTO, log, raw::add);
        assertEquals(InputFormat.JSON2014, summary.format());
        assertEquals(5_269, raw.size());
        assertFalse(summary.truncated());
        assertEquals(5, log.count(IssueKind.EMPTY_TEXT), "5 reviews have no reviewText");
        assertEquals(0, log.rejected());

        DatasetBuilder builder = new DatasetBuilder(log);
        raw.forEach(builder::add);
        Dataset data = builder.build();
        assertEquals(1_177, log.count(IssueKind.DUPLICATE));
        assertEquals(5_269 - 1_177, data.size());
        assertEquals(991, data.numUsers());
        assertEquals(85, data.numItems());
        // Independent rule: for each pair, the kept review is the last of the maximal timestamp in file order.
        Map<String, Review> expected = new HashMap<>();
        for (Review r : raw) {
            expected.merge(r.userId() + "\t" + r.itemId(), r, (a, b) -> b.timestampMillis() >= a.timestampMillis() ? b : a);
        }
        assertEquals(expected.size(), data.size());
        for (int k = 0; k < data.size(); k++) {
            Review want = expected.get(data.userId(data.user(k)) + "\t" + data.itemId(data.item(k)));
            assertEquals(want.where(), data.source(k));
            assertEquals(want.rating(), data.rating(k));
        }
        assertEquals(0, KCoreFilter.apply(data, 20, 5).dataset().size());
    }

    @Test
    void personaSampleMatchesSourceStats() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("training.jsonl", "validation.jsonl", "test.jsonl")) {
            files.add(SharedData.file(SharedData.PERSONA_DIR + "/" + name));
        }
        IssueLog log = IssueLog.lenient();
        List<Review> raw = new ArrayList<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Path f : files) assertEquals(InputFormat.PERSONA2023, ReviewReader.read(f, InputFormat.AUTO, log, raw::add).format());
        assertEquals(2_764, raw.size());
        assertEquals(0, log.rejected());
        assertEquals(2, log.count(IssueKind.EMPTY_TEXT), "SOURCE.md: non-empty text 2762");
        int[] histogram = new int[6];
        for (Review r : raw) {
            histogram[r.rating()]++;
            min = Math.min(min, r.timestampMillis());
            max = Math.max(max, r.timestampMillis());
        }
        assertArrayEquals(new int[]{0, 190, 114, 212, 391, 1857}, histogram);
        assertEquals(1_165_338_257_000L, min);
        assertEquals(1_678_829_977_111L, max);

        Dataset data = DatasetBuilder.load(files, InputFormat.AUTO, IssueLog.lenient());
        assertEquals(2_764 - 2, data.size(), "SOURCE.md: 2 duplicate pairs");
        assertEquals(354, data.numUsers());
        assertEquals(2_610, data.numItems());
        KCoreFilter.Result paper = KCoreFilter.apply(data, 20, 5);
        assertEquals(3, paper.passCount());
        assertEquals(0, paper.dataset().size());
    }
}
