package dev.drex.app.cli;

import dev.drex.app.demo.GruRegressionDemo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./drex demo}: the engine trains a GRU regression model end to end and prints its loss curve. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a small GRU regression model on synthetic sequences with the engine and print the loss curve.")
final class DemoCommand implements Callable<Integer> {
    private static final GruRegressionDemo.Config D = GruRegressionDemo.Config.defaults();

    @Option(names = "--epochs", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs = D.epochs();

    @Option(names = "--hidden", description = "GRU hidden size (default: ${DEFAULT-VALUE}).")
    int hidden = D.hidden();

    @Option(names = "--lr", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr = D.lr();

    @Option(names = "--seed", description = "Seed for data and initialization (default: ${DEFAULT-VALUE}).")
    long seed = D.seed();

    @Override
    public Integer call() {
        var cfg = new GruRegressionDemo.Config(D.trainSize(), D.valSize(), D.steps(), D.inputSize(), hidden, D.batch(), epochs, lr, seed);
        long t0 = System.nanoTime();
        List<GruRegressionDemo.Epoch> curve = new GruRegressionDemo(cfg).run(System.out);
        System.out.printf("done in %.1f s; validation MSE %.4f -> %.4f%n", (System.nanoTime() - t0) / 1e9,
                curve.getFirst().valMse(), curve.getLast().valMse());
        return 0;
    }
}
