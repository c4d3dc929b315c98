package dev.drex.app.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Opens a review file as a byte stream: plain, gzip, or a zip archive holding exactly one file.
 * The compression is recognised from the first bytes (gzip {@code 1f 8b}, zip {@code PK 03 04}),
 * not from the file name; only a {@code .gz} file shorter than the gzip magic number counts as a gzip
 * cut short (an empty {@code .gz} is a truncated one, not an empty plain file).
 *
 * <p>A gzip stream that ends early throws {@link EOFException} from {@code read}; {@link LineReader}
 * turns that into a warning after the last complete line.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** Opens {@code file} decompressed. The caller closes the stream. */
    public static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such review file");
        byte[] magic = new byte[4];
        int n;
        try (InputStream probe = Files.newInputStream(file)) {
            n = probe.readNBytes(magic, 0, 4);
        }
        boolean gzipName = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
        if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) return openGzip(file);
        if (gzipName && (n == 0 || (n == 1 && (magic[0] & 0xff) == 0x1f))) return endsAtOnce("gzip file cut inside its magic number");
        if (n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) return openZip(file);
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    private static InputStream openGzip(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (EOFException e) {
            // Truncated inside the 10-byte gzip header: no line can be read; report it on the first read.
            raw.close();
            return endsAtOnce("gzip header incomplete");
        }
    }

    /** A stream whose first read reports a truncation (see {@link LineReader}). */
    private static InputStream endsAtOnce(String why) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new EOFException(why);
            }
        };
    }

    private static InputStream openZip(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(file + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
        List<ZipEntry> files = new ArrayList<>();
        zip.stream().filter(entry -> !entry.isDirectory()).forEach(files::add);
        if (files.size() != 1) {
            zip.close();
            throw new DataFormatException(file + ": a zip must hold exactly one file, this one holds "
                    + files.size() + (files.isEmpty() ? "" : " " + files.stream().map(ZipEntry::getName).toList()));
        }
        InputStream entry = zip.getInputStream(files.getFirst());
        // Closing the entry stream must close the archive too.
        return new BufferedInputStream(entry, 1 << 16) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }
}
