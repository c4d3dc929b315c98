package dev.drex.app.cli;

import dev.drex.app.data.Dataset;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.run.Grid;
import dev.drex.app.run.GridPoint;
import dev.drex.app.run.RunTrainer;
import dev.drex.app.run.TuneResults;
import dev.drex.app.run.Tuner;
import dev.drex.app.run.VectorsSource;
import dev.drex.engine.kernels.Parallel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drex tune --data FILE... [--variant drex|drex-mlp] [--grid spec|small] [--seeds 1] --out DIR}. */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grid search over lr x lambda x d x dropout, chosen on VALIDATION only (the test part is never predicted).",
                "Seeds 1..n: split seed = model seed = s; a point's score is the mean over seeds. RESUMABLE: each finished point is "
                        + "saved as DIR/points/KEY.json (atomic write); rerunning the same command skips them, and a point killed half-way "
                        + "continues from its checkpoint.",
                "The spec grid has 128 points, each trained up to --epochs epochs with early stopping (no stop before epoch 10, "
                        + "patience 10: typically 11-25 epochs). Measured on Musical Instruments (8.2k train interactions, 768-wide "
                        + "vectors, d=64, window 20, one thread): 13-20 s per epoch, so one point is about 3-8 minutes and the full grid "
                        + "roughly 10 hours per seed on one core (d=128 points cost more, d=16 less). Use --grid small for a smoke test.",
                "Afterwards: ./drex train --data ... --from-tune DIR (the best point's command is printed)."})
public final class TuneCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--variant", defaultValue = "drex", description = "drex or drex-mlp (default ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--grid", defaultValue = "spec", description = "spec (128 points) or small (2x2x1x1) (default ${DEFAULT-VALUE}).")
    String grid;

    @Option(names = "--lr", split = ",", description = "Replace the grid's learning rates (comma-separated).")
    double[] lrs;
    @Option(names = "--lambda", split = ",", description = "Replace the grid's lambdas.")
    double[] lambdas;
    @Option(names = "--d", split = ",", description = "Replace the grid's widths.")
    int[] ds;
    @Option(names = "--dropout", split = ",", description = "Replace the grid's dropouts (applied to x and the MLP hidden layer).")
    float[] dropouts;

    @Option(names = "--seeds", defaultValue = "1", description = "Seeds 1..n per point (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--max-points", description = "Compute at most this many unfinished points now, then stop (rerun to continue).")
    Integer maxPoints;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Tune directory (points/, runs/, tune.json).")
    Path out;

    @Option(names = "--threads", description = "Threads for the kernels (default: all processors or -Ddrex.threads).")
    Integer threads;

    @Mixin
    TrainingOptions training;

    @Override
    public Integer call() {
        PrintStream o = System.out;
        return RunCommands.guarded(spec.commandLine().getErr(), () -> {
            if (threads != null) Parallel.setThreads(threads);
            if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1");
            if (maxPoints != null && maxPoints < 0) throw new IllegalArgumentException("--max-points must be >= 0");
            DrexConfig base = training.base(variant);
            String variantName = base.variant().cliName();
            List<GridPoint> points = Grid.named(grid).with(lrs, lambdas, ds, dropouts).points(variantName);
            Dataset data = dataOptions.load();
            ReviewVectors reviews = dataOptions.vectors(data, RunTrainer.usesReviews(base), System.out);
            TuneResults.Settings settings = new TuneResults.Settings(dataOptions.absolutePaths(), dataOptions.format.name(), dataOptions.minUser,
                    dataOptions.minItem, dataOptions.vectorsSpec(), dataOptions.randomDim, dataOptions.encoder, seeds, base);
            o.printf("grid: %d points (%s); %d interactions, %d users, %d items%n", points.size(), grid, data.size(), data.numUsers(), data.numItems());
            o.flush();
            Tuner.Outcome r;
            try {
                r = new Tuner(settings, data, reviews, out, o).run(points, maxPoints == null ? Integer.MAX_VALUE : maxPoints);
            } finally {
                VectorsSource.close(reviews);
            }
            o.printf("computed %d point(s) now; %d of %d finished%n", r.computedNow(), r.finished().size(), points.size());
            o.print(TuneResults.table(r.finished()));
            if (!r.complete()) {
                o.println("NOT COMPLETE: rerun the same command to continue with the first unfinished point.");
            }
            TuneResults.PointResult bestResult = TuneResults.best(r.finished());
            if (bestResult != null) {
                GridPoint best = bestResult.point();
                o.printf("best%s (validation, criterion %s): %s%n", r.complete() ? "" : " so far", bestResult.criterion(), best.describe());
                o.printf("train it: ./drex train --data %s --min-user %d --min-item %d --vectors %s %s --criterion %s --epochs %d --out runs/best%n",
                        dataOptions.data.stream().map(Path::toString).collect(Collectors.joining(" ")), dataOptions.minUser, dataOptions.minItem,
                        dataOptions.vectors, best.trainOptions(), training.criterion, training.epochs);
                o.printf("   or: ./drex train --data ... --from-tune %s%n", out);
            }
        });
    }
}
