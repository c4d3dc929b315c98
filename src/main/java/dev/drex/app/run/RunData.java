package dev.drex.app.run;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.DatasetBuilder;
import dev.drex.app.data.InputFormat;
import dev.drex.app.data.IssueLog;
import dev.drex.app.data.KCoreFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads review files, cleans them and applies the k-core filter: the dataset every command starts from. */
public final class RunData {

    private RunData() {
    }

    /** The k-core of the files, read leniently (bad records counted, not fatal); fails when the filter leaves nothing or a file is missing. */
    public static Dataset load(List<Path> files, InputFormat format, int minUser, int minItem) throws IOException {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new IllegalArgumentException("data file " + f + " does not exist");
        }
        Dataset data = KCoreFilter.apply(DatasetBuilder.load(files, format, IssueLog.lenient()), minUser, minItem).dataset();
        if (data.size() == 0) throw new IllegalArgumentException("nothing left after the " + minUser + "/" + minItem + " k-core filter");
        return data;
    }
}
