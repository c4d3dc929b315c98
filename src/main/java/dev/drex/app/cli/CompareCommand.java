package dev.drex.app.cli;

import dev.drex.app.compare.CellStore;
import dev.drex.app.compare.CompareStudy;
import dev.drex.app.compare.StudyData;
import dev.drex.app.compare.StudyFiles;
import dev.drex.app.compare.StudyGrids;
import dev.drex.app.compare.StudyModel;
import dev.drex.app.compare.StudyModels;
import dev.drex.app.compare.StudyResults;
import dev.drex.app.compare.StudySettings;
import dev.drex.app.data.Dataset;
import dev.drex.app.report.ReportWriter;
import dev.drex.app.report.StudyReport;
import dev.drex.engine.kernels.Parallel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drex compare --data FILE... [--models all|...] [--seeds 3] [--grid small|default] --out DIR}: the comparison study. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 130,
        description = {"The comparison study (paper, Table 4): DReX, DReX-MLP, EMF, DMF, DeepCoNN, NARRE and the floors biased MF and global mean.",
                "Each model's grid is trained on seed 1's random 80/10/10 split; the point with the lowest seed-1 VALIDATION score "
                        + "(RMSE; DMF: its cross-entropy) is trained on seeds 1..n (split seed = model seed = s) with early stopping and "
                        + "measured on TEST: MAE, RMSE, NDCG@k and F1@k, k in 1,2,3,4,5,10,15,20, paper and full protocol; mean and std over seeds.",
                "Writes DIR/results.json, DIR/results.md (ranked tables, chosen points, wall times) and DIR/study-report.json (for report.html).",
                "RESUMABLE: every finished (model, seed, grid point) cell is saved as DIR/cells/KEY.json (atomic write); rerun the same "
                        + "command after a kill and it continues at the first unfinished cell. DReX cells also continue from their checkpoint."},
        footer = {"", "Grids (--grid default): a star around each model's documented defaults, one parameter moved at a time.",
                CompareCommand.GRID_HELP,
                "", CompareCommand.TIME_HELP,
                "", "--grid small: 2 points per model (1 for the global mean) at small widths, for smoke runs and tests; add --max-epochs 2."})
public final class CompareCommand implements Callable<Integer> {

    /** The self-contained HTML report written beside results.json. */
    static final String REPORT_HTML = "report.html";

    /** The default grid, one line per model: equal to {@code StudyGrids.help(DEFAULT)} (checked by a test). */
    static final String GRID_HELP = """
            drex         lr=0.001 lambda=0.001 d=64 dropout=0, then lr=0.01 | lambda=0.01 | d=32 (4 points)
            drex-mlp     lr=0.001 lambda=0.001 d=64 dropout=0, then lr=0.01 | lambda=0.01 | d=32 (4 points)
            emf          lr=0.01 lambda=2 d=64, then lambda=1 | lambda=5 | d=32 (4 points)
            dmf          lr=0.0001 d=64, then lr=0.001 | d=32 (3 points)
            deepconn     lr=0.002 d=32 dropout=0.5, then lr=0.001 | d=64 | dropout=0.2 (4 points)
            narre        lr=0.002 d=32 dropout=0.5, then lr=0.001 | d=64 | dropout=0.2 (4 points)
            pesi         lr=0.001 lambda=0.01 d=32 dropout=0.5, then lr=0.002 | lambda=0.1 (3 points)
            biased-mf    lr=0.01 lambda=1 d=16, then lambda=0.1 | lambda=3 | d=64 (4 points)
            global-mean  no hyperparameters (1 point)""";

