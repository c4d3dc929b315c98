package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.engine.io.SafetensorsReader;
import dev.drex.engine.tensor.Tensor;
import dev.drex.tokenizer.bert.BertTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The review text the text-CNN baselines (DeepCoNN, NARRE, PESI) read: the word pieces of every TRAIN review of a split,
 * the train reviews of each user and of each item, and a FROZEN word-piece embedding table.
 *
 * <p><b>Word vectors.</b> DeepCoNN and NARRE use 300-d GoogleNews word2vec vectors, which cannot be obtained
 * here. We substitute the word-piece embedding table of the sentence encoder the project already uses
 * (all-MiniLM-L6-v2: {@code embeddings.word_embeddings.weight}, 30522 x 384) and its BERT tokenizer, so a review
 * is a sequence of word pieces (without [CLS]/[SEP]). The table is never trained, as in DeepCoNN's setup with
 * pretrained vectors.
 *
 * <p>Only train reviews are ever tokenized or read: validation and test reviews never reach a document.
 */
public final class ReviewCorpus {
    /** The tensor name of the word-piece table in a BERT safetensors checkpoint. */
    public static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";

    private final Dataset data;
    private final int[][] pieces;      // by interaction k: word-piece ids, null unless k is a train interaction
    private final int[][] userReviews; // u -> its train interactions, ascending
    private final int[][] itemReviews; // i -> its train interactions, ascending
    private final Tensor table;        // (V,E), frozen (no gradient)

    ReviewCorpus(Split split, Function<String, int[]> tokenizer, Tensor table) {
        if (table.rank() != 2) throw new IllegalArgumentException("ReviewCorpus: the embedding table must be (V,E), got " + Arrays.toString(table.shape()));
        this.data = split.dataset();
        this.table = table.requiresGrad() ? table.detach() : table;
        this.pieces = new int[data.size()][];
        List<List<Integer>> byUser = lists(data.numUsers()), byItem = lists(data.numItems());
        for (int k : sorted(split.train())) {
            int[] ids = tokenizer.apply(data.fullText(k));
            for (int id : ids) {
                if (id < 0 || id >= table.dim(0)) {
                    throw new IllegalArgumentException("ReviewCorpus: review " + k + " has word piece " + id + " outside the table of " + table.dim(0));
                }
            }
            pieces[k] = ids;
            byUser.get(data.user(k)).add(k);
            byItem.get(data.item(k)).add(k);
        }
        this.userReviews = toArrays(byUser);
        this.itemReviews = toArrays(byItem);
    }

    /**
     * Reads the tokenizer and the word-piece table of a converted BERT model directory (as
     * {@code ModelFetcher.fetchAndConvert("all-minilm-l6-v2", ...)} installs it) and tokenizes the split's train reviews.
     */
    public static ReviewCorpus load(Split split, Path modelDir) throws IOException {
        BertTokenizer tokenizer = BertTokenizer.fromDirectory(modelDir);
        Tensor table;
        try (SafetensorsReader reader = SafetensorsReader.open(modelDir.resolve("model.safetensors"))) {
            int[] shape = reader.shape(WORD_EMBEDDINGS);
            table = Tensor.of(reader.readFloats(WORD_EMBEDDINGS), shape);
        }
        return new ReviewCorpus(split, text -> {
            int[] ids = tokenizer.encode(text).ids();          // [CLS] pieces [SEP]
            return Arrays.copyOfRange(ids, 1, ids.length - 1); // the pieces only
        }, table);
    }

    private static int[] sorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) out.add(new ArrayList<>());
        return out;
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int j = 0; j < out.length; j++) out[j] = lists.get(j).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    public Dataset dataset() {
        return data;
    }

    /** Embedding width E. */
    public int embeddingDim() {
        return table.dim(1);
    }

    /** The train interactions of user u, ascending. */
    public int[] userReviews(int u) {
        return userReviews[u];
    }

    /** The train interactions of item i, ascending. */
    public int[] itemReviews(int i) {
        return itemReviews[i];
    }

    /** Word pieces of train interaction k. */
    public int[] pieces(int k) {
        if (pieces[k] == null) throw new IllegalArgumentException("interaction " + k + " is not a train review");
        return pieces[k];
    }

    /**
     * The concatenated pieces of {@code reviews} in order, skipping interaction {@code leaveOut} (-1: none), truncated
     * to {@code maxLength} pieces (DeepCoNN's user or item document).
     */
    public int[] document(int[] reviews, int leaveOut, int maxLength) {
        int[] doc = new int[maxLength];
        int n = 0;
        for (int k : reviews) {
            if (k == leaveOut) continue;
            int[] p = pieces(k);
            int take = Math.min(p.length, maxLength - n);
            System.arraycopy(p, 0, doc, n, take);
            n += take;
            if (n == maxLength) break;
        }
        return Arrays.copyOf(doc, n);
    }

    /** The frozen word-piece table (V,E) (no gradient). */
    public Tensor table() {
        return table;
    }
}
