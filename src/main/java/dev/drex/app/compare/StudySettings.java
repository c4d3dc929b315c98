package dev.drex.app.compare;

import java.util.List;

/**
 * What every cell of a study shares, recorded in {@code DIR/study.json}. A study directory is never reused with other
 * data ({@link #sameData}); the seeds, models and grid may change between runs (cells are keyed by model, seed and
 * point), and so may the vectors and word pieces when no cell that read them is reused: each cell records the inputs
 * it read ({@link #inputsOf}) and is refused when they differ.
 *
 * @param data       the review files (absolute paths), read in order as one dataset
 * @param format     their input format
 * @param minUser    k-core: minimum ratings per user
 * @param minItem    k-core: minimum ratings per item
 * @param vectors    DReX's review vectors, as {@code --vectors} spells them ({@code cache:PATH} absolute, or {@code random})
 * @param randomDim  width of the random stand-in vectors
 * @param encoder    the encoder whose cached vectors are used (recorded in DReX's run manifests)
 * @param wordPieces the BERT model directory (absolute) whose tokenizer and word-piece table DeepCoNN and NARRE read
 * @param maxEpochs  cap on every model's epochs (0: each model's own maximum), for smoke runs and tests
 */
public record StudySettings(List<String> data, String format, int minUser, int minItem, String vectors, int randomDim, String encoder,
                            String wordPieces, int maxEpochs) {
    public StudySettings {
        data = List.copyOf(data);
        if (data.isEmpty()) throw new IllegalArgumentException("a study needs at least one data file");
        if (maxEpochs < 0) throw new IllegalArgumentException("--max-epochs must be >= 0, got " + maxEpochs);
    }

    /** True when {@code other} names the same data, k-core and epoch cap (what every cell depends on). */
    public boolean sameData(StudySettings other) {
        return data.equals(other.data) && format.equals(other.format) && minUser == other.minUser && minItem == other.minItem
                && maxEpochs == other.maxEpochs;
    }

    /** The inputs beyond the data that model {@code name} reads: DReX's vectors, the text models' word pieces, else "". */
    public String inputsOf(String name) {
        if (StudyModels.needsVectors(name)) {
            return "vectors " + vectors + (vectors.equals("random") ? " (dim " + randomDim + ")" : " (encoder " + encoder + ")");
        }
        return StudyModels.needsWordPieces(name) ? "word pieces " + wordPieces : "";
    }

    /** {@code own} capped by {@link #maxEpochs} when a cap is set. */
    public int epochs(int own) {
        return maxEpochs == 0 ? own : Math.min(own, maxEpochs);
    }

    /** The dataset's name for tables: each file's name without directories and extensions, joined by "+". */
    public String datasetName() {
        return String.join("+", data.stream().map(f -> {
            String name = java.nio.file.Path.of(f).getFileName().toString();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }).toList());
    }
}
