package dev.drex.app.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DataStatsTest {

    private static Review r(String user, String item, int rating, String text, long time) {
        return new Review(user, item, rating, "title", text, time, "mem", time);
    }

    @Test
    void countsLengthsSparsityAndJson() throws Exception {
        Dataset data = Dataset.of(List.of(
                r("u1", "a", 5, "", 1),
                r("u1", "b", 4, "two words", 2),
                r("u2", "a", 1, " three\twords\u00a0here ", 3),
                r("u2", "c", 5, "one two three four five six seven eight nine ten", 4)));
        IssueLog log = IssueLog.lenient();
        log.report(IssueKind.BAD_RATING, "f.json", 9, "'overall' is \"7\"");
        DataStats stats = DataStats.of(data, List.of(new ReviewReader.Summary("f.json", InputFormat.JSON2014, 5, 4, false)),
                log, 2, 1);
        assertEquals(4, stats.reviews());
        assertEquals(2, stats.users());
        assertEquals(3, stats.items());
        assertArrayEquals(new long[]{0, 1, 0, 0, 1, 2}, stats.ratingHistogram());
        assertEquals(3.75, stats.meanRating(), 1e-12);
        assertEquals((0 + 2 + 3 + 10) / 4.0, stats.meanWords(), 1e-12);
        assertEquals(2.5, stats.medianWords(), 1e-12);
        assertEquals(10, stats.p90Words());
        assertEquals(10, stats.maxWords());
        assertEquals(1 - 4.0 / 6.0, stats.sparsity(), 1e-12);
        assertEquals(1, stats.emptyTexts());
        assertEquals(0, stats.withoutAnyText(), "the empty body has a title");
        assertEquals(4, stats.kcore().dataset().size());

        JsonNode json = new ObjectMapper().readTree(stats.toJson());
        assertEquals(4, json.get("reviews").asInt());
        assertEquals(2, json.get("ratingHistogram").get("5").asInt());
        assertEquals(1, json.get("issues").get("BAD_RATING").asInt());
        assertEquals("f.json:9: rating not a number in 1..5: 'overall' is \"7\"", json.get("issueExamples").get(0).asText());
        assertEquals(2, json.get("kcore").get("minUser").asInt());

        String table = stats.toTable();
        assertTrue(table.contains("users                  2"), table);
        assertTrue(table.contains("f.json:9: rating not a number"), table);
    }

    @Test
    void wordsAreRunsOfNonSpace() {
        assertEquals(0, DataStats.countWords(""));
        assertEquals(0, DataStats.countWords(" \n\t "));
        assertEquals(3, DataStats.countWords("a  b\nc"));
        assertEquals(2, DataStats.countWords("don't stop!"));
    }
}
