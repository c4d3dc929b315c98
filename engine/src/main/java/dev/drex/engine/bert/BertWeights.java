package dev.drex.engine.bert;

import dev.drex.engine.io.CheckpointFormatException;
import dev.drex.engine.io.SafetensorsDtype;
import dev.drex.engine.io.SafetensorsReader;
import dev.drex.engine.kernels.Gemm;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The weights of a BERT checkpoint (Hugging Face names, linear weights {@code [out, in]}), checked
 * against the config and laid out for inference.
 *
 * <p>Where the bytes live:
 * <ul>
 *   <li>word embeddings (V, H): the memory-mapped file itself (a {@link MemorySegment} slice);
 *       rows are read on lookup and by the masked-LM decoder, never copied whole;</li>
 *   <li>the encoder's and pooler's linear weights ({@link BertLinear}), as {@link BertWeightStorage}
 *       says. PACKED_FILE (the default): W^T in the kernel's panel order in a memory-mapped
 *       sidecar file ({@link PackedWeightsFile}, built once from the checkpoint, Q, K and V fused
 *       into one (H, 3H) operand), read in place by the GEMMs: neither packed per forward nor on
 *       the heap. MAPPED: the safetensors mapping itself, each GEMM packing the micro-panels it
 *       needs into per-thread buffers; Q, K and V stay three tensors (three GEMMs into the column
 *       ranges of [Q|K|V]); F16/BF16 checkpoints are widened once onto the heap. HEAP ({@code
 *       prepack}): packed once at load onto the heap, Q, K, V fused, their file pages dropped from
 *       the resident set. Either way the big matrices (bert-base: 85 M floats, 340 MB) are on the
 *       heap only with HEAP;</li>
 *   <li>biases, LayerNorm parameters, position and token-type embeddings: small float[].</li>
 * </ul>
 * A checkpoint may name tensors with the {@code bert.} prefix of HF {@code BertForMaskedLM}; the
 * masked-LM head ({@code cls.predictions.*}) and the pooler are optional; extra tensors (e.g. the
 * next-sentence head) are ignored.
 */
final class BertWeights {

    /** One encoder layer; shapes in the comments, H hidden, I intermediate. */
    record Layer(BertLinear[] qkv, float[] qkvBias,       // [Q; K; V] (3H, H) fused, or Q, K, V (H, H) each; (3H)
                 BertLinear attentionOut, float[] attentionOutBias, float[] attentionLnGamma, float[] attentionLnBeta,
                 BertLinear intermediate, float[] intermediateBias, // (I, H), (I)
                 BertLinear output, float[] outputBias,   // (H, I), (H)
                 float[] outputLnGamma, float[] outputLnBeta) {}

    /** The masked-LM head: transform dense (H, H) [out, in], its LayerNorm, decoder bias (V). */
    record MaskedLmHead(float[] denseWeight, float[] denseBias, float[] lnGamma, float[] lnBeta, float[] decoderBias) {}

    final BertConfig config;
    final MemorySegment wordEmbeddings;     // (V, H), little-endian float32
    final float[] positionEmbeddings;       // (P, H)
    final float[] tokenTypeEmbeddings;      // (T, H)
    final float[] embeddingLnGamma, embeddingLnBeta;
    final Layer[] layers;
    final BertLinear poolerWeight;          // (H, H); null without pooler
    final float[] poolerBias;
    final MaskedLmHead maskedLm;            // null without MLM head
    final long heapFloats;

    /** The mapped sidecar of pre-packed linear weights (storage PACKED_FILE), else null; closed with the model. */
    final PackedWeightsFile packedFile;

    private final SafetensorsReader reader;
    private final String prefix;
    private final boolean prepack;
    private long floats;

