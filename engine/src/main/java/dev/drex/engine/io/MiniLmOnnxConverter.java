package dev.drex.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a BERT-family sentence encoder exported to ONNX by PyTorch (all-MiniLM-L6-v2 as shipped
 * in the langchain4j jar) into a Hugging Face style directory: {@code config.json},
 * {@code vocab.txt}, {@code tokenizer.json}, {@code model.safetensors}.
 *
 * <p>The exporter keeps HF names for embeddings, biases and LayerNorm parameters but stores each
 * linear weight as an anonymous {@code onnx::MatMul_NNN} initializer, pre-transposed to
 * {@code [in, out]} because the graph computes {@code y = MatMul(x, W^T) + b}. The name is
 * recovered from the graph: the MatMul that reads the initializer feeds an Add whose other input is
 * the named bias {@code P.bias}; the weight is then {@code P.weight}, transposed back to
 * {@code [out, in]}. A leading {@code bert.} is stripped so names match HF {@code BertModel}.
 * Non-float initializers ({@code embeddings.position_ids}) are not weights and are skipped.
 * The activation is read from the graph: Erf nodes mean the exact GELU, HF {@code "gelu"}.
 */
public final class MiniLmOnnxConverter {

    private record Planned(String onnxName, int[] shape, SafetensorsWriter.TensorSource source) {}

    private MiniLmOnnxConverter() {}

