package dev.drex.app.compare;

import java.util.List;

/**
 * What every cell of a study shares, recorded in {@code DIR/study.json}: a study directory is never reused with other
 * data or vectors (the seeds, models and grid may change between runs: cells are keyed by model, seed and point).
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