    private BertWeights(BertConfig config, SafetensorsReader reader, BertWeightStorage storage, Path packedDir) throws IOException {
        this.config = config;
        this.reader = reader;
        this.prepack = storage == BertWeightStorage.HEAP;
        this.prefix = reader.contains("bert.embeddings.word_embeddings.weight") ? "bert." : "";
        int h = config.hiddenSize(), inter = config.intermediateSize();
        validate();
        packedFile = storage == BertWeightStorage.PACKED_FILE ? openPackedFile(packedDir) : null;
        try {
            String word = prefix + "embeddings.word_embeddings.weight";
            if (reader.dtype(word) == SafetensorsDtype.F32) {
                wordEmbeddings = reader.segment(word);
            } else {
                float[] widened = reader.readFloats(word); // F16/BF16: widened once, on the heap
                floats += widened.length;
                wordEmbeddings = MemorySegment.ofArray(widened);
            }
            positionEmbeddings = small("embeddings.position_embeddings.weight");
            tokenTypeEmbeddings = small("embeddings.token_type_embeddings.weight");
            embeddingLnGamma = small("embeddings.LayerNorm.weight");
            embeddingLnBeta = small("embeddings.LayerNorm.bias");
            layers = new Layer[config.numHiddenLayers()];
            for (int l = 0; l < layers.length; l++) {
                String p = "encoder.layer." + l + ".";
                float[] qkvBias = new float[3 * h];
                String[] parts = {"query", "key", "value"};
                for (int i = 0; i < 3; i++) {
                    System.arraycopy(small(p + "attention.self." + parts[i] + ".bias"), 0, qkvBias, i * h, h);
                }
                layers[l] = new Layer(qkv(p + "attention.self.", h), qkvBias,
                        linear(p + "attention.output.dense.weight", h, h), small(p + "attention.output.dense.bias"),
                        small(p + "attention.output.LayerNorm.weight"), small(p + "attention.output.LayerNorm.bias"),
                        linear(p + "intermediate.dense.weight", inter, h), small(p + "intermediate.dense.bias"),
                        linear(p + "output.dense.weight", h, inter), small(p + "output.dense.bias"),
                        small(p + "output.LayerNorm.weight"), small(p + "output.LayerNorm.bias"));
            }
            if (reader.contains(prefix + "pooler.dense.weight")) {
                poolerWeight = linear("pooler.dense.weight", h, h);
                poolerBias = small("pooler.dense.bias");
            } else {
                poolerWeight = null;
                poolerBias = null;
            }
            if (reader.contains("cls.predictions.transform.dense.weight")) {
                maskedLm = new MaskedLmHead(heads("cls.predictions.transform.dense.weight"),
                        heads("cls.predictions.transform.dense.bias"), heads("cls.predictions.transform.LayerNorm.weight"),
                        heads("cls.predictions.transform.LayerNorm.bias"),
                        heads(reader.contains("cls.predictions.bias") ? "cls.predictions.bias" : "cls.predictions.decoder.bias"));
            } else {
                maskedLm = null;
            }
        } catch (IOException | RuntimeException e) {
            if (packedFile != null) packedFile.close(); // unmap the sidecar if the rest of the checkpoint is bad
            throw e;
        }
        heapFloats = floats;
    }

    /**
     * Validates the mapped checkpoint and lays its weights out; the caller closes the reader.
     *
     * @param prepack true: pack the linear weights onto the heap once (see the class comment);
     *                false: read them from the mapping on every GEMM
     */
    static BertWeights load(BertConfig config, SafetensorsReader reader, boolean prepack) throws IOException {
        return load(config, reader, prepack ? BertWeightStorage.HEAP : BertWeightStorage.MAPPED, null);
    }

    /**
     * Validates the mapped checkpoint and lays its linear weights out as {@code storage} says; the
     * caller closes the reader and {@link #packedFile}.
     *
     * @param packedDir where the PACKED_FILE sidecar lives; null for next to the safetensors file
     */
    static BertWeights load(BertConfig config, SafetensorsReader reader, BertWeightStorage storage, Path packedDir)
            throws IOException {
        return new BertWeights(config, reader, storage, packedDir);
    }

