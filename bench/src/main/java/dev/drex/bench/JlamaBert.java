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
 * </pre>
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

    /** Builds the directory layout Jlama's loader expects, without touching {@code modelDir}. */
    static Path stage(Path modelDir) throws IOException {
        Path dir = Files.createTempDirectory("jlama-bert");
        dir.toFile().deleteOnExit();
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(modelDir.resolve("config.json").toFile());
        if ("gelu_new".equals(config.path("hidden_act").asText())) config.put("hidden_act", "gelu_pytorch_tanh");
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
