package dev.drex.engine.bert;

import dev.drex.engine.io.SafetensorsReader;
import dev.drex.engine.kernels.Elementwise;
import dev.drex.engine.kernels.Gemm;
import dev.drex.engine.kernels.LayerNorm;
import dev.drex.engine.kernels.Parallel;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * BERT inference (Devlin et al. 2019) on raw float arrays: no autodiff, no Tensor objects.
 *
 * <pre>
 *   x = LayerNorm(E_word[id] + E_pos[t] + E_type[type])                 (N, H)
 *   per layer:
 *     [Q|K|V] = x W_qkv^T + b_qkv                                        (N, 3H)
 *     C = attention(Q, K, V, mask)                                       (N, H), see BertSelfAttention
 *     x = LayerNorm(x + C W_o^T + b_o)
 *     x = LayerNorm(x + gelu(x W_1^T + b_1) W_2^T + b_2)                 (N, I) inside
 *   pooled = tanh(x_[CLS] W_p^T + b_p)                                   (B, H), when the model has a pooler
 * </pre>
 * N is the number of real tokens of the batch: sequences are packed end to end, so padding costs
 * nothing and is never attended to. GEMMs and attention use every thread of {@link Parallel}.
 * All arithmetic is float; LayerNorm is two-pass.
 *
 * <p>Memory: the safetensors file stays mapped until {@link #close}, and every large matrix is
 * read from a mapping in place: the word embeddings (rows copied on lookup) from the safetensors
 * file, and by default ({@link BertWeightStorage#PACKED_FILE}) all linear weights (Q, K, V,
 * attention output, FFN, pooler) from a sidecar file holding them already packed in the GEMM
 * kernel's panel order, written once next to the weights (or in {@code -Ddrex.bert.packedDir})
 * and checked against its source on every load. The heap holds only biases, LayerNorm parameters,
 * position and token-type embeddings and the masked-LM head's small tensors ({@link #heapBytes},
 * bert-base ~2 MB) plus the per-call activations; the weights' pages are shared with the OS page
 * cache. {@code -Ddrex.bert.weights=mapped} packs the GEMM panels from the safetensors mapping in
 * every forward instead (no sidecar file), {@code heap} (or {@code -Ddrex.bert.prepack=true})
 * packs them once onto the heap (bert-base: 340 MB); see bench/README.md for the measured
 * differences.
 *
 * <p>{@link #forward} holds no state between calls (every buffer is per call), so threads may
 * share one model.
 */
public final class BertModel implements AutoCloseable {

    private static final ValueLayout.OfFloat LE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final BertConfig config;
    private final BertWeights w;
    private final SafetensorsReader reader;

    private BertModel(BertConfig config, BertWeights weights, SafetensorsReader reader) {
        this.config = config;
        this.w = weights;
        this.reader = reader;
    }

    /**
     * Loads a Hugging Face BERT directory: {@code config.json} and {@code model.safetensors}
     * (vocab.txt is the tokenizer's business). Every tensor the config calls for is checked.
     * The linear weights are stored as the system property {@code drex.bert.weights} says
     * ({@code packed-file}, the default; {@code mapped}; {@code heap}; see {@link BertWeightStorage}),
     * {@code drex.bert.prepack=true} meaning {@code heap}; the packed sidecar goes to the directory
     * {@code drex.bert.packedDir} if set, else next to the weights.
     */
    public static BertModel load(Path dir) throws IOException {
        String dirProperty = System.getProperty("drex.bert.packedDir");
        return load(dir, storageProperty(), dirProperty == null || dirProperty.isBlank() ? null : Path.of(dirProperty));
    }

    /**
     * {@link #load(Path)} choosing where the linear weights live: {@code prepack} false reads them
     * from the mapped file in every GEMM ({@link BertWeightStorage#MAPPED}), true packs them once
     * onto the heap ({@link BertWeightStorage#HEAP}).
     */
    public static BertModel load(Path dir, boolean prepack) throws IOException {
        return load(dir, prepack ? BertWeightStorage.HEAP : BertWeightStorage.MAPPED, null);
    }

    /**
     * {@link #load(Path)} with the weights' storage given.
     *
     * @param packedDir for {@link BertWeightStorage#PACKED_FILE}: the directory of the sidecar
     *                  (created if needed; the file is named after the model directory), or null
     *                  for next to {@code model.safetensors}; ignored by the other storages
     */
    public static BertModel load(Path dir, BertWeightStorage storage, Path packedDir) throws IOException {
        Path configFile = dir.resolve("config.json"), weightsFile = dir.resolve("model.safetensors");
        if (!Files.isRegularFile(configFile)) throw new IOException(dir + ": no config.json (not a BERT model directory)");
        if (!Files.isRegularFile(weightsFile)) throw new IOException(dir + ": no model.safetensors");
        BertConfig config = BertConfig.read(configFile);
        SafetensorsReader reader = SafetensorsReader.open(weightsFile);
        try {
            return new BertModel(config, BertWeights.load(config, reader, storage, packedDir), reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static BertWeightStorage storageProperty() {
        if (Boolean.getBoolean("drex.bert.prepack")) return BertWeightStorage.HEAP;
        String v = System.getProperty("drex.bert.weights", "packed-file").trim();
        return switch (v) {
            case "packed-file" -> BertWeightStorage.PACKED_FILE;
            case "mapped" -> BertWeightStorage.MAPPED;
            case "heap" -> BertWeightStorage.HEAP;
            default -> throw new IllegalArgumentException("-Ddrex.bert.weights must be packed-file, mapped or heap, got '" + v + "'");
        };
    }

    /** Where the linear weights live: {@link BertWeightStorage#PACKED_FILE} only if its sidecar could be written. */
    public BertWeightStorage weightStorage() {
        return w.packedFile != null ? BertWeightStorage.PACKED_FILE : w.prepacked() ? BertWeightStorage.HEAP : BertWeightStorage.MAPPED;
    }

    /** The sidecar file of packed weights in use, or null. */
    public Path packedWeightsFile() {
        return w.packedFile == null ? null : w.packedFile.path();
    }

    public BertConfig config() {
        return config;
    }

    public boolean hasPooler() {
        return w.poolerWeight != null;
    }

    public boolean hasMaskedLmHead() {
        return w.maskedLm != null;
    }

    /** Bytes of weights this model holds on the Java heap (biases, small embeddings; packed linear weights with prepack). */
    public long heapBytes() {
        return w.heapFloats * Float.BYTES;
    }

    /** {@link #forward(int[][], int[][], int[][])} with all token types 0. */
    public BertOutput forward(int[][] ids, int[][] attentionMask) {
        return forward(ids, attentionMask, null);
    }

    /**
     * Encodes B sequences of possibly different lengths.
     *
     * @param ids           B rows of token ids (with [CLS]/[SEP] as the caller wants them), each non-empty
     * @param attentionMask null (all 1) or B rows, each as long as its ids row: 1 = may be attended to, 0 = not
     * @param tokenTypeIds  null (all 0) or B rows as long as the ids rows
     * @return last_hidden_state (B, L, H) with L the longest row, zeros past each row's end; pooled or null
     */
    public BertOutput forward(int[][] ids, int[][] attentionMask, int[][] tokenTypeIds) {
        int batch = ids.length, h = config.hiddenSize(), inter = config.intermediateSize();
        int[] lengths = new int[batch], start = new int[batch + 1];
        for (int b = 0; b < batch; b++) {
            lengths[b] = checkRow(ids, attentionMask, tokenTypeIds, b);
            start[b + 1] = start[b] + lengths[b];
        }
        int n = start[batch];
        BertProfile.start();
        boolean[] keyMask = new boolean[n];
        float[] x = new float[n * h];
        embed(ids, attentionMask, tokenTypeIds, start, keyMask, x);
        BertProfile.mark(BertProfile.Phase.EMBED);

        float[] qkv = new float[n * 3 * h], ctx = new float[n * h], sum = new float[n * h], mid = new float[n * inter];
        for (BertWeights.Layer layer : w.layers) {
            // [Q|K|V] = x W_qkv^T + b_qkv
            int col = 0;
            for (BertLinear part : layer.qkv()) {
                part.apply(x, n, 0f, qkv, col, 3 * h);
                col += part.out();
            }
            BertProfile.mark(BertProfile.Phase.QKV_GEMM);
            float[] qkvBias = layer.qkvBias();
            Parallel.forRange(n, (from, to) -> Elementwise.addBiasRows(qkv, from * 3 * h, qkvBias, 0, to - from, 3 * h));
            BertProfile.mark(BertProfile.Phase.QKV_BIAS);
            BertSelfAttention.forward(qkv, start, lengths, keyMask, config.numAttentionHeads(), config.headDim(), ctx);
            BertProfile.mark(BertProfile.Phase.ATTENTION);
            // x = LayerNorm(x + C W_o^T + b_o)
            layer.attentionOut().apply(ctx, n, 0f, sum, 0, h);
            BertProfile.mark(BertProfile.Phase.OUT_GEMM);
            residualBiasLayerNormRows(sum, layer.attentionOutBias(), layer.attentionLnGamma(), layer.attentionLnBeta(), x, n);
            BertProfile.mark(BertProfile.Phase.ADD_NORM);
            // mid = gelu(x W_1^T + b_1)
            layer.intermediate().apply(x, n, 0f, mid, 0, inter);
            BertProfile.mark(BertProfile.Phase.FFN1_GEMM);
            float[] bias1 = layer.intermediateBias();
            Parallel.forRange(n, (from, to) ->
                    Elementwise.biasGelu(mid, from * inter, bias1, 0, to - from, inter, mid, from * inter, config.geluTanh()));
            BertProfile.mark(BertProfile.Phase.BIAS_GELU);
            // x = LayerNorm(x + mid W_2^T + b_2)
            layer.output().apply(mid, n, 0f, sum, 0, h);
            BertProfile.mark(BertProfile.Phase.FFN2_GEMM);
            residualBiasLayerNormRows(sum, layer.outputBias(), layer.outputLnGamma(), layer.outputLnBeta(), x, n);
            BertProfile.mark(BertProfile.Phase.ADD_NORM);
        }

        int seqLen = 0;
        for (int len : lengths) seqLen = Math.max(seqLen, len);
        float[] last = new float[batch * seqLen * h];
        for (int b = 0; b < batch; b++) System.arraycopy(x, start[b] * h, last, b * seqLen * h, lengths[b] * h);
        BertOutput output = new BertOutput(last, pool(x, start, batch), batch, seqLen, h, lengths);
        BertProfile.mark(BertProfile.Phase.POOL_COPY);
        return output;
    }

    /** pooled = tanh(x_[CLS] W_p^T + b_p), [CLS] the first token of each sequence; null without pooler. */
    private float[] pool(float[] x, int[] start, int batch) {
        if (w.poolerWeight == null) return null;
        int h = config.hiddenSize();
        float[] cls = new float[batch * h], pooled = new float[batch * h];
        for (int b = 0; b < batch; b++) System.arraycopy(x, start[b] * h, cls, b * h, h);
        w.poolerWeight.apply(cls, batch, 0f, pooled, 0, h);
        Elementwise.addBiasRows(pooled, 0, w.poolerBias, 0, batch, h);
        Elementwise.tanh(pooled, 0, pooled, 0, batch * h);
        return pooled;
    }

    /** x[r] = LayerNorm(E_word[id] + E_pos[t] + E_type[type]) for the packed token r = start[b] + t. */
    private void embed(int[][] ids, int[][] mask, int[][] types, int[] start, boolean[] keyMask, float[] x) {
        int h = config.hiddenSize();
        MemorySegment word = w.wordEmbeddings;
        Parallel.forRange(ids.length, (from, to) -> {
            for (int b = from; b < to; b++) {
                for (int t = 0; t < ids[b].length; t++) {
                    int r = (start[b] + t) * h, type = types == null ? 0 : types[b][t];
                    keyMask[start[b] + t] = mask == null || mask[b][t] != 0;
                    MemorySegment.copy(word, LE_FLOAT, (long) ids[b][t] * h * Float.BYTES, x, r, h);
                    Elementwise.add(x, r, w.positionEmbeddings, t * h, x, r, h);
                    Elementwise.add(x, r, w.tokenTypeEmbeddings, type * h, x, r, h);
                    LayerNorm.layerNorm(x, r, w.embeddingLnGamma, 0, w.embeddingLnBeta, 0, x, r, h,
                            config.layerNormEps(), null, 0);
                }
            }
        });
    }

    /**
     * x[r] = LayerNorm((sum[r] + x[r]) + bias) for each of the n rows, the residual connection
     * fused into the normalisation's pass (no serial copy of x before the GEMM); sum is modified.
     * Same rounding as accumulating the GEMM onto a copy of x: sum + x is one rounded addition either way.
     */
    private void residualBiasLayerNormRows(float[] sum, float[] bias, float[] gamma, float[] beta, float[] x, int n) {
        int h = config.hiddenSize();
        float eps = config.layerNormEps();
        Parallel.forRange(n, (from, to) -> {
            for (int r = from; r < to; r++) {
                Elementwise.add(sum, r * h, x, r * h, sum, r * h, h);
                Elementwise.add(sum, r * h, bias, 0, sum, r * h, h);
                LayerNorm.layerNorm(sum, r * h, gamma, 0, beta, 0, x, r * h, h, eps, null, 0);
            }
        });
    }

    /** Validates row b of the inputs; returns its length. */
    private int checkRow(int[][] ids, int[][] mask, int[][] types, int b) {
        int[] row = ids[b];
        if (row == null || row.length == 0) throw new IllegalArgumentException("sequence " + b + " is empty");
        if (row.length > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("sequence " + b + " has " + row.length + " tokens, more than max_position_embeddings "
                    + config.maxPositionEmbeddings());
        }
        if (mask != null && (mask.length != ids.length || mask[b] == null || mask[b].length != row.length)) {
            throw new IllegalArgumentException("attention mask row " + b + " does not match the " + row.length + " ids of sequence " + b);
        }
        if (types != null && (types.length != ids.length || types[b] == null || types[b].length != row.length)) {
            throw new IllegalArgumentException("token type row " + b + " does not match the " + row.length + " ids of sequence " + b);
        }
        for (int t = 0; t < row.length; t++) {
            if (row[t] < 0 || row[t] >= config.vocabSize()) {
                throw new IllegalArgumentException("sequence " + b + ", position " + t + ": token id " + row[t]
                        + " outside the vocabulary [0, " + config.vocabSize() + ")");
            }
            if (types != null && (types[b][t] < 0 || types[b][t] >= config.typeVocabSize())) {
                throw new IllegalArgumentException("sequence " + b + ", position " + t + ": token type " + types[b][t]
                        + " outside [0, " + config.typeVocabSize() + ")");
            }
        }
        return row.length;
    }

    /**
     * Masked-LM logits over the vocabulary for token t of sequence b (BERT's pre-training head):
     * {@code logits = LayerNorm(gelu(h W_t^T + b_t)) E_word^T + bias}, the decoder tied to the word
     * embeddings (read from the mapping, 256 rows at a time).
     *
     * @throws IllegalStateException if the checkpoint has no masked-LM head
     */
    public float[] maskedLmLogits(BertOutput out, int b, int t) {
        BertWeights.MaskedLmHead head = w.maskedLm;
        if (head == null) throw new IllegalStateException("this model has no masked-LM head (cls.predictions.*)");
        if (b < 0 || b >= out.batch() || t < 0 || t >= out.lengths()[b]) {
            throw new IndexOutOfBoundsException("no token " + t + " in sequence " + b);
        }
        int h = config.hiddenSize(), v = config.vocabSize();
        float[] z = new float[h];
        Gemm.sgemm(false, true, 1, h, h, 1f, out.lastHiddenState(), out.offset(b, t), h, head.denseWeight(), 0, h, 0f, z, 0, h);
        Elementwise.biasGelu(z, 0, head.denseBias(), 0, 1, h, z, 0, config.geluTanh());
        LayerNorm.layerNorm(z, 0, head.lnGamma(), 0, head.lnBeta(), 0, z, 0, h, config.layerNormEps(), null, 0);
        float[] logits = head.decoderBias().clone();
        int block = 256;
        float[] rows = new float[block * h];
        for (int v0 = 0; v0 < v; v0 += block) {
            int count = Math.min(block, v - v0);
            MemorySegment.copy(w.wordEmbeddings, LE_FLOAT, (long) v0 * h * Float.BYTES, rows, 0, count * h);
            Gemm.sgemm(false, true, 1, count, h, 1f, z, 0, h, rows, 0, h, 1f, logits, v0, v);
        }
        return logits;
    }

    /** Unmaps the weights file (and the packed sidecar). */
    @Override
    public void close() {
        if (w.packedFile != null) w.packedFile.close();
        reader.close();
    }
}
