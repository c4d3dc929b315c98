package dev.drex.app.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The axes of a hyper-parameter grid and its points in a fixed order (lr outermost, then lambda, d,
 * dropout), so a resumed search walks the same sequence.
 */
public record Grid(double[] lr, double[] lambda, int[] d, float[] dropout) {

    /** The spec's grid: lr {1e-4,1e-3,1e-2,1e-1} x lambda {1e-4,1e-3,1e-2,1e-1} x d {16,32,64,128} x dropout {0,0.2}: 128 points. */
    public static Grid spec() {
        return new Grid(new double[] {1e-4, 1e-3, 1e-2, 1e-1}, new double[] {1e-4, 1e-3, 1e-2, 1e-1}, new int[] {16, 32, 64, 128},
                new float[] {0f, 0.2f});
    }

    /** A 2 x 2 x 1 x 1 grid for tests and smoke runs: lr {1e-3,1e-2} x lambda {1e-3,1e-2} x d {16} x dropout {0}. */
    public static Grid small() {
        return new Grid(new double[] {1e-3, 1e-2}, new double[] {1e-3, 1e-2}, new int[] {16}, new float[] {0f});
    }

    /** "spec" or "small". */
    public static Grid named(String name) {
        return switch (name) {
            case "spec" -> spec();
            case "small" -> small();
            default -> throw new IllegalArgumentException("--grid must be spec or small, got '" + name + "'");
        };
    }

    /** This grid with any non-null axis replaced. */
    public Grid with(double[] lrs, double[] lambdas, int[] ds, float[] dropouts) {
        return new Grid(lrs != null ? lrs : lr, lambdas != null ? lambdas : lambda, ds != null ? ds : d, dropouts != null ? dropouts : dropout);
    }

    public Grid {
        if (lr.length == 0 || lambda.length == 0 || d.length == 0 || dropout.length == 0) throw new IllegalArgumentException("every grid axis needs a value");
    }

    /** Every point for {@code variant}, lr outermost. */
    public List<GridPoint> points(String variant) {
        List<GridPoint> out = new ArrayList<>();
        for (double l : lr) for (double la : lambda) for (int w : d) for (float p : dropout) out.add(new GridPoint(variant, l, la, w, p));
        return out;
    }
}
