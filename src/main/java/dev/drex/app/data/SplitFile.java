package dev.drex.app.data;

import dev.drex.app.data.Split.Part;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves and loads a {@link Split} as ids only, so that every model and baseline uses the same one.
 *
 * <pre>
 * # drex split v1
 * # sha256 &lt;hex of the canonical text&gt;
 * # moved_to_train &lt;n&gt;
 * user_id	item_id	part
 * &lt;canonical text: user_id TAB item_id TAB train|validation|test, sorted by user id then item id&gt;
 * </pre>
 * Loading checks that the rows hash to the recorded SHA-256, that every (user, item) exists in the
 * dataset, appears once, and that every interaction of the dataset is assigned. Any failure is a
 * {@link DataFormatException} naming the file and line.
 */
public final class SplitFile {

    static final String MAGIC = "# drex split v1";
    static final String COLUMNS = "user_id\titem_id\tpart";

    private SplitFile() {
    }

    /** Writes {@code split} to {@code file} atomically. Returns its SHA-256. */
    public static String save(Split split, Path file) throws IOException {
        String body = split.canonicalText();
        String hash = Split.sha256Hex(body);
        String text = MAGIC + "\n# sha256 " + hash + "\n# moved_to_train " + split.movedToTrain() + "\n"
                + COLUMNS + "\n" + body;
        AtomicFiles.writeString(file, text);
        return hash;
    }

    /** Reads the split in {@code file} for {@code data}; see the class comment for the checks. */
    public static Split load(Path file, Dataset data) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = file.toString();
        if (lines.size() < 4 || !lines.get(0).equals(MAGIC)) {
            throw new DataFormatException(name + ":1: not a drex split file (expected '" + MAGIC + "')");
        }
        String declaredHash = headerValue(name, lines, 1, "# sha256 ");
        int moved;
        try {
            moved = Integer.parseInt(headerValue(name, lines, 2, "# moved_to_train "));
        } catch (NumberFormatException e) {
            throw new DataFormatException(name + ":3: moved_to_train is not an integer");
        }
        if (!lines.get(3).equals(COLUMNS)) {
            throw new DataFormatException(name + ":4: expected the column line '" + COLUMNS.replace("\t", "\\t") + "'");
        }
        Part[] parts = new Part[data.size()];
        for (int j = 4; j < lines.size(); j++) {
            String where = name + ":" + (j + 1) + ": ";
            String[] f = lines.get(j).split("\t", -1);
            if (f.length != 3) throw new DataFormatException(where + "expected 3 tab-separated fields, got " + f.length);
            int u = data.userIndex(f[0]);
            int i = data.itemIndex(f[1]);
            if (u < 0) throw new DataFormatException(where + "user '" + f[0] + "' is not in the data");
            if (i < 0) throw new DataFormatException(where + "item '" + f[1] + "' is not in the data");
            int k = data.find(u, i);
            if (k < 0) throw new DataFormatException(where + "user '" + f[0] + "' never rated item '" + f[1] + "' in the data");
            Part part = Part.ofFileName(f[2]);
            if (part == null) throw new DataFormatException(where + "unknown part '" + f[2] + "' (train, validation or test)");
            if (parts[k] != null) throw new DataFormatException(where + "pair (" + f[0] + ", " + f[1] + ") listed twice");
            parts[k] = part;
        }
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] == null) {
                throw new DataFormatException(name + ": the split does not cover the data: interaction ("
                        + data.userId(data.user(k)) + ", " + data.itemId(data.item(k)) + ") from " + data.source(k)
                        + " has no part (the split was made for other data or another filter)");
            }
        }
        Split split = new Split(data, parts, moved);
        String actualHash = split.sha256();
        if (!actualHash.equals(declaredHash)) {
            throw new DataFormatException(name + ": rows hash to sha256 " + actualHash + " but the file records "
                    + declaredHash + " (edited or corrupt)");
        }
        return split;
    }

    /** The SHA-256 recorded in a split file, without checking it against any data. */
    public static String recordedHash(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).equals(MAGIC)) {
            throw new DataFormatException(file + ":1: not a drex split file (expected '" + MAGIC + "')");
        }
        return headerValue(file.toString(), lines, 1, "# sha256 ");
    }

    private static String headerValue(String name, List<String> lines, int index, String prefix) {
        String line = lines.get(index);
        if (!line.startsWith(prefix)) {
            throw new DataFormatException(name + ":" + (index + 1) + ": expected '" + prefix.trim() + " ...'");
        }
        return line.substring(prefix.length()).trim();
    }
}
