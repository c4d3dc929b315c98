package dev.drex.app.compare;

import dev.drex.app.model.DrexConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The models {@code drex compare} knows, by command-line name, in table order. */
public final class StudyModels {
    /** Every model, in the order of the tables ({@code --models all}). */
    public static final List<String> NAMES = List.of("drex", "drex-mlp", "emf", "dmf", "deepconn", "narre", "pesi", "biased-mf", "global-mean");

    private StudyModels() {
    }

    /** Parses {@code --models}: "all", or names from {@link #NAMES} (each once); the result is in the order given. */
    public static List<String> parse(List<String> names) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String n : names) {
            String name = n.trim().toLowerCase();
            if (name.equals("all")) {
                out.addAll(NAMES);
                continue;
            }
            if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown model '" + n + "' in --models (all, or some of " + NAMES + ")");
            if (!out.add(name)) throw new IllegalArgumentException("--models lists '" + name + "' twice");
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--models names no model");
        return List.copyOf(out);
    }

    /** The adapter of {@code name} with its grid of the given size and an epoch cap (0: none). */
    public static StudyModel create(String name, StudyGrids.Size size, int maxEpochs) {
        List<StudyPoint> grid = StudyGrids.of(name, size);
        return switch (name) {
            case "drex" -> new DrexStudyModel(DrexConfig.Variant.DREX, grid, maxEpochs);
            case "drex-mlp" -> new DrexStudyModel(DrexConfig.Variant.DREX_MLP, grid, maxEpochs);
            case "emf" -> new EmfStudyModel(grid, maxEpochs);
            case "dmf" -> new DmfStudyModel(grid, maxEpochs);
            case "deepconn" -> new DeepConnStudyModel(grid, maxEpochs);
            case "narre" -> new NarreStudyModel(grid, maxEpochs);
            case "pesi" -> new PesiStudyModel(grid, maxEpochs);
            case "biased-mf" -> new BiasedMfStudyModel(grid, maxEpochs);
            case "global-mean" -> new GlobalMeanStudyModel();
            default -> throw new IllegalArgumentException("unknown model '" + name + "' (" + NAMES + ")");
        };
    }

    /** The adapters of {@code names}, in that order. */
    public static List<StudyModel> create(List<String> names, StudyGrids.Size size, int maxEpochs) {
        List<StudyModel> out = new ArrayList<>();
        for (String n : names) out.add(create(n, size, maxEpochs));
        return out;
    }

    /** True when {@code name} reads DReX's review vectors. */
    public static boolean needsVectors(String name) {
        return name.equals("drex") || name.equals("drex-mlp");
    }

    /** True when {@code name} reads word pieces (DeepCoNN, NARRE, PESI). */
    public static boolean needsWordPieces(String name) {
        return name.equals("deepconn") || name.equals("narre") || name.equals("pesi");
    }
}
