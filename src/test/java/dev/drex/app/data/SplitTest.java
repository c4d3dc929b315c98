package dev.drex.app.data;

import dev.drex.app.data.Split.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class SplitTest {

    @TempDir
    Path dir;

    private static Review r(String user, String item, long time) {
        return new Review(user, item, 4, "", "t", time, "mem", time);
    }

    private static Dataset musicalInstruments() throws IOException {
        return DatasetBuilder.load(List.of(SharedData.file(SharedData.MUSICAL_INSTRUMENTS)), InputFormat.AUTO, IssueLog.lenient());
    }

    @Test
    void moveToTrainIsOnePassOverTheInitialTrainPart() {
        Dataset data = Dataset.of(List.of(r("A", "X", 1), r("A", "Y", 2), r("B", "X", 3), r("B", "Y", 4), r("C", "Y", 5)));
        Part[] parts = {Part.TEST, Part.TRAIN, Part.VALIDATION, Part.TRAIN, Part.TEST};
        Split split = Splitter.moveUnseenToTrain(data, parts);
        // X is in no initial train interaction: both (A,X) and (B,X) move, even though moving (A,X) puts X in train.
        // C is in no initial train interaction: (C,Y) moves.
        assertEquals(3, split.movedToTrain());
        assertEquals(5, split.count(Part.TRAIN));
    }

    @Test
    void randomSplitOnRealData() throws IOException {
        Dataset data = musicalInstruments();
        Split split = Splitter.random(data, 42);
        int n = data.size();
        assertEquals(n, split.count(Part.TRAIN) + split.count(Part.VALIDATION) + split.count(Part.TEST));
        assertEquals(Math.round(0.8 * n) + split.movedToTrain(), split.count(Part.TRAIN));
        assertEquals(Math.round(0.1 * n) + Math.round(0.1 * n) - split.movedToTrain(),
                split.count(Part.VALIDATION) + split.count(Part.TEST));
        assertTrue(split.count(Part.VALIDATION) > 0.09 * n && split.count(Part.TEST) > 0.09 * n);
        assertEveryEvaluatedUserAndItemIsInTrain(data, split);
        assertEquals(split.sha256(), Splitter.random(data, 42).sha256(), "same seed, same split");
        assertNotEquals(split.sha256(), Splitter.random(data, 43).sha256(), "other seed, other split");
        Split custom = Splitter.random(data, 0.6, 0.2, 1);
        assertEquals(Math.round(0.6 * n) + custom.movedToTrain(), custom.count(Part.TRAIN));
    }

    private static void assertEveryEvaluatedUserAndItemIsInTrain(Dataset data, Split split) {
        boolean[] trainUser = new boolean[data.numUsers()];
        boolean[] trainItem = new boolean[data.numItems()];
        for (int k : split.train()) {
            trainUser[data.user(k)] = true;
            trainItem[data.item(k)] = true;
        }
        for (int k : split.validation()) assertTrue(trainUser[data.user(k)] && trainItem[data.item(k)]);
        for (int k : split.test()) assertTrue(trainUser[data.user(k)] && trainItem[data.item(k)]);
    }

    @Test
    void temporalSplitLeavesTheLastOut() {
        List<Review> reviews = new ArrayList<>();
        reviews.add(r("one", "X", 1));                                               // 1 interaction: train
        reviews.add(r("two", "X", 2));
        reviews.add(r("two", "Y", 3));                                               // last of two: test
        for (int k = 0; k < 4; k++) reviews.add(r("four", List.of("X", "Y", "Z", "W").get(k), 10 + k));
        reviews.add(r("tie", "X", 20));
        reviews.add(r("tie", "Y", 21));
        reviews.add(r("tie", "Z", 21));                                              // same time, read later: last
        reviews.add(r("base", "Z", 0));                                              // puts Z in train
        reviews.add(r("base", "X", 30));
        reviews.add(r("base", "Y", 31));
        Dataset data = Dataset.of(reviews);
        Split split = Splitter.temporal(data);
        assertEquals(Part.TRAIN, partOf(data, split, "one", "X"));
        assertEquals(Part.TRAIN, partOf(data, split, "two", "X"));
        assertEquals(Part.TEST, partOf(data, split, "two", "Y"));
        assertEquals(Part.TRAIN, partOf(data, split, "four", "Y"));
        assertEquals(Part.VALIDATION, partOf(data, split, "four", "Z"));
        // W appears only as four's last interaction: never in train, so it moves to train.
        assertEquals(Part.TRAIN, partOf(data, split, "four", "W"));
        assertEquals(Part.VALIDATION, partOf(data, split, "tie", "Y"));
        assertEquals(Part.TEST, partOf(data, split, "tie", "Z"));
        assertEquals(Part.TRAIN, partOf(data, split, "base", "Z"));
        assertEquals(Part.VALIDATION, partOf(data, split, "base", "X"));
        assertEquals(Part.TEST, partOf(data, split, "base", "Y"));
        assertEquals(1, split.movedToTrain());
    }

    private static Part partOf(Dataset data, Split split, String user, String item) {
        return split.part(data.find(data.userIndex(user), data.itemIndex(item)));
    }

    @Test
    void savedSplitRoundTripsAndItsHashIsOfTheCanonicalRows() throws Exception {
        Dataset data = musicalInstruments();
        Split split = Splitter.random(data, 7);
        Path file = dir.resolve("splits/mi.split.tsv");
        String hash = SplitFile.save(split, file);
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary file left behind");
        }
        List<String> lines = Files.readAllLines(file);
        String body = String.join("\n", lines.subList(4, lines.size())) + "\n";
        String independent = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(independent, hash);
        assertEquals(hash, SplitFile.recordedHash(file));
        assertEquals(data.size() + 4, lines.size());

        Split loaded = SplitFile.load(file, data);
        assertEquals(hash, loaded.sha256());
        assertEquals(split.movedToTrain(), loaded.movedToTrain());
        for (int k = 0; k < data.size(); k++) assertEquals(split.part(k), loaded.part(k));
    }

    @Test
    void loadingChecksTheDataAndTheHash() throws IOException {
        Dataset data = Dataset.of(List.of(r("A", "X", 1), r("A", "Y", 2), r("B", "X", 3), r("B", "Y", 4)));
        Path file = dir.resolve("s.tsv");
        SplitFile.save(Splitter.random(data, 0.5, 0.25, 3), file);

        Dataset fewer = Dataset.of(List.of(r("A", "X", 1), r("A", "Y", 2), r("B", "X", 3)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> SplitFile.load(file, fewer));
        assertTrue(e.getMessage().startsWith(file + ":") && e.getMessage().contains("never rated item 'Y'"), e.getMessage());

        Dataset more = Dataset.of(List.of(r("A", "X", 1), r("A", "Y", 2), r("B", "X", 3), r("B", "Y", 4), r("C", "X", 5)));
        e = assertThrows(DataFormatException.class, () -> SplitFile.load(file, more));
        assertTrue(e.getMessage().contains("does not cover") && e.getMessage().contains("(C, X)"), e.getMessage());

        Dataset otherUser = Dataset.of(List.of(r("A", "X", 1), r("A", "Y", 2), r("Z", "X", 3), r("Z", "Y", 4)));
        e = assertThrows(DataFormatException.class, () -> SplitFile.load(file, otherUser));
        assertTrue(e.getMessage().contains("user 'B' is not in the data"), e.getMessage());

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String last = lines.getLast();
        lines.set(lines.size() - 1, last.endsWith("train") ? last.replace("train", "test") : last.replaceAll("(validation|test)$", "train"));
        Files.write(file, lines);
        e = assertThrows(DataFormatException.class, () -> SplitFile.load(file, data));
        assertTrue(e.getMessage().contains("edited or corrupt"), e.getMessage());
    }

    @Test
    void canonicalTextDoesNotDependOnReadingOrder() {
        List<Review> reviews = List.of(r("A", "X", 1), r("B", "Y", 1), r("A", "Y", 2), r("B", "X", 3));
        Dataset forward = Dataset.of(reviews);
        Dataset backward = Dataset.of(reviews.reversed());
        Part[] forwardParts = new Part[4];
        Part[] backwardParts = new Part[4];
        Part[] byPair = {Part.TRAIN, Part.TEST, Part.TRAIN, Part.VALIDATION};
        for (int j = 0; j < 4; j++) {
            Review review = reviews.get(j);
            forwardParts[forward.find(forward.userIndex(review.userId()), forward.itemIndex(review.itemId()))] = byPair[j];
            backwardParts[backward.find(backward.userIndex(review.userId()), backward.itemIndex(review.itemId()))] = byPair[j];
        }
        assertEquals(new Split(forward, forwardParts, 0).sha256(), new Split(backward, backwardParts, 0).sha256());
        assertEquals("A\tX\ttrain\nA\tY\ttrain\nB\tX\tvalidation\nB\tY\ttest\n", new Split(forward, forwardParts, 0).canonicalText());
    }
}