    /**
     * Converts {@code onnxFile} plus its {@code tokenizerJson} into {@code outputDir}.
     *
     * @param numAttentionHeads not recoverable from the weights (12 for all-MiniLM-L6-v2)
     * @param progress          where progress lines go; may be null
     */
    public static HfBertConfig convert(Path onnxFile, Path tokenizerJson, Path outputDir, int numAttentionHeads,
                                       PrintStream progress) throws IOException {
        try (OnnxModel model = OnnxModel.open(onnxFile)) {
            Map<String, Planned> plan = new LinkedHashMap<>();
            List<String> skipped = new ArrayList<>();
            for (OnnxTensor t : model.initializers().values()) {
                if (t.dataType() != OnnxTensor.FLOAT) {
                    skipped.add(t.name());
                    continue;
                }
                Planned p;
                String name;
                if (isAnonymous(t.name())) {
                    name = weightNameOf(model, t);
                    int in = t.shape()[0];
                    int out = t.shape()[1];
                    p = new Planned(t.name(), new int[] {out, in},
                            sink -> sink.put(BertTfConverter.transpose(t.floats(), in, out)));
                } else {
                    name = t.name().startsWith("bert.") ? t.name().substring("bert.".length()) : t.name();
                    p = new Planned(t.name(), t.shape(), sink -> sink.put(t.floats()));
                }
                Planned previous = plan.put(name, p);
                if (previous != null) {
                    throw new CheckpointFormatException(onnxFile + ": initializers '" + previous.onnxName() + "' and '"
                            + t.name() + "' both map to '" + name + "'");
                }
            }
            HfBertConfig config = inferConfig(model, plan, numAttentionHeads);
            boolean pooler = plan.containsKey("pooler.dense.weight");
            Map<String, int[]> shapes = new LinkedHashMap<>();
            plan.forEach((n, p) -> shapes.put(n, p.shape()));
            HfBertConfig.verify(shapes, config.expectedTensors(pooler, false), onnxFile.toString());
            List<String> vocab = vocabulary(tokenizerJson);
            if (vocab.size() != config.vocabSize()) {
                throw new CheckpointFormatException(tokenizerJson + ": vocabulary has " + vocab.size()
                        + " tokens but embeddings.word_embeddings.weight has " + config.vocabSize() + " rows");
            }
            if (progress != null) {
                progress.printf("MiniLmOnnxConverter: %d tensors (%s pooler), skipped non-weights %s%n", plan.size(),
                        pooler ? "with" : "no", skipped);
            }

            Files.createDirectories(outputDir);
            SafetensorsWriter writer = new SafetensorsWriter()
                    .metadata("format", "pt")
                    .metadata("source", "ONNX model " + onnxFile.getFileName())
                    .metadata("converter", MiniLmOnnxConverter.class.getSimpleName());
            plan.forEach((n, p) -> writer.add(n, p.shape(), p.source()));
            writer.write(outputDir.resolve("model.safetensors"), new ProgressPrinter(progress, "model.safetensors"));
            AtomicFiles.write(outputDir.resolve("vocab.txt"),
                    (String.join("\n", vocab) + "\n").getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(outputDir.resolve("tokenizer.json"), Files.readAllBytes(tokenizerJson));
            config.writeJson(outputDir.resolve("config.json"), "BertModel");
            return config;
        }
    }

    /** True for exporter-generated names ({@code onnx::MatMul_787}) rather than HF parameter names. */
    static boolean isAnonymous(String name) {
        return name.startsWith("onnx::");
    }

    /** The HF weight name of an anonymous MatMul initializer, found through MatMul -> Add(bias). */
    static String weightNameOf(OnnxModel model, OnnxTensor weight) throws CheckpointFormatException {
        String at = model.path() + ": initializer '" + weight.name() + "'";
        if (weight.dims().length != 2) {
            throw new CheckpointFormatException(at + ": expected a 2-D [in, out] MatMul weight, found dims "
                    + java.util.Arrays.toString(weight.dims()));
        }
        List<OnnxModel.Node> users = model.consumersOf(weight.name());
        if (users.size() != 1 || !users.get(0).opType().equals("MatMul") || users.get(0).inputs().size() != 2
                || !users.get(0).inputs().get(1).equals(weight.name())) {
            throw new CheckpointFormatException(at + ": expected exactly one MatMul using it as its second input, found "
                    + users.stream().map(n -> n.opType() + " '" + n.name() + "'").toList());
        }
        OnnxModel.Node matMul = users.get(0);
        List<String> biases = new ArrayList<>();
        for (OnnxModel.Node add : model.consumersOf(matMul.outputs().get(0))) {
            if (!add.opType().equals("Add")) continue;
            for (String input : add.inputs()) {
                OnnxTensor t = model.initializers().get(input);
                if (t != null && input.endsWith(".bias") && t.dims().length == 1 && t.dims()[0] == weight.dims()[1]) {
                    biases.add(input);
                }
            }
        }
        if (biases.size() != 1) {
            throw new CheckpointFormatException(at + ": the output of MatMul '" + matMul.name()
                    + "' should feed one Add with a named bias of length " + weight.dims()[1] + ", found " + biases);
        }
        String bias = biases.get(0);
        String prefix = bias.substring(0, bias.length() - ".bias".length());
        if (prefix.startsWith("bert.")) prefix = prefix.substring("bert.".length());
        return prefix + ".weight";
    }

    private static HfBertConfig inferConfig(OnnxModel model, Map<String, Planned> plan, int heads)
            throws CheckpointFormatException {
        int[] word = shapeOf(model, plan, "embeddings.word_embeddings.weight");
        int[] pos = shapeOf(model, plan, "embeddings.position_embeddings.weight");
        int[] type = shapeOf(model, plan, "embeddings.token_type_embeddings.weight");
        int[] inter = shapeOf(model, plan, "encoder.layer.0.intermediate.dense.bias");
        int layers = 0;
        while (plan.containsKey("encoder.layer." + layers + ".output.dense.bias")) layers++;
        long erf = model.nodes().stream().filter(n -> n.opType().equals("Erf")).count();
        if (erf != layers) {
            throw new CheckpointFormatException(model.path() + ": expected one Erf node (exact GELU) per layer, "
                    + layers + " in all, found " + erf + "; cannot tell the activation");
        }
        return new HfBertConfig(word[0], word[1], layers, heads, inter[0], "gelu", pos[0], type[0], 1e-12);
    }

    private static int[] shapeOf(OnnxModel model, Map<String, Planned> plan, String name) throws CheckpointFormatException {
        Planned p = plan.get(name);
        if (p == null) throw new CheckpointFormatException(model.path() + ": no initializer for '" + name + "'");
        return p.shape();
    }

    /** tokenizer.json {@code model.vocab} (token -> id) as a list indexed by id; ids must be 0..n-1. */
    static List<String> vocabulary(Path tokenizerJson) throws IOException {
        JsonNode vocab = new ObjectMapper().readTree(tokenizerJson.toFile()).path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new CheckpointFormatException(tokenizerJson + ": no object model.vocab (token -> id)");
        }
        String[] byId = new String[vocab.size()];
        for (Map.Entry<String, JsonNode> e : vocab.properties()) {
            int id = e.getValue().asInt(-1);
            if (!e.getValue().isInt() || id < 0 || id >= byId.length || byId[id] != null) {
                throw new CheckpointFormatException(tokenizerJson + ": token '" + e.getKey() + "' has id " + e.getValue()
                        + "; expected distinct ids 0.." + (byId.length - 1));
            }
            if (e.getKey().contains("\n")) {
                throw new CheckpointFormatException(tokenizerJson + ": token id " + id + " contains a newline");
            }
            byId[id] = e.getKey();
        }
        return List.of(byId);
    }
}
