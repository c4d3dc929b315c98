package dev.drex.app.embed;

import dev.drex.app.data.Dataset;
import dev.drex.engine.bert.BertModel;
import dev.drex.tokenizer.bert.BertTokenizer;
import dev.drex.tokenizer.text.PreprocessConfig;
import dev.drex.tokenizer.text.TextPreprocessor;

import java.nio.file.Path;

/**
 * The embedding run as a separate JVM, for {@link KillAndResumeTest}: {@code EmbedChild MODEL_DIR CACHE
 * REVIEWS SEED BATCH SLEEP_MS}. Prints {@code stored N} after each stored batch (then sleeps SLEEP_MS, so
 * the parent can kill it mid-run) and {@code done ...} at the end.
 */
public final class EmbedChild {

    static final int MAX_WORDS = 60;

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        Dataset data = SyntheticReviews.dataset(Integer.parseInt(args[2]), MAX_WORDS, Long.parseLong(args[3]));
        int batch = Integer.parseInt(args[4]);
        long sleepMs = Long.parseLong(args[5]);
        try (BertModel model = BertModel.load(modelDir)) {
            ReviewEmbedder embedder = new ReviewEmbedder(model, BertTokenizer.fromDirectory(modelDir),
                    new TextPreprocessor(PreprocessConfig.DEFAULTS.withMaxWords(MAX_WORDS)), "tiny", ModelChecksum.of(modelDir));
            ReviewEmbedder.Report r = embedder.embed(data, cache, batch, true, null, n -> {
                System.out.println("stored " + n);
                System.out.flush();
                if (sleepMs > 0) {
                    try {
                        Thread.sleep(sleepMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            System.out.println("done embedded=" + r.embedded() + " cached=" + r.alreadyCached() + " recovered=" + r.recovered()
                    + " entries=" + r.entries());
        }
        System.exit(0);
    }
}