    /**
     * The sidecar of pre-packed linear weights (see {@link PackedWeightsFile}): in {@code packedDir}
     * (named after the model directory) or next to the weights file; null, with a warning on
     * stderr, when it cannot be written or read (a read-only model directory, a full disk): the
     * weights are then read from the safetensors mapping as with MAPPED. A checkpoint that does
     * not hold what the config says is still an error.
     */
    private PackedWeightsFile openPackedFile(Path packedDir) throws CheckpointFormatException {
        Path weights = reader.path().toAbsolutePath();
        Path file = packedDir == null ? weights.resolveSibling(PackedWeightsFile.fileName(weights))
                : packedDir.resolve(weights.getParent().getFileName() + "." + PackedWeightsFile.fileName(weights));
        try {
            return PackedWeightsFile.openOrBuild(reader, packedEntries(), file);
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException e) {
            System.err.println("warning: cannot use the packed weights file " + file + " (" + e + "); reading the weights from "
                    + weights + " in every GEMM instead");
            return null;
        }
    }

    /** The linear weights a sidecar holds: per layer [Q; K; V] fused, attention output, FFN in and out; the pooler. */
    private List<PackedWeightsFile.Entry> packedEntries() {
        int h = config.hiddenSize(), inter = config.intermediateSize();
        List<PackedWeightsFile.Entry> entries = new ArrayList<>();
        for (int l = 0; l < config.numHiddenLayers(); l++) {
            String p = prefix + "encoder.layer." + l + ".";
            entries.add(new PackedWeightsFile.Entry(p + "attention.self.qkv", List.of(p + "attention.self.query.weight",
                    p + "attention.self.key.weight", p + "attention.self.value.weight"), 3 * h, h));
            entries.add(single(p + "attention.output.dense.weight", h, h));
            entries.add(single(p + "intermediate.dense.weight", inter, h));
            entries.add(single(p + "output.dense.weight", h, inter));
        }
        if (reader.contains(prefix + "pooler.dense.weight")) entries.add(single(prefix + "pooler.dense.weight", h, h));
        return entries;
    }

    private static PackedWeightsFile.Entry single(String name, int out, int in) {
        return new PackedWeightsFile.Entry(name, List.of(name), out, in);
    }

    /** True if the linear weights were packed onto the heap. */
    boolean prepacked() {
        return prepack;
    }

    /** The file the weights come from. */
    Path path() {
        return reader.path();
    }

    /** Checks every tensor the config calls for; one error lists each missing or mis-shaped one. */
    private void validate() throws CheckpointFormatException {
        int h = config.hiddenSize(), inter = config.intermediateSize(), v = config.vocabSize();
        List<String> problems = new ArrayList<>();
        expect(problems, prefix + "embeddings.word_embeddings.weight", v, h);
        expect(problems, prefix + "embeddings.position_embeddings.weight", config.maxPositionEmbeddings(), h);
        expect(problems, prefix + "embeddings.token_type_embeddings.weight", config.typeVocabSize(), h);
        expectLayerNorm(problems, prefix + "embeddings.LayerNorm", h);
        for (int l = 0; l < config.numHiddenLayers(); l++) {
            String p = prefix + "encoder.layer." + l + ".";
            for (String part : List.of("query", "key", "value")) expectLinear(problems, p + "attention.self." + part, h, h);
            expectLinear(problems, p + "attention.output.dense", h, h);
            expectLayerNorm(problems, p + "attention.output.LayerNorm", h);
            expectLinear(problems, p + "intermediate.dense", inter, h);
            expectLinear(problems, p + "output.dense", h, inter);
            expectLayerNorm(problems, p + "output.LayerNorm", h);
        }
        if (reader.contains(prefix + "pooler.dense.weight") || reader.contains(prefix + "pooler.dense.bias")) {
            expectLinear(problems, prefix + "pooler.dense", h, h);
        }
        if (reader.contains("cls.predictions.transform.dense.weight")) {
            expectLinear(problems, "cls.predictions.transform.dense", h, h);
            expectLayerNorm(problems, "cls.predictions.transform.LayerNorm", h);
            expect(problems, reader.contains("cls.predictions.bias") ? "cls.predictions.bias" : "cls.predictions.decoder.bias", v);
            if (reader.contains("cls.predictions.decoder.weight")) expect(problems, "cls.predictions.decoder.weight", v, h);
        }
        if (!problems.isEmpty()) {
            throw new CheckpointFormatException(reader.path() + ": does not hold the BERT described by config.json ("
                    + "hidden " + h + ", " + config.numHiddenLayers() + " layers, intermediate " + inter + ", vocab " + v
                    + "): " + String.join("; ", problems));
        }
    }

