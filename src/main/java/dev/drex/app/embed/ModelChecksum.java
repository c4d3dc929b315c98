package dev.drex.app.embed;

import dev.drex.app.data.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * The identity of a BERT model directory: a SHA-256 over everything that decides the vectors,
 * <pre>
 *   SHA-256( "model.safetensors " sha256(model.safetensors) "\n"
 *            "config.json " sha256(config.json) "\n"
 *            "tokenizer.json " sha256(tokenizer.json) "\n"    (each file only if present)
 *            "vocab.txt " sha256(vocab.txt) "\n" )
 * </pre>
 * Hashing the whole weights file costs about a second per 400 MB; its digest is kept in the sidecar
 * {@code model.safetensors.sha256} ("sha256 HEX size BYTES mtime MILLIS") and reused while the file's
 * size and modification time are unchanged. A sidecar that cannot be written (read-only directory) is
 * skipped silently.
 */
public final class ModelChecksum {

    static final String SIDECAR = "model.safetensors.sha256";
    private static final List<String> SMALL_FILES = List.of("config.json", "tokenizer.json", "vocab.txt");

    private ModelChecksum() {
    }

    /** The model's checksum, lower-case hex (64 characters). */
    public static String of(Path modelDir) throws IOException {
        Path weights = modelDir.resolve("model.safetensors");
        if (!Files.isRegularFile(weights)) throw new IOException(modelDir + ": no model.safetensors");
        StringBuilder manifest = new StringBuilder();
        manifest.append("model.safetensors ").append(weightsDigest(weights)).append('\n');
        for (String name : SMALL_FILES) {
            Path f = modelDir.resolve(name);
            if (Files.isRegularFile(f)) manifest.append(name).append(' ').append(digest(f)).append('\n');
        }
        return ReviewKey.hex(ReviewKey.sha256().digest(manifest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** sha256 of the weights, from the sidecar when its size and mtime still match. */
    static String weightsDigest(Path weights) throws IOException {
        long size = Files.size(weights);
        long mtime = Files.getLastModifiedTime(weights).toMillis();
        Path sidecar = weights.resolveSibling(SIDECAR);
        String expectedTail = " size " + size + " mtime " + mtime;
        if (Files.isRegularFile(sidecar)) {
            String line = Files.readString(sidecar).strip();
            if (line.startsWith("sha256 ") && line.endsWith(expectedTail) && line.length() == 7 + 64 + expectedTail.length()) {
                return line.substring(7, 7 + 64);
            }
        }
        String hex = digest(weights);
        try {
            AtomicFiles.writeString(sidecar, "sha256 " + hex + expectedTail + "\n");
        } catch (IOException e) {
            // read-only model directory: the digest is recomputed next time
        }
        return hex;
    }

    /** sha256 of a file's bytes, lower-case hex. */
    static String digest(Path file) throws IOException {
        MessageDigest sha = ReviewKey.sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
        return ReviewKey.hex(sha.digest());
    }
}
