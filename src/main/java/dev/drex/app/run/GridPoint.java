package dev.drex.app.run;

import dev.drex.app.model.DrexConfig;
import java.util.Locale;

/**
 * One point of the hyper-parameter grid (spec, "Grid"): learning rate, lambda, width d and dropout (applied
 * to both dropout sites, x and the MLP hidden layer), for one variant.
 */
public record GridPoint(String variant, double lr, double lambda, int d, float dropout) {

    /** {@code base} with this point's values and the given seed. */
    public DrexConfig apply(DrexConfig base, long seed) {
        return new DrexConfig(d, base.window(), lr, lambda, base.batchSize(), base.epochs(), base.patience(), base.minEpochs(), dropout,
                dropout, base.weightDecay(), base.clipNorm(), seed, DrexConfig.Variant.parse(variant), base.noReviews(), base.noRatings(),
                base.noGru(), base.criterion());
    }

    /** A file-name-safe key: {@code drex_lr0.001_lambda0.01_d64_dropout0.2}. */
    public String key() {
        return String.format(Locale.ROOT, "%s_lr%s_lambda%s_d%d_dropout%s", variant, num(lr), num(lambda), d, num(dropout));
    }

    /** {@code variant drex, lr 0.001, lambda 0.01, d 64, dropout 0.2}. */
    public String describe() {
        return String.format(Locale.ROOT, "variant %s, lr %s, lambda %s, d %d, dropout %s", variant, num(lr), num(lambda), d, num(dropout));
    }

    /** The train options of this point: {@code --variant drex --lr 0.001 --lambda 0.01 --d 64 --dropout-x 0.2 --dropout-hidden 0.2}. */
    public String trainOptions() {
        return String.format(Locale.ROOT, "--variant %s --lr %s --lambda %s --d %d --dropout-x %s --dropout-hidden %s", variant, num(lr),
                num(lambda), d, num(dropout), num(dropout));
    }

    /** Shortest plain decimal of a double ("0.001", "0"). */
    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A float as the decimal it was written as (0.2f -> "0.2", not 0.20000000298...). */
    static String num(float v) {
        return num(Double.parseDouble(Float.toString(v)));
    }
}
