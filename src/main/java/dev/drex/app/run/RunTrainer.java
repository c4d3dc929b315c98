package dev.drex.app.run;

import dev.drex.app.data.Split;
import dev.drex.app.data.SplitFile;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.model.DrexInputs;
import dev.drex.app.model.DrexModel;
import dev.drex.app.train.Trainer;
import dev.drex.engine.io.AtomicFiles;
import dev.drex.engine.nn.ParameterIO;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Trains one DReX model into a run directory: {@code RUN_DIR/split.tsv}, {@code config.json},
 * {@code run.json} ({@link RunManifest}), {@code checkpoint/} (after every epoch) and, at the end,
 * {@code model.safetensors} with the best weights. {@link Run#load} reads such a directory back.
 */
public final class RunTrainer {

    /** The metadata keys model.safetensors carries. */
    public static final String META_CONFIG = "drex.config", META_SPLIT = "split.sha256", META_BEST_EPOCH = "best.epoch";

    private RunTrainer() {
    }

    /** The trained model (best weights restored) and how training went. */
    public record Trained(DrexModel model, Trainer.Result result) {}

    /**
     * @param split    the split (saved to RUN_DIR/split.tsv)
     * @param reviews  the review vectors (null when the config uses no reviews)
     * @param manifest what rebuilds the inputs; its split hash must be {@code split}'s
     * @param resume   continue from RUN_DIR/checkpoint when there is one
     * @param log      progress lines (null: silent)
     */
    public static Trained train(Split split, ReviewVectors reviews, DrexConfig config, RunManifest manifest, Path runDir, boolean resume,
                                boolean profile, PrintStream log) throws IOException {
        if (!manifest.splitSha256().equals(split.sha256())) {
            throw new IllegalArgumentException("the manifest records split " + manifest.splitSha256() + " but the split is " + split.sha256());
        }
        Files.createDirectories(runDir);
        Path splitFile = runDir.resolve("split.tsv");
        if (!Files.exists(splitFile) || !SplitFile.recordedHash(splitFile).equals(split.sha256())) SplitFile.save(split, splitFile);
        AtomicFiles.write(runDir.resolve("config.json"), config.toJson().getBytes(StandardCharsets.UTF_8));
        manifest.write(runDir);
        DrexModel model = new DrexModel(config, DrexInputs.of(split, reviews));
        Trainer.Result r = new Trainer(model, Criteria.of(config, split), runDir.resolve("checkpoint"), log).profile(profile).train(resume);
        ParameterIO.save(model.namedParameters(), Map.of(META_CONFIG, config.toJson(), META_SPLIT, split.sha256(),
                META_BEST_EPOCH, Integer.toString(r.bestEpoch())), runDir.resolve(Run.MODEL_FILE));
        model.train(false);
        return new Trained(model, r);
    }

    /** True when {@code config} reads review vectors at all (no reviews, or no fold, means it does not). */
    public static boolean usesReviews(DrexConfig config) {
        return !(config.noReviews() || config.noGru());
    }
}
