package dev.drex.app.compare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One point of a model's study grid: the hyperparameters the study tunes. A {@code null} field is a parameter the
 * model does not have (DeepCoNN has no lambda, the global mean has none at all); what each one means for each model
 * is stated in {@link StudyGrids}.
 *
 * @param lr      Adam learning rate
 * @param lambda  the model's L2 / penalty coefficient
 * @param d       latent width
 * @param dropout dropout probability
 */
public record StudyPoint(Double lr, Double lambda, Integer d, Float dropout) {

    /** The point of a model without hyperparameters (the global mean). */
    public static final StudyPoint NONE = new StudyPoint(null, null, null, null);

    /** A file-name-safe key, the present parameters in a fixed order: {@code lr0.001_lambda0.01_d64_dropout0.2}, or {@code default}. */
    @JsonIgnore
    public String key() {
        return parameters().isEmpty() ? "default" : join("", "_");
    }

    /** {@code lr=0.001 lambda=0.01 d=64 dropout=0.2} (only the present parameters), or {@code no hyperparameters}. */
    @JsonIgnore
    public String describe() {
        return parameters().isEmpty() ? "no hyperparameters" : join("=", " ");
    }

    private String join(String equals, String separator) {
        List<String> parts = new ArrayList<>();
        for (String name : parameters()) {
            String v = name.equals("d") ? Integer.toString(d) : name.equals("dropout") ? num(dropout) : num(value(name));
            parts.add(name + equals + v);
        }
        return String.join(separator, parts);
    }

    /** The names of the present parameters, in the order lr, lambda, d, dropout. */
    @JsonIgnore
    public List<String> parameters() {
        List<String> out = new ArrayList<>();
        if (lr != null) out.add("lr");
        if (lambda != null) out.add("lambda");
        if (d != null) out.add("d");
        if (dropout != null) out.add("dropout");
        return out;
    }

    /** The value of parameter {@code name} ("lr", "lambda", "d", "dropout") as a double, or null when absent. */
    public Double value(String name) {
        return switch (name) {
            case "lr" -> lr;
            case "lambda" -> lambda;
            case "d" -> d == null ? null : d.doubleValue();
            case "dropout" -> dropout == null ? null : Double.parseDouble(Float.toString(dropout));
            default -> throw new IllegalArgumentException("unknown study parameter '" + name + "' (lr, lambda, d or dropout)");
        };
    }

    /** This point with one parameter replaced (used to build the grids). */
    StudyPoint with(String name, double v) {
        return switch (name) {
            case "lr" -> new StudyPoint(v, lambda, d, dropout);
            case "lambda" -> new StudyPoint(lr, v, d, dropout);
            case "d" -> new StudyPoint(lr, lambda, (int) v, dropout);
            case "dropout" -> new StudyPoint(lr, lambda, d, (float) v);
            default -> throw new IllegalArgumentException("unknown study parameter '" + name + "'");
        };
    }

    /** The required value of {@code name} for a model that has it. */
    double require(String name) {
        Double v = value(name);
        if (v == null) throw new IllegalArgumentException("grid point " + this + " lacks '" + name + "'");
        return v;
    }

    /** Shortest plain decimal: 0.001 -> "0.001", 2.0 -> "2". */
    static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A float as the decimal it was written as (0.2f -> "0.2"). */
    static String num(float v) {
        return num(Double.parseDouble(Float.toString(v)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StudyPoint[%s]", key());
    }
}
