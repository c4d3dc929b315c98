package dev.drex.app.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.IntStream;

/**
 * Assignment of every interaction of a {@link Dataset} to train, validation or test.
 * Index arrays are in the dataset's (time) order. Immutable.
 */
public final class Split {

    /** The three parts, with the names written to split files. */
    public enum Part {
        TRAIN("train"), VALIDATION("validation"), TEST("test");

        private final String fileName;

        Part(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        /** The part named {@code name} in a split file, or {@code null}. */
        public static Part ofFileName(String name) {
            for (Part p : values()) if (p.fileName.equals(name)) return p;
            return null;
        }
    }

    private final Dataset data;
    private final Part[] parts;
    private final int movedToTrain;

    /**
     * @param parts        the part of each interaction (length {@code data.size()}); copied
     * @param movedToTrain how many validation/test interactions were moved to train (0 when loaded)
     */
    public Split(Dataset data, Part[] parts, int movedToTrain) {
        if (parts.length != data.size()) {
            throw new IllegalArgumentException("parts has " + parts.length + " entries, dataset " + data.size());
        }
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] == null) throw new IllegalArgumentException("interaction " + k + " has no part");
        }
        this.data = data;
        this.parts = parts.clone();
        this.movedToTrain = movedToTrain;
    }

    public Dataset dataset() {
        return data;
    }

    public Part part(int k) {
        return parts[k];
    }

    /** Indices of the interactions in {@code part}, increasing (time order). */
    public int[] indices(Part part) {
        return IntStream.range(0, parts.length).filter(k -> parts[k] == part).toArray();
    }

    public int[] train() {
        return indices(Part.TRAIN);
    }

    public int[] validation() {
        return indices(Part.VALIDATION);
    }

    public int[] test() {
        return indices(Part.TEST);
    }

    public int count(Part part) {
        int n = 0;
        for (Part p : parts) if (p == part) n++;
        return n;
    }

    /** Validation/test interactions moved to train because their user or item was absent from train. */
    public int movedToTrain() {
        return movedToTrain;
    }

    /**
     * The canonical text of this split: one line {@code user_id TAB item_id TAB part} per interaction,
     * sorted by user id then item id (Java {@code String} order), each line ending in {@code \n}.
     * It depends only on ids and parts, not on reading order; {@link #sha256()} hashes it (UTF-8).
     */
    public String canonicalText() {
        Integer[] order = new Integer[parts.length];
        for (int k = 0; k < order.length; k++) order[k] = k;
        Arrays.sort(order, Comparator.<Integer, String>comparing(k -> data.userId(data.user(k)))
                .thenComparing(k -> data.itemId(data.item(k))));
        StringBuilder sb = new StringBuilder(parts.length * 32);
        for (int k : order) {
            sb.append(data.userId(data.user(k))).append('\t').append(data.itemId(data.item(k))).append('\t')
                    .append(parts[k].fileName()).append('\n');
        }
        return sb.toString();
    }

    /** SHA-256 of {@link #canonicalText()}, lower-case hex: the split's identity. */
    public String sha256() {
        return sha256Hex(canonicalText());
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
