package dev.drex.app.compare;

import java.util.Map;

/**
 * Rough CPU cost of one cell per model, for the time estimate before a model's first cell has run: CPU seconds per
 * cell measured on Musical Instruments (10,261 interactions, MiniLM vectors, default grid), scaled linearly by the
 * number of interactions. Once a model has finished a cell, the estimate uses its own measured times instead.
 */
final class CellCosts {
    /** Interactions of the dataset the costs were measured on. */
    static final int MEASURED_INTERACTIONS = 10_261;

    /** CPU seconds per cell on Musical Instruments (see {@code CompareCommand}'s --help for the measurement). */
    static final Map<String, Double> CPU_SECONDS = Map.of("global-mean", 0.1, "biased-mf", 0.3, "emf", 2.0, "dmf", 12.0, "deepconn", 83.0,
            "narre", 120.0, "pesi", 150.0, "drex", 110.0, "drex-mlp", 107.0);

    /** A model not in the table (a new adapter) is assumed to cost as much as NARRE. */
    static final double UNKNOWN = 120.0;

    private CellCosts() {
    }

    /** Estimated CPU seconds of one cell of {@code model} on {@code interactions} interactions. */
    static double cpuSeconds(String model, int interactions) {
        return CPU_SECONDS.getOrDefault(model, UNKNOWN) * interactions / MEASURED_INTERACTIONS;
    }
}
