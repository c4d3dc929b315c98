package dev.drex.app.cli;

import dev.drex.app.data.DataFormatException;
import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.SplitFile;
import dev.drex.app.data.Splitter;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.run.Criteria;
import dev.drex.app.run.Run;
import dev.drex.app.run.RunManifest;
import dev.drex.app.run.RunTrainer;
import dev.drex.app.run.TuneResults;
import dev.drex.app.run.VectorsSource;
import dev.drex.app.train.Trainer;
import dev.drex.engine.kernels.Parallel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drex train --data FILE... [--variant drex|drex-mlp] [--vectors random|cache:PATH] [--out RUN_DIR]
 * [--resume] [every DrexConfig option]}: read, clean, k-core filter and split the data (or reuse the run's
 * split when resuming), train with early stopping, and write {@code RUN_DIR/model.safetensors},
 * {@code config.json}, {@code run.json} (data files, format, k-core, vectors: what {@code Run.load} needs), {@code split.tsv}
 * and {@code checkpoint/}.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train DReX or DReX-MLP with early stopping on validation; checkpoints after every epoch.")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--split", paramLabel = "FILE", description = "Use this split file (drex data split) instead of making one.")
    Path splitFile;

    @Option(names = "--split-seed", defaultValue = "1", description = "Seed of the random 80/10/10 split (default ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--temporal", description = "Leave-last-out split per user instead of the random split.")
    boolean temporal;

    @Option(names = "--variant", defaultValue = "drex", description = "drex or drex-mlp (default ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--out", defaultValue = "runs/drex", paramLabel = "RUN_DIR", description = "Run directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume", description = "Continue from RUN_DIR/checkpoint (same config, same split) after a kill.")
    boolean resume;

    @Option(names = "--profile", description = "Print where each epoch's time goes (plan, reviews, folds, backward, ...).")
    boolean profile;

    @Option(names = "--from-tune", paramLabel = "TUNE_DIR", description = "Take lr, lambda, d, dropout and variant from the best point of ./drex tune --out TUNE_DIR (overrides those options).")
    Path fromTune;

    @Option(names = "--threads", description = "Threads for the kernels (default: all processors or -Ddrex.threads).")
    Integer threads;

    // ---------------------------------------------------------------- DrexConfig
    @Mixin
    TrainingOptions training;
    @Option(names = "--d", defaultValue = "" + DrexConfig.D, description = "Width d (default ${DEFAULT-VALUE}).")
    int d;
    @Option(names = "--lr", defaultValue = "" + DrexConfig.LEARNING_RATE, description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--lambda", defaultValue = "" + DrexConfig.LAMBDA, description = "Penalty on ||U_u||^2 + ||V_i||^2 (default ${DEFAULT-VALUE}).")
    double lambda;
    @Option(names = "--dropout-x", defaultValue = "0", description = "Dropout on x (default ${DEFAULT-VALUE}).")
    float dropoutX;
    @Option(names = "--dropout-hidden", defaultValue = "0", description = "Dropout on the MLP hidden layers (default ${DEFAULT-VALUE}).")
    float dropoutHidden;
    @Option(names = "--seed", defaultValue = "" + DrexConfig.SEED, description = "Seed of weights, batch order, dropout (default ${DEFAULT-VALUE}).")
    long seed;

    /** The config the options describe. */
    DrexConfig config() {
        return training.config(d, lr, lambda, dropoutX, dropoutHidden, seed, variant);
    }

    @Override
    public Integer call() {
        PrintStream log = System.out;
        try {
            if (threads != null) Parallel.setThreads(threads);
            if (fromTune != null) applyTune(TuneResults.best(fromTune), log);
            DrexConfig config = config();
            VectorsSource.check(dataOptions.vectors);
            Files.createDirectories(out);
            Dataset dataset = dataOptions.load();
            Split split = split(dataset);
            log.printf("data: %d interactions, %d users, %d items; split %d/%d/%d, sha256 %s%n", dataset.size(), dataset.numUsers(),
                    dataset.numItems(), split.train().length, split.validation().length, split.test().length, split.sha256());
            boolean reviews = RunTrainer.usesReviews(config);
            DataOptions o = dataOptions;
            ReviewVectors reviewVectors = reviews ? VectorsSource.open(o.vectors, dataset, o.encoder, o.randomDim, seed, log) : null;
            RunManifest manifest = new RunManifest(o.absolutePaths(), o.format.name(), o.minUser, o.minItem,
                    reviews ? o.vectorsSpec() : "none", o.randomDim, seed, o.encoder, split.sha256());
            RunTrainer.Trained t;
            try {
                t = RunTrainer.train(split, reviewVectors, config, manifest, out, resume, profile, log);
            } finally {
                VectorsSource.close(reviewVectors);
            }
            Trainer.Result r = t.result();
            log.printf("wrote %s (best epoch %d, validation %s %s)%n", out.resolve(Run.MODEL_FILE), r.bestEpoch(),
                    Criteria.of(config, split).name(), r.bestScore() == null ? "n/a" : java.util.Arrays.toString(r.bestScore()));
            return 0;
        } catch (DataFormatException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("error: cannot read or write " + e.getMessage());
            return 1;
        }
    }

    /** Takes lr, lambda, d, dropout and variant from a tune directory's best point. */
    private void applyTune(dev.drex.app.run.GridPoint best, PrintStream log) {
        lr = best.lr();
        lambda = best.lambda();
        d = best.d();
        dropoutX = best.dropout();
        dropoutHidden = best.dropout();
        variant = best.variant();
        log.printf("from tune %s: %s%n", fromTune, best.describe());
    }

    /** The run's split: RUN_DIR/split.tsv when resuming or given --split, else a new one (saved there). */
    private Split split(Dataset dataset) throws IOException {
        Path runSplit = out.resolve("split.tsv");
        if (splitFile != null) {
            Split s = SplitFile.load(splitFile, dataset);
            SplitFile.save(s, runSplit);
            return s;
        }
        if (resume && Files.exists(runSplit)) return SplitFile.load(runSplit, dataset);
        Split s = temporal ? Splitter.temporal(dataset) : Splitter.random(dataset, splitSeed);
        SplitFile.save(s, runSplit);
        return s;
    }
}
