package dev.drex.app.compare;

import dev.drex.app.run.Grid;
import dev.drex.app.run.GridPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The hyperparameter grid of every model of {@code drex compare}, in one place. Each grid is a STAR around a
 * centre (the model's documented default): the centre first, then one parameter moved at a time. A star costs one
 * cell per value instead of the product of the axes, and still shows how validation RMSE responds to each of lr,
 * lambda and d (the report's sensitivity figures). The configuration is chosen on the VALIDATION part of seed 1's
 * split (lowest validation RMSE; DMF: lowest validation cross-entropy, its own stopping criterion; ties go to the
 * earlier point), then trained on seeds 1..n.
 *
 * <p>{@code default} grid (what each parameter means for the model in brackets):
 * <pre>
 * model        centre                                   moved one at a time                 points
 * drex         lr 1e-3, lambda 1e-3, d 64, dropout 0     lr 1e-2 | lambda 1e-2 | d 32         4   (all in the spec grid)
 * drex-mlp     same as drex                                                                   4
 * emf          lr 1e-2, lambda 2 [beta, L2], d 64        lambda 1, 5 | d 32                   4
 * dmf          lr 1e-4, d 64 [tower output]              lr 1e-3 | d 32                       3   (no L2, no dropout)
 * deepconn     lr 2e-3, d 32, dropout 0.5                lr 1e-3 | d 64 | dropout 0.2         4   (no L2)
 * narre        lr 2e-3, d 32, dropout 0.5                lr 1e-3 | d 64 | dropout 0.2         4   (no L2)
 * pesi         lr 1e-3, lambda 1e-2, d 32, dropout 0.5    lr 2e-3 | lambda 1e-1                3
 * biased-mf    lr 1e-2, lambda 1, d 16                   lambda 0.1, 3 | d 64                 4
 * global-mean  (nothing to tune)                                                              1
 * </pre>
 * {@code small} grid (tests and smoke runs): two points per model, the centre at a small width and the centre with
 * the learning rate moved ({@code drex}: lr 1e-3 and 1e-2, lambda 1e-3, d 16, dropout 0, a subset of
 * {@link Grid#small()}); global mean one point.
 *
 * <p>Every DReX point lies in the spec grid ({@link Grid#spec()}); {@code StudyGridsTest} checks it.
 */
public final class StudyGrids {

    /** The two grid sizes. */
    public enum Size {
        SMALL, DEFAULT;

        /** "small" or "default". */
        public static Size parse(String s) {
            return switch (s.toLowerCase()) {
                case "small" -> SMALL;
                case "default" -> DEFAULT;
                default -> throw new IllegalArgumentException("--grid must be small or default, got '" + s + "'");
            };
        }
    }

    private StudyGrids() {
    }

    /** The grid points of model {@code name} (a {@link StudyModels#NAMES} entry), centre first. */
    public static List<StudyPoint> of(String name, Size size) {
        boolean small = size == Size.SMALL;
        return switch (name) {
            case "drex", "drex-mlp" -> small
                    ? star(new StudyPoint(1e-3, 1e-3, 16, 0f), "lr", 1e-2)
                    : star(new StudyPoint(1e-3, 1e-3, 64, 0f), "lr", 1e-2, "lambda", 1e-2, "d", 32);
            case "emf" -> small
                    ? star(new StudyPoint(1e-2, 2.0, 8, null), "lr", 1e-3)
                    : star(new StudyPoint(1e-2, 2.0, 64, null), "lambda", 1, "lambda", 5, "d", 32);
            case "dmf" -> small
                    ? star(new StudyPoint(1e-4, null, 8, null), "lr", 1e-3)
                    : star(new StudyPoint(1e-4, null, 64, null), "lr", 1e-3, "d", 32);
            case "deepconn", "narre" -> small
                    ? star(new StudyPoint(2e-3, null, 8, 0.5f), "lr", 1e-3)
                    : star(new StudyPoint(2e-3, null, 32, 0.5f), "lr", 1e-3, "d", 64, "dropout", 0.2);
            case "pesi" -> small
                    ? star(new StudyPoint(1e-3, 1e-2, 8, 0.5f), "lr", 2e-3)
                    : star(new StudyPoint(1e-3, 1e-2, 32, 0.5f), "lr", 2e-3, "lambda", 1e-1);
            case "biased-mf" -> small
                    ? star(new StudyPoint(1e-2, 1.0, 8, null), "lr", 1e-3)
                    : star(new StudyPoint(1e-2, 1.0, 16, null), "lambda", 0.1, "lambda", 3, "d", 64);
            case "global-mean" -> List.of(StudyPoint.NONE);
            default -> throw new IllegalArgumentException("no grid for model '" + name + "'");
        };
    }

    /** {@code centre}, then for each (parameter, value) pair the centre with that one parameter changed. */
    static List<StudyPoint> star(StudyPoint centre, Object... moves) {
        List<StudyPoint> out = new ArrayList<>(List.of(centre));
        for (int j = 0; j < moves.length; j += 2) out.add(centre.with((String) moves[j], ((Number) moves[j + 1]).doubleValue()));
        if (out.stream().distinct().count() != out.size()) throw new IllegalStateException("grid with a repeated point: " + out);
        return List.copyOf(out);
    }

    /** True when every point is a point of the spec grid for DReX ({@link Grid#spec()}). */
    public static boolean inSpecGrid(List<StudyPoint> points) {
        List<GridPoint> spec = Grid.spec().points("drex");
        for (StudyPoint p : points) {
            if (p.lr() == null || p.lambda() == null || p.d() == null || p.dropout() == null) return false;
            if (!spec.contains(new GridPoint("drex", p.lr(), p.lambda(), p.d(), p.dropout()))) return false;
        }
        return true;
    }

    /**
     * One line per model, for {@code --help}: {@code drex  lr=0.001 lambda=0.001 d=64 dropout=0, then lr=0.01 | lambda=0.01 | d=32 (4 points)}:
     * the centre, then each other point as the one parameter it moves.
     */
    public static List<String> help(Size size) {
        List<String> out = new ArrayList<>();
        for (String name : StudyModels.NAMES) {
            List<StudyPoint> points = of(name, size);
            StudyPoint centre = points.getFirst();
            List<String> moves = new ArrayList<>();
            for (StudyPoint p : points.subList(1, points.size())) {
                for (String parameter : centre.parameters()) {
                    if (!centre.value(parameter).equals(p.value(parameter))) moves.add(parameter + "=" + StudyPoint.num(p.value(parameter)));
                }
            }
            out.add(String.format(java.util.Locale.ROOT, "%-12s %s%s (%d point%s)", name, centre.describe(),
                    moves.isEmpty() ? "" : ", then " + String.join(" | ", moves), points.size(), points.size() == 1 ? "" : "s"));
        }
        return out;
    }
}
