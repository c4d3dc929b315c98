package dev.drex.app.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One colour per model, the same in every figure of the report: the first model seen gets the first colour, and
 * so on. The first eight are the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies);
 * past the end of the palette colours repeat.
 */
final class ModelColors {

    private static final String[] PALETTE = {
            "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#8c564b",
            "#7f7f7f", "#bcbd22", "#9467bd", "#17becf"};

    private final Map<String, String> colors = new LinkedHashMap<>();

    /** The colour of {@code model}, assigned on first request. */
    String of(String model) {
        return colors.computeIfAbsent(model, m -> PALETTE[colors.size() % PALETTE.length]);
    }
}
