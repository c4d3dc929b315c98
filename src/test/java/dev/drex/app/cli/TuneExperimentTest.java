package dev.drex.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.eval.ResultsJson;
import dev.drex.app.eval.SeedAggregate;
import dev.drex.app.run.Grid;
import dev.drex.app.run.GridPoint;
import dev.drex.app.run.TuneResults;
import dev.drex.app.train.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tune (resumable, validation only), experiment (resumable per variant and seed), and train --criterion mae-ndcg / --from-tune. */
class TuneExperimentTest {

    private static final String[] SMALL = {"--vectors", "random", "--random-dim", "8", "--window", "5", "--epochs", "1"};

    private static String[] args(String[] head, String... tail) {
        return Stream.concat(Stream.concat(Stream.of("--data", TrainedRun.data()), Stream.of(SMALL)), Stream.concat(Stream.of(head), Stream.of(tail)))
                .toArray(String[]::new);
    }

    @Test
    void theSpecGridHas128PointsInAFixedOrder() {
        List<GridPoint> points = Grid.spec().points("drex");
        assertEquals(128, points.size());
        assertEquals(128, points.stream().map(GridPoint::key).distinct().count());
        assertEquals(new GridPoint("drex", 1e-4, 1e-4, 16, 0f), points.get(0));
        assertEquals(new GridPoint("drex", 1e-1, 1e-1, 128, 0.2f), points.get(127));
        assertEquals("drex_lr0.001_lambda0.01_d64_dropout0.2", new GridPoint("drex", 1e-3, 1e-2, 64, 0.2f).key());
    }

    @Test
    void tuneResumesAtTheFirstUnfinishedPoint(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("tune");
        String[] grid = {"--grid", "small", "--lambda", "0.001", "--d", "8", "--out", out.toString()};
        TrainedRun.Result first = TrainedRun.execute(new TuneCommand(), args(grid, "--max-points", "1"));
        assertEquals(0, first.code(), first.all());
        assertTrue(first.out().contains("computed 1 point(s) now; 1 of 2 finished"), first.out());
        assertTrue(first.out().contains("NOT COMPLETE"), first.out());
        Path done = out.resolve("points").resolve("drex_lr0.001_lambda0.001_d8_dropout0.json");
        assertTrue(Files.exists(done), "the first grid point is saved");
        FileTime stamp = Files.getLastModifiedTime(done);
        String content = Files.readString(done);

        TrainedRun.Result second = TrainedRun.execute(new TuneCommand(), args(grid));
        assertEquals(0, second.code(), second.all());
        assertTrue(second.out().contains("computed 1 point(s) now; 2 of 2 finished"), second.out());
        assertFalse(second.out().contains("point 1/2"), "the finished point was trained again:\n" + second.out());
        assertTrue(second.out().contains("point 2/2: variant drex, lr 0.01"), second.out());
        assertEquals(stamp, Files.getLastModifiedTime(done));
        assertEquals(content, Files.readString(done));

        List<TuneResults.PointResult> all = TuneResults.all(out);
        assertEquals(2, all.size());
        assertTrue(all.get(0).validationRmse() <= all.get(1).validationRmse(), "best first by validation RMSE");
        assertEquals(all.get(0).validationRmse(), all.get(0).score()[0], 1e-12, "the rmse criterion's score is the validation RMSE");
        assertTrue(second.out().contains("train it: ./drex train --data") && second.out().contains(all.get(0).point().trainOptions()), second.out());

        // the same directory with other fixed settings is refused
        TrainedRun.Result other = TrainedRun.execute(new TuneCommand(), args(grid, "--patience", "3"));
        assertEquals(1, other.code());
        assertTrue(other.err().contains("holds a search with other settings"), other.err());

        // train --from-tune takes the best point
        Path run = dir.resolve("run");
        TrainedRun.Result t = TrainedRun.execute(new TrainCommand(), args(new String[] {"--from-tune", out.toString(), "--out", run.toString()}));
        assertEquals(0, t.code(), t.all());
        var config = dev.drex.app.model.DrexConfig.fromJson(Files.readString(run.resolve("config.json")));
        assertEquals(all.get(0).point().lr(), config.learningRate());
        assertEquals(8, config.d());
        // same data, seed 1, same point: the tune's validation RMSE is reproduced
        assertTrue(t.out().contains(String.format(java.util.Locale.ROOT, "[%s]", all.get(0).score()[0])), t.out());
    }

    @Test
    void maeNdcgCriterionTrainsAndRecordsBothKeys(@TempDir Path dir) throws Exception {
        TrainedRun.Result r = TrainedRun.execute(new TrainCommand(), args(new String[] {"--d", "8", "--criterion", "mae-ndcg", "--out", dir.toString()}));
        assertEquals(0, r.code(), r.all());
        Checkpoint.State s = Checkpoint.readState(dir.resolve("checkpoint"));
        assertEquals("mae,ndcg@10", s.criterion());
        assertEquals(2, s.bestScore().length);
        assertEquals(s.history().get(0).validationMae(), s.bestScore()[0], 1e-12);
        double ndcg = -s.bestScore()[1];
        assertTrue(ndcg > 0.5 && ndcg <= 1, "validation NDCG@10 " + ndcg);
    }

    @Test
    void experimentAggregatesSeedsWithTheFloorsAndResumes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("exp");
        String[] head = {"--seeds", "1", "--variant", "drex", "--d", "8", "--out", out.toString()};
        TrainedRun.Result r = TrainedRun.execute(new ExperimentCommand(), args(head));
        assertEquals(0, r.code(), r.all());
        List<SeedAggregate> a = ResultsJson.read(out.resolve("results.json"));
        assertEquals(List.of("global mean", "biased MF", "DReX"), a.stream().map(SeedAggregate::model).toList());
        for (SeedAggregate s : a) assertEquals(1L, s.runs().get(0).seed());
        assertEquals(a.get(0).runs().get(0).splitSha256(), a.get(2).runs().get(0).splitSha256(), "floors on the model's split");
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("| global mean") && md.contains("| DReX"), md);

        // rerun: nothing is trained again, the same numbers come back
        TrainedRun.Result again = TrainedRun.execute(new ExperimentCommand(), args(head));
        assertEquals(0, again.code(), again.all());
        assertFalse(again.out().contains("seed 1: drex"), again.out());
        assertFalse(again.out().contains("seed 1: floors"), again.out());
        List<SeedAggregate> b = ResultsJson.read(out.resolve("results.json"));
        assertArrayEquals(new double[] {a.get(2).runs().get(0).rmse()}, new double[] {b.get(2).runs().get(0).rmse()});
    }
}