    private void expectLinear(List<String> problems, String name, int out, int in) throws CheckpointFormatException {
        expect(problems, name + ".weight", out, in);
        expect(problems, name + ".bias", out);
    }

    private void expectLayerNorm(List<String> problems, String name, int h) throws CheckpointFormatException {
        expect(problems, name + ".weight", h);
        expect(problems, name + ".bias", h);
    }

    private void expect(List<String> problems, String name, int... shape) throws CheckpointFormatException {
        if (!reader.contains(name)) {
            problems.add("tensor '" + name + "' missing (expected shape " + Arrays.toString(shape) + ")");
        } else if (!Arrays.equals(reader.shape(name), shape)) {
            problems.add("tensor '" + name + "' expected shape " + Arrays.toString(shape) + ", found "
                    + Arrays.toString(reader.shape(name)));
        }
    }

    /** A small encoder tensor read into the heap. */
    private float[] small(String name) throws CheckpointFormatException {
        float[] values = reader.readFloats(prefix + name);
        floats += values.length;
        return values;
    }

    /** A masked-LM head tensor (never prefixed). */
    private float[] heads(String name) throws CheckpointFormatException {
        float[] values = reader.readFloats(name);
        floats += values.length;
        return values;
    }

    /**
     * The Q, K, V projections of one layer (names {@code <self>query.weight} etc., each [H, H]):
     * pre-packed, one fused (3H, H) operand so the three are one GEMM; mapped, three weights (the
     * file need not store them next to each other) filling the three column ranges of [Q|K|V].
     */
    private BertLinear[] qkv(String self, int h) throws CheckpointFormatException {
        String[] parts = {"query", "key", "value"};
        if (packedFile != null) return new BertLinear[] {BertLinear.packed(packedFile.get(prefix + self + "qkv"))};
        if (!prepack) {
            BertLinear[] three = new BertLinear[3];
            for (int i = 0; i < 3; i++) three[i] = linear(self + parts[i] + ".weight", h, h);
            return three;
        }
        float[] qkvWeight = new float[3 * h * h];   // [q; k; v] rows: (3H, H) = [out, in]
        for (int i = 0; i < 3; i++) {
            String name = prefix + self + parts[i] + ".weight";
            System.arraycopy(reader.readFloats(name), 0, qkvWeight, i * h * h, h * h);
            release(reader.segment(name));
        }
        floats += qkvWeight.length;
        return new BertLinear[] {BertLinear.packed(Gemm.packB(true, h, 3 * h, qkvWeight, 0, h))};
    }

    /**
     * A linear weight W [out, in] for y = x W^T: mapped, the file's own bytes (F16/BF16 widened
     * once onto the heap); pre-packed, W^T (in, out) in the kernel's panel order on the heap.
     */
    private BertLinear linear(String name, int out, int in) throws CheckpointFormatException {
        String full = prefix + name;
        if (packedFile != null) return BertLinear.packed(packedFile.get(full));
        MemorySegment segment = reader.segment(full);
        boolean f32 = reader.dtype(full) == SafetensorsDtype.F32;
        if (!prepack) {
            BertLinear mapped = BertLinear.mapped(f32 ? segment : MemorySegment.ofArray(reader.readFloats(full)), out, in);
            floats += mapped.heapFloats();
            return mapped;
        }
        BertLinear b = BertLinear.packed(f32 ? Gemm.packB(true, in, out, segment, 0, in)
                : Gemm.packB(true, in, out, reader.readFloats(full), 0, in));
        release(segment);
        floats += (long) out * in;
        return b;
    }

    /**
     * Drops the pages of a tensor that now lives packed on the heap from this process's resident
     * set (they stay in the OS page cache); without this the file's bytes would count twice in RSS.
     */
    private static void release(MemorySegment segment) {
        if (segment.isMapped()) segment.unload();
    }
}
