package dev.drex.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tjake.jlama.model.AbstractModel;
import com.github.tjake.jlama.model.ModelSupport;
import com.github.tjake.jlama.safetensors.DType;
import com.github.tjake.jlama.tensor.AbstractTensor;
import com.github.tjake.jlama.tensor.KvBufferCache;
import com.github.tjake.jlama.util.PhysicalCoreExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT-base forward throughput of Jlama 0.8.4 (pure Java, Vector API), the pure-Java peer of
 * {@link BertVsOnnx}'s drex run. Used by bench/jlama-bert.sh.
 * <pre>
 *   JlamaBert MODEL_DIR THREADS SEQ REPS
 *   JlamaBert check MODEL_DIR      max |diff| of Jlama's and drex's hidden states on one 128-token input
 * </pre>
 * check's environment knobs: JLAMA_CHECK_SEQ (sequence length, default 128), JLAMA_LAYERS (truncate both
 * models to that many layers), JLAMA_QTYPE (Jlama working quantization dtype, default F32), JLAMA_DEBUG
 * (per-token values, Jlama's embedding vs a hand computation, and with JLAMA_LAYERS=1 a hand-computed
 * single-token layer 0 from Jlama's own loaded weights).
 * <p>
 * Finding (2026-11-28, Jlama 0.8.4): the timing is of a forward that is NOT BERT's. Jlama's embeddings
 * agree with the hand computation (2.5e-6), but after one layer on a single token Jlama gives
 * (-0.1763, 0.2834, ...) where drex and the hand computation from Jlama's own weights both give
 * (0.0172, 0.1112, ...); and its BERT uses CausalSelfAttention (token 0's output does not depend on later
 * tokens). Max |diff| vs drex over 128 tokens x 12 layers: 1.0e+01.
 * MODEL_DIR is our converted bert-base-uncased (config.json, vocab.txt, model.safetensors with Hugging
 * Face BertModel names). Jlama's loader wants a Hugging Face tokenizer.json and an activation name it
 * knows, so a temporary directory is staged: model.safetensors symlinked, config.json copied with
 * {@code hidden_act "gelu_new"} renamed to its identical twin {@code "gelu_pytorch_tanh"}, and a minimal
 * WordPiece tokenizer.json written from vocab.txt (the benchmark feeds token ids, so the tokenizer only
 * has to load). Weights and activations stay float32 (working dtype F32, no quantization).
 * <p>
 * One forward = {@code batchForward} of batch 1 x SEQ ids (the hidden states (SEQ, 768), no pooling),
 * inputs as in {@link BertVsOnnx#ids}. Prints one line:
 * {@code jlama threads 1 seq seconds(median) tokens/s rss_mb peak_rss_mb cpu_s}, cpu_s being process CPU
 * seconds per forward.
 */
public final class JlamaBert {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("check")) {
            check(Path.of(args[1]));
            System.exit(0);
        }
        Path modelDir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]), seq = Integer.parseInt(args[2]), reps = Integer.parseInt(args[3]);
        PhysicalCoreExecutor.overrideThreadCount(threads);
        Path staged = stage(modelDir);
        AbstractModel model = ModelSupport.loadEmbeddingModel(staged.toFile(), DType.F32, DType.F32);
        KvBufferCache kvCache = new KvBufferCache(model);
        int[] ids = BertVsOnnx.ids(1, seq, 42)[0];

        for (int w = 0; w < 3; w++) forward(model, kvCache, ids);
        double[] seconds = new double[reps];
        long cpu0 = BertVsOnnx.cpuNanos();
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            forward(model, kvCache, ids);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        double cpu = (BertVsOnnx.cpuNanos() - cpu0) / 1e9 / reps;
        System.err.println("per-forward seconds: " + Arrays.toString(seconds));
        Arrays.sort(seconds);
        double median = seconds[reps / 2];
        System.out.printf("jlama %d 1 %d %.4f %.1f %.0f %.0f %.4f%n", threads, seq, median, seq / median,
                BertVsOnnx.rssMb("VmRSS"), BertVsOnnx.rssMb("VmHWM"), cpu);
        System.exit(0); // Jlama's worker pools are non-daemon
    }

    /** One forward of {@code ids} (1, SEQ) -> hidden states (SEQ, H); returns H of the last token's first value. */
    static float forward(AbstractModel model, KvBufferCache kvCache, int[] ids) {
        try (KvBufferCache.KvBuffer kv = kvCache.getEphemeralKvBuffer()) {
            AbstractTensor out = model.batchForward(ids, 0, kv);
            float v = out.get(ids.length - 1, 0);
            out.close();
            return v;
        }
    }

    /** Prints max |diff| between Jlama's and drex's last hidden states (1, 128, H) for the same ids. */
    static void check(Path modelDir) throws IOException {
        int[] ids = BertVsOnnx.ids(1, Integer.parseInt(System.getenv().getOrDefault("JLAMA_CHECK_SEQ", "128")), 1)[0];
        Path staged = stage(modelDir);
        AbstractModel jlama = ModelSupport.loadEmbeddingModel(staged.toFile(), DType.F32, DType.valueOf(System.getenv().getOrDefault("JLAMA_QTYPE", "F32")));
        try (KvBufferCache.KvBuffer kv = new KvBufferCache(jlama).getEphemeralKvBuffer();
             dev.drex.engine.bert.BertModel drex = dev.drex.engine.bert.BertModel.load(System.getenv("JLAMA_LAYERS") != null ? staged : modelDir)) {
            if (System.getenv("JLAMA_DEBUG") != null) debugEmbedding(jlama, ids[0]);
            AbstractTensor out = jlama.batchForward(ids, 0, kv);
            dev.drex.engine.bert.BertOutput expected = drex.forward(new int[][] {ids}, null);
            double max = 0, maxAbs = 0;
            for (int t = 0; t < ids.length; t++) {
                for (int j = 0; j < expected.hidden(); j++) {
                    max = Math.max(max, Math.abs(out.get(t, j) - expected.hidden(0, t, j)));
                    maxAbs = Math.max(maxAbs, Math.abs(expected.hidden(0, t, j)));
                }
            }
            if (System.getenv("JLAMA_DEBUG") != null) {
                for (int t : new int[] {0, ids.length - 1}) {
                    double m = 0;
                    for (int j = 0; j < expected.hidden(); j++) m = Math.max(m, Math.abs(out.get(t, j) - expected.hidden(0, t, j)));
                    System.out.printf("token %d: max diff %.3e  jlama %.4f %.4f  drex %.4f %.4f%n", t, m, out.get(t, 0), out.get(t, 1),
                            expected.hidden(0, t, 0), expected.hidden(0, t, 1));
                }
            }
            System.out.printf("check: max |diff| Jlama vs drex last_hidden_state %.2e (max |value| %.2f)%n", max, maxAbs);
        }
    }

    /** Debug: Jlama's embedding of one token at position 0 vs LayerNorm(word + type0 + pos0) computed here from the same weights. */
    static void debugEmbedding(AbstractModel jlama, int id) {
        try {
            java.lang.reflect.Field f = AbstractModel.class.getDeclaredField("embedInput");
            f.setAccessible(true);
            AbstractTensor e = ((com.github.tjake.jlama.model.functions.EmbedInput) f.get(jlama)).inputTokenToEmbedding(id, 0);
            var w = jlama.getWeights();
            AbstractTensor we = w.load("embeddings.word_embeddings.weight"), wt = w.load("embeddings.token_type_embeddings.weight");
            AbstractTensor wp = w.load("embeddings.position_embeddings.weight");
            AbstractTensor g = w.load("embeddings.LayerNorm.weight"), b = w.load("embeddings.LayerNorm.bias");
            int h = 768;
            double[] x = new double[h];
            double mean = 0, var = 0;
            for (int j = 0; j < h; j++) { x[j] = we.get(id, j) + wt.get(0, j) + wp.get(0, j); mean += x[j] / h; }
            for (int j = 0; j < h; j++) var += (x[j] - mean) * (x[j] - mean) / h;
            double max = 0;
            for (int j = 0; j < h; j++) {
                double ref = (x[j] - mean) / Math.sqrt(var + 1e-12) * g.get(0, j) + b.get(0, j);
                max = Math.max(max, Math.abs(ref - e.get(0, j)));
            }
            if ("1".equals(System.getenv("JLAMA_LAYERS"))) {
                double[] e0 = new double[h];
                for (int j = 0; j < h; j++) e0[j] = e.get(0, j);
                String p = "encoder.layer.0.";
                double[] v = linear(w.load(p + "attention.self.value.weight"), w.load(p + "attention.self.value.bias"), e0);
                double[] a = linear(w.load(p + "attention.output.dense.weight"), w.load(p + "attention.output.dense.bias"), v);
                for (int j = 0; j < h; j++) a[j] += e0[j];
                double[] h1 = norm(a, w.load(p + "attention.output.LayerNorm.weight"), w.load(p + "attention.output.LayerNorm.bias"));
                double[] u = linear(w.load(p + "intermediate.dense.weight"), w.load(p + "intermediate.dense.bias"), h1);
                for (int j = 0; j < u.length; j++) u[j] = 0.5 * u[j] * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (u[j] + 0.044715 * u[j] * u[j] * u[j])));
                double[] m = linear(w.load(p + "output.dense.weight"), w.load(p + "output.dense.bias"), u);
                for (int j = 0; j < h; j++) m[j] += h1[j];
                double[] y = norm(m, w.load(p + "output.LayerNorm.weight"), w.load(p + "output.LayerNorm.bias"));
                System.out.printf("hand-computed layer 0 (single token): %.4f %.4f%n", y[0], y[1]);
            }
            System.out.printf("embedding: max |diff| %.3e; jlama %.4f %.4f  ref %.4f%n", max, e.get(0, 0), e.get(0, 1),
                    (x[0] - mean) / Math.sqrt(var + 1e-12) * g.get(0, 0) + b.get(0, 0));
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Debug: W (out, in) x + b in double. */
    static double[] linear(AbstractTensor w, AbstractTensor b, double[] x) {
        int out = w.shape().dim(0);
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double acc = b.get(0, o);
            for (int i = 0; i < x.length; i++) acc += w.get(o, i) * x[i];
            y[o] = acc;
        }
        return y;
    }

    /** Debug: LayerNorm with eps 1e-12. */
    static double[] norm(double[] x, AbstractTensor g, AbstractTensor b) {
        double mean = 0, var = 0;
        for (double v : x) mean += v / x.length;
        for (double v : x) var += (v - mean) * (v - mean) / x.length;
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) y[j] = (x[j] - mean) / Math.sqrt(var + 1e-12) * g.get(0, j) + b.get(0, j);
        return y;
    }

    /** Builds the directory layout Jlama's loader expects, without touching {@code modelDir}. */
    static Path stage(Path modelDir) throws IOException {
        Path dir = Files.createTempDirectory("jlama-bert");
        dir.toFile().deleteOnExit();
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(modelDir.resolve("config.json").toFile());
        if ("gelu_new".equals(config.path("hidden_act").asText())) config.put("hidden_act", "gelu_pytorch_tanh");
        if (System.getenv("JLAMA_LAYERS") != null) config.put("num_hidden_layers", Integer.parseInt(System.getenv("JLAMA_LAYERS")));
        json.writeValue(dir.resolve("config.json").toFile(), config);
        Files.createSymbolicLink(dir.resolve("model.safetensors"), modelDir.resolve("model.safetensors").toAbsolutePath());
        Files.copy(modelDir.resolve("vocab.txt"), dir.resolve("vocab.txt"));
        json.writeValue(dir.resolve("tokenizer.json").toFile(), wordPieceTokenizer(modelDir.resolve("vocab.txt")));
        return dir;
    }

    /** A minimal Hugging Face tokenizer.json: WordPiece model over vocab.txt (one token per line, id = line index). */
    static Map<String, Object> wordPieceTokenizer(Path vocabTxt) throws IOException {
        List<String> lines = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
        Map<String, Integer> vocab = new LinkedHashMap<>();
        List<Map<String, Object>> added = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String token = lines.get(i);
            vocab.putIfAbsent(token, i);
            if (token.startsWith("[") && token.endsWith("]") && !token.startsWith("[unused"))
                added.add(Map.of("id", i, "content", token, "special", true));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "WordPiece");
        model.put("unk_token", "[UNK]");
        model.put("continuing_subword_prefix", "##");
        model.put("max_input_chars_per_word", 100);
        model.put("vocab", vocab);
        Map<String, Object> tokenizer = new LinkedHashMap<>();
        tokenizer.put("version", "1.0");
        tokenizer.put("added_tokens", added);
        tokenizer.put("model", model);
        return tokenizer;
    }
}
