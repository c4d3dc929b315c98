package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.SplitFile;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.model.DrexInputs;
import dev.drex.app.model.DrexModel;
import dev.drex.engine.nn.ParameterIO;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained run directory loaded back (written by {@link RunTrainer}): the config, the dataset rebuilt from
 * the recorded files, format and k-core, the split (its hash checked against split.tsv's rows, the manifest
 * and the model file), the review vectors from the recorded source, and the model with its best weights.
 */
public record Run(Path dir, DrexConfig config, RunManifest manifest, Dataset data, Split split, ReviewVectors reviews, DrexModel model)
        implements AutoCloseable {

    /** The weights file inside a run directory. */
    public static final String MODEL_FILE = "model.safetensors";

    /** Loads {@code dir}; every missing file or mismatch is an error naming it. */
    public static Run load(Path dir, PrintStream log) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("run directory " + dir + " does not exist");
        DrexConfig config;
        Path configFile = dir.resolve("config.json");
        try {
            config = DrexConfig.fromJson(Files.readString(configFile));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(configFile + " is missing: " + dir + " is not a run directory written by ./drex train");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configFile + ": " + e.getMessage());
        }
        Path modelFile = dir.resolve(MODEL_FILE);
        if (!Files.exists(modelFile)) {
            throw new IllegalArgumentException(modelFile + " is missing: the run has not finished training"
                    + (Files.exists(dir.resolve("checkpoint")) ? " (continue it with ./drex train ... --out " + dir + " --resume)" : ""));
        }
        RunManifest manifest = RunManifest.read(dir);
        for (Path f : manifest.dataPaths()) {
            if (!Files.isRegularFile(f)) throw new IllegalArgumentException("the run's data file " + f + " (recorded in " + dir.resolve(RunManifest.FILE) + ") does not exist");
        }
        Dataset data = RunData.load(manifest.dataPaths(), manifest.inputFormat(), manifest.minUser(), manifest.minItem());
        Path splitFile = dir.resolve("split.tsv");
        if (!Files.exists(splitFile)) throw new IllegalArgumentException(splitFile + " is missing");
        Split split = SplitFile.load(splitFile, data);
        if (!split.sha256().equals(manifest.splitSha256())) {
            throw new IllegalArgumentException(splitFile + " has split " + split.sha256() + " but " + RunManifest.FILE + " records " + manifest.splitSha256());
        }
        ReviewVectors reviews = manifest.vectors().equals("none") ? null
                : VectorsSource.open(manifest.vectors(), data, manifest.encoder(), manifest.randomDim(), manifest.vectorsSeed(), log);
        if (reviews == null && RunTrainer.usesReviews(config)) {
            throw new IllegalArgumentException(dir.resolve(RunManifest.FILE) + " records no review vectors but the config uses reviews");
        }
        try {
            DrexModel model = new DrexModel(config, DrexInputs.of(split, reviews));
            Map<String, String> meta = ParameterIO.load(model.namedParameters(), modelFile);
            String modelSplit = meta.get(RunTrainer.META_SPLIT);
            if (modelSplit != null && !modelSplit.equals(split.sha256())) {
                throw new IllegalArgumentException(modelFile + " was trained on split " + modelSplit + ", not on " + splitFile + "'s " + split.sha256());
            }
            model.train(false);
            return new Run(dir, config, manifest, data, split, reviews, model);
        } catch (IOException | RuntimeException e) {
            VectorsSource.close(reviews);
            throw e;
        }
    }

    /** Closes the review-vector cache, if the run reads one. */
    @Override
    public void close() throws IOException {
        VectorsSource.close(reviews);
    }

    /** The dense index of a user id, or an error naming the id with the nearest known ids. */
    public int user(String id) {
        return Ids.user(data, id);
    }

    /** The dense index of an item id, or an error naming the id with the nearest known ids. */
    public int item(String id) {
        return Ids.item(data, id);
    }
}