    /** Measured cell times (the same numbers are in {@code CellCosts}). */
    static final String TIME_HELP = "Time on Musical Instruments (10,261 interactions, MiniLM vectors), 2 cores SHARED with other jobs; CPU "
            + "seconds per cell: global mean < 1; biased MF < 1; EMF 1-2 (first cell 10, JIT); DMF 11-15; DeepCoNN 43-107; NARRE 92-147; "
            + "DReX 92-140; DReX-MLP 95-140 (wall time was 1 to 3 times that, depending on the load). The whole default study, "
            + "3 seeds, 44 cells, measured: 43 min of CPU, 63 min of wall time.";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--models", split = ",", defaultValue = "all", description = "all, or some of drex,drex-mlp,emf,dmf,deepconn,narre,biased-mf,global-mean "
            + "(default ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds 1..n (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--grid", defaultValue = "default", description = "default or small (default ${DEFAULT-VALUE}).")
    String grid;

    @Option(names = "--max-epochs", defaultValue = "0", description = "Cap every model's epochs (0: each model's own maximum; default ${DEFAULT-VALUE}). For smoke runs.")
    int maxEpochs;

    @Option(names = "--word-pieces", defaultValue = "all-minilm-l6-v2", paramLabel = "MODEL",
            description = "BERT model (directory or installed name) whose tokenizer and frozen word-piece table DeepCoNN and NARRE read "
                    + "(default ${DEFAULT-VALUE}).")
    String wordPieces;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Study directory.")
    Path out;

    @Option(names = "--threads", description = "Threads for the kernels (default: all processors or -Ddrex.threads).")
    Integer threads;

    @Option(names = "--max-cells", paramLabel = "N", description = "Compute at most N unfinished cells now, then stop (rerun to continue).")
    Integer maxCells;

    @Option(names = "--verbose", description = "Print the trainers' per-epoch lines too.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintStream o = System.out;
        return RunCommands.guarded(spec.commandLine().getErr(), () -> {
            if (threads != null) Parallel.setThreads(threads);
            List<String> names = StudyModels.parse(models);
            StudyGrids.Size size = StudyGrids.Size.parse(grid);
            boolean vectors = names.stream().anyMatch(StudyModels::needsVectors);
            boolean pieces = names.stream().anyMatch(StudyModels::needsWordPieces);
            if (vectors) dev.drex.app.run.VectorsSource.check(dataOptions.vectors);
            String piecesDir = wordPieces; // recorded as given unless it resolves; an error only when a text model needs it
            try {
                piecesDir = ModelLocator.resolve(wordPieces).toAbsolutePath().normalize().toString();
            } catch (IllegalArgumentException e) {
                if (pieces) throw e;
            }
            StudySettings settings = new StudySettings(dataOptions.absolutePaths(), dataOptions.format.name(), dataOptions.minUser, dataOptions.minItem,
                    vectors ? dataOptions.vectorsSpec() : dataOptions.vectors, dataOptions.randomDim, dataOptions.encoder, piecesDir, maxEpochs);
            Dataset data = dataOptions.load();
            o.printf("%s: %d interactions, %d users, %d items; seeds 1..%d (split seed = model seed)%n", settings.datasetName(), data.size(),
                    data.numUsers(), data.numItems(), seeds);
            List<StudyModel> adapters = StudyModels.create(names, size, maxEpochs);
            CellStore store = CellStore.open(out, settings);
            StudyResults results;
            try (StudyData studyData = new StudyData(settings, data, out, o)) {
                if (vectors) studyData.reviews(); // a missing cache fails now, not after the other models' cells
                results = new CompareStudy(studyData, store, adapters, seeds, size.name().toLowerCase(), o, verbose ? o : null)
                        .run(maxCells == null ? Integer.MAX_VALUE : maxCells);
            }
            if (results == null) {
                o.println("NOT COMPLETE: no results written yet");
                return;
            }
            StudyReport report = StudyFiles.write(results, out);
            ReportWriter.write(report, out.resolve(REPORT_HTML));
            o.println();
            o.print(StudyFiles.markdown(results, report));
            o.println("wrote " + out.resolve(StudyFiles.RESULTS_JSON) + ", " + out.resolve(StudyFiles.RESULTS_MD) + ", "
                    + out.resolve(StudyFiles.REPORT_JSON) + " and " + out.resolve(REPORT_HTML));
        });
    }
}
