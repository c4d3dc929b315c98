package dev.drex.app.compare;

import dev.drex.app.baselines.ReviewCorpus;
import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.features.ReviewVectors;
import dev.drex.app.run.ExperimentRunner;
import dev.drex.app.run.RunManifest;
import dev.drex.app.run.VectorsSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The inputs every adapter trains from, each made once and shared: the dataset, the random 80/10/10 split of each
 * seed ({@link Splitter#random(Dataset, long)}, as {@code drex experiment} makes them), DReX's review vectors (opened
 * on first use) and the review corpus of the text-CNN baselines (tokenized on first use per split; the last one kept).
 */
public final class StudyData implements AutoCloseable {
    private final StudySettings settings;
    private final Dataset data;
    private final Path dir;
    private final PrintStream log;
    private final Map<Long, Split> splits = new HashMap<>();
    private ReviewVectors reviews;
    private ReviewCorpus corpus;
    private String corpusSplit = ""; // the hash of the split the corpus was built for

    /**
     * @param dir the study directory (DReX keeps its run directories under {@code dir/runs})
     * @param log where to say which vectors are opened (null: silent)
     */
    public StudyData(StudySettings settings, Dataset data, Path dir, PrintStream log) {
        this.settings = settings;
        this.data = data;
        this.dir = dir;
        this.log = log;
    }

    public StudySettings settings() {
        return settings;
    }

    public Dataset dataset() {
        return data;
    }

    /** The random 80/10/10 split with {@code seed}. */
    public synchronized Split split(long seed) {
        return splits.computeIfAbsent(seed, s -> Splitter.random(data, s));
    }

    /** DReX's review vectors ({@link StudySettings#vectors()}), opened on the first call. */
    public synchronized ReviewVectors reviews() {
        if (reviews == null) {
            reviews = VectorsSource.open(settings.vectors(), data, settings.encoder(), settings.randomDim(), ExperimentRunner.VECTORS_SEED, log);
        }
        return reviews;
    }

    /** The train reviews of {@code split} as word pieces of {@link StudySettings#wordPieces()} (DeepCoNN, NARRE). */
    public synchronized ReviewCorpus corpus(Split split) {
        if (split.dataset() != data) throw new IllegalArgumentException("the split was not made of this study's dataset");
        if (corpus == null || !corpusSplit.equals(split.sha256())) {
            if (settings.wordPieces() == null) throw new IllegalArgumentException("DeepCoNN and NARRE need a word-piece model (--word-pieces)");
            try {
                corpus = null;
                corpus = ReviewCorpus.load(split, Path.of(settings.wordPieces()));
                corpusSplit = split.sha256();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the word-piece model " + settings.wordPieces() + ": " + e.getMessage(), e);
            }
        }
        return corpus;
    }

    /** Where DReX trains the cell {@code cellKey} (its checkpoint lets a killed cell continue; the weights stay for explanations). */
    public Path runDir(String cellKey) {
        return dir.resolve("runs").resolve(cellKey);
    }

    /** What rebuilds a DReX run's inputs: this study's data and vectors, and {@code split}'s hash. */
    public RunManifest manifest(Split split, boolean usesReviews) {
        return new RunManifest(settings.data(), settings.format(), settings.minUser(), settings.minItem(), usesReviews ? settings.vectors() : "none",
                settings.randomDim(), ExperimentRunner.VECTORS_SEED, settings.encoder(), split.sha256());
    }

    /** Closes the review-vector cache if one was opened. */
    @Override
    public synchronized void close() throws IOException {
        VectorsSource.close(reviews);
        reviews = null;
    }
}
