package dev.drex.app.train;

/**
 * One epoch's numbers: mean training loss (MSE + penalty, averaged over batches), validation RMSE and
 * MAE, the stopping criterion's score, wall time and training throughput.
 */
public record EpochRecord(int epoch, double trainLoss, double validationRmse, double validationMae, double[] score,
                          double seconds, double interactionsPerSecond, boolean improved) {

    /** The progress line printed after each epoch. */
    public String line(String criterion) {
        return String.format("epoch %3d  loss %.4f  val RMSE %.4f  MAE %.4f  %s %s  %.1f s  %,.0f interactions/s%s",
                epoch, trainLoss, validationRmse, validationMae, criterion, formatScore(score), seconds,
                interactionsPerSecond, improved ? "  *" : "");
    }

    private static String formatScore(double[] s) {
        StringBuilder sb = new StringBuilder();
        for (double v : s) sb.append(sb.isEmpty() ? "" : ",").append(String.format("%.4f", v));
        return sb.toString();
    }
}
