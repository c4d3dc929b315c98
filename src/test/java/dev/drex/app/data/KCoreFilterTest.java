package dev.drex.app.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class KCoreFilterTest {

    private static Review r(String user, String item, long time) {
        return new Review(user, item, 3, "", "text", time, "mem", time);
    }

    @Test
    void removalCascadesToAFixPoint() {
        // u1..u3 rate a, b (a 2-core); u4 rates a and c; c has one rating.
        List<Review> reviews = new ArrayList<>();
        long t = 0;
        for (String u : List.of("u1", "u2", "u3")) for (String i : List.of("a", "b")) reviews.add(r(u, i, t++));
        reviews.add(r("u4", "a", t++));
        reviews.add(r("u4", "c", t++));
        Dataset data = Dataset.of(reviews);
        KCoreFilter.Result result = KCoreFilter.apply(data, 2, 2);
        // Pass 1 removes (u4, c) only (c has 1 rating); pass 2 removes (u4, a) (u4 now has 1); pass 3 removes nothing.
        assertEquals(List.of(new KCoreFilter.Pass(1, 7, 4, 2), new KCoreFilter.Pass(2, 6, 3, 2),
                new KCoreFilter.Pass(3, 6, 3, 2)), result.passes());
        Dataset kept = result.dataset();
        assertEquals(3, kept.numUsers());
        assertEquals(2, kept.numItems());
        assertEquals(-1, kept.userIndex("u4"));
        for (int c : kept.userCounts()) assertTrue(c >= 2);
        for (int c : kept.itemCounts()) assertTrue(c >= 2);
        for (int k = 1; k < kept.size(); k++) assertTrue(kept.timestampMillis(k - 1) <= kept.timestampMillis(k));
    }

    @Test
    void thresholdsOfOneKeepEverything() {
        Dataset data = Dataset.of(List.of(r("u", "i", 1), r("v", "j", 2)));
        KCoreFilter.Result result = KCoreFilter.apply(data, 1, 1);
        assertEquals(2, result.dataset().size());
        assertEquals(1, result.passCount());
    }
}
