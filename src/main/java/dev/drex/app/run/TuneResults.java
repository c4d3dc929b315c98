package dev.drex.app.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.train.StoppingCriterion;
import dev.drex.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The on-disk state of a grid search ({@code TUNE_DIR}): {@code tune.json} (the fixed settings, so a
 * restart with other settings is refused) and {@code points/KEY.json}, one per finished grid point,
 * each written atomically, so a killed search loses at most the point in progress.
 */
public final class TuneResults {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private TuneResults() {
    }

    /**
     * What stays fixed across the grid: the data and vectors, the seeds 1..seeds (split seed = model seed),
     * and the config whose lr, lambda, d, dropout and variant each point replaces.
     */
    public record Settings(List<String> data, String format, int minUser, int minItem, String vectors, int randomDim, String encoder,
                           int seeds, DrexConfig base) {}

    /**
     * A finished grid point: the mean over seeds of the criterion's validation score (smaller is better,
     * compared key by key) and of validation RMSE and MAE at each seed's best epoch. A point whose training
     * diverged (non-finite loss or weights) is finished too, with {@code failure} saying why and a score of
     * +infinity, so it ranks last and is not retried.
     */
    public record PointResult(GridPoint point, List<Long> seeds, List<String> splitSha256, String criterion, double[] score,
                              double validationRmse, double validationMae, List<Integer> bestEpochs, double seconds, String failure) {}

    /** Writes tune.json, or checks it equals {@code settings} when the directory already holds a search. */
    public static void begin(Path dir, Settings settings) throws IOException {
        Files.createDirectories(dir.resolve("points"));
        Path file = dir.resolve("tune.json");
        if (Files.exists(file)) {
            Settings old = JSON.readValue(Files.readString(file), Settings.class);
            if (!old.equals(settings)) {
                throw new IllegalArgumentException(dir + " holds a search with other settings:\n" + JSON.writeValueAsString(old) + "\nthis one:\n"
                        + JSON.writeValueAsString(settings) + "\nuse another --out or delete it");
            }
            return;
        }
        AtomicFiles.write(file, JSON.writeValueAsString(settings).getBytes(StandardCharsets.UTF_8));
    }

    static Path pointFile(Path dir, GridPoint p) {
        return dir.resolve("points").resolve(p.key() + ".json");
    }

    /** The finished result of {@code p}, or null. */
    public static PointResult read(Path dir, GridPoint p) throws IOException {
        Path f = pointFile(dir, p);
        if (!Files.exists(f)) return null;
        PointResult r = JSON.readValue(Files.readString(f), PointResult.class);
        if (!r.point().equals(p)) throw new IllegalStateException(f + " holds " + r.point() + ", not " + p);
        return r;
    }

    /** Writes {@code r} atomically. */
    public static void write(Path dir, PointResult r) throws IOException {
        AtomicFiles.write(pointFile(dir, r.point()), JSON.writeValueAsString(r).getBytes(StandardCharsets.UTF_8));
    }

    /** Every finished point in {@code dir}, best first (ties by key). */
    public static List<PointResult> all(Path dir) throws IOException {
        Path points = dir.resolve("points");
        if (!Files.isDirectory(points)) throw new IllegalArgumentException(dir + " is not a tune directory (no points/ inside)");
        List<PointResult> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(points)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(JSON.readValue(Files.readString(f), PointResult.class));
            }
        }
        out.sort(BEST_FIRST);
        return out;
    }

    /** The best finished point of {@code dir}. */
    public static GridPoint best(Path dir) throws IOException {
        PointResult best = best(all(dir));
        if (best == null) throw new IllegalArgumentException(dir + " has no successfully finished grid point yet");
        return best.point();
    }

    /** The first point of a best-first list that did not fail, or null. */
    public static PointResult best(List<PointResult> bestFirst) {
        return bestFirst.stream().filter(r -> r.failure() == null).findFirst().orElse(null);
    }

    /** Smaller score first (key by key), then by key. */
    public static final Comparator<PointResult> BEST_FIRST = (a, b) -> {
        if (StoppingCriterion.better(a.score(), b.score())) return -1;
        if (StoppingCriterion.better(b.score(), a.score())) return 1;
        return a.point().key().compareTo(b.point().key());
    };

    /** A plain-text table of the finished points, best first. */
    public static String table(List<PointResult> results) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-4s %-8s %-8s %-6s %-4s %-8s %-10s %-10s %-14s %s%n",
                "rank", "variant", "lr", "lambda", "d", "dropout", "val RMSE", "val MAE", "best epochs", "seconds"));
        int rank = 1;
        for (PointResult r : results) {
            GridPoint p = r.point();
            sb.append(String.format(Locale.ROOT, "%-4d %-8s %-8s %-6s %-4d %-8s %-10.4f %-10.4f %-14s %.0f%n", rank++, p.variant(),
                    GridPoint.num(p.lr()), GridPoint.num(p.lambda()), p.d(), GridPoint.num(p.dropout()), r.validationRmse(), r.validationMae(),
                    r.bestEpochs().toString(), r.seconds()));
            if (r.failure() != null) sb.append("     FAILED: ").append(r.failure()).append('\n');
        }
        return sb.toString();
    }
}
