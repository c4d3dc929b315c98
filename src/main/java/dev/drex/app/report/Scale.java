package dev.drex.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps data values to pixels along one axis: linear, or logarithmic (base 10) for hyperparameters such as the
 * learning rate. {@code [lo, hi]} is the data interval shown, {@code [from, to]} its pixel interval (to < from
 * for a y axis, whose pixels grow downwards).
 */
record Scale(double lo, double hi, double from, double to, boolean log) {

    Scale {
        if (!(hi > lo)) throw new IllegalArgumentException("empty scale interval [" + lo + ", " + hi + "]");
        if (log && lo <= 0) throw new IllegalArgumentException("a log scale needs positive values, got " + lo);
    }

    /**
     * A linear scale covering [min, max] of the data, widened to round tick values. A single value (min == max)
     * gets a small interval around it.
     */
    static Scale linearCovering(double min, double max, double from, double to) {
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / 5);
        return new Scale(Math.floor(min / step) * step, Math.ceil(max / step) * step, from, to, false);
    }

    /** A log scale covering [min, max] (both > 0) with a margin of a tenth of the span on each side. */
    static Scale logCovering(double min, double max, double from, double to) {
        double a = Math.log10(min), b = Math.log10(max);
        double margin = b > a ? (b - a) * 0.1 : 0.5;
        return new Scale(Math.pow(10, a - margin), Math.pow(10, b + margin), from, to, true);
    }

    /** The pixel coordinate of {@code value}. */
    double map(double value) {
        double t = log ? (Math.log10(value) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
                       : (value - lo) / (hi - lo);
        return from + t * (to - from);
    }

    /** Round tick values inside [lo, hi]: multiples of a 1-2-2.5-5 step (linear) or powers of ten (log). */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (int e = (int) Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++)
                ticks.add(Math.pow(10, e));
            return ticks;
        }
        double step = niceStep((hi - lo) / 5);
        for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) ticks.add(i * step);
        return ticks;
    }

    /** A short label for a tick value: "1e-3" for small or large powers, else as few decimals as the step needs. */
    String label(double value) {
        if (value == 0) return "0";
        double magnitude = Math.abs(value);
        if (log || magnitude < 1e-2 || magnitude >= 1e5) {
            double exponent = Math.log10(magnitude);
            if (Math.abs(exponent - Math.round(exponent)) < 1e-9 && (magnitude < 1e-2 || magnitude >= 1e5))
                return (value < 0 ? "-" : "") + "1e" + Math.round(exponent);
            if (magnitude < 1e-2 || magnitude >= 1e5) return String.format(Locale.ROOT, "%.1e", value);
        }
        String s = String.format(Locale.ROOT, "%.4f", value);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is >= {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) throw new IllegalArgumentException("tick step must be > 0, got " + rough);
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * power >= rough * (1 - 1e-12)) return m * power;
        return 10 * power;
    }
}
