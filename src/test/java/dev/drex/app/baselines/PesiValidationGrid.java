package dev.drex.app.baselines;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Split;
import dev.drex.app.data.Splitter;
import dev.drex.app.eval.MusicalInstruments;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The numbers behind PESI's defaults: best validation RMSE on Musical Instruments (seed 1) over a small grid given
 * as {@code -Dpesi.grid="lambda,lr[,alpha,beta,gamma];..."}. Slow; prints only.
 */
@Tag("slow")
class PesiValidationGrid {

    @Test
    void grid() throws Exception {
        Dataset data = MusicalInstruments.dataset();
        Split split = Splitter.random(data, 0.8, 0.1, 1);
        ReviewCorpus corpus = ReviewTestData.corpus(split);
        String spec = System.getProperty("pesi.grid", "0.1,0.002;1,0.002");
        for (String cell : spec.split(";")) {
            String[] v = cell.split(",");
            PesiTrainer.Config c = PesiTrainer.Config.defaults().withLambda(Float.parseFloat(v[0])).withLr(Double.parseDouble(v[1])).withEpochs(8, 3, 2);
            if (v.length == 5) c = c.withAuxiliary(Float.parseFloat(v[2]), c.temperature(), Float.parseFloat(v[3]), Float.parseFloat(v[4]));
            PesiTrainer.Result r = PesiTrainer.train(split, corpus, c, null);
            System.out.printf(Locale.ROOT, "PESI grid %s: best validation RMSE %.4f at epoch %d of %d (%.1f s/epoch)%n", c,
                    r.outcome().bestValidationRmse(), r.outcome().bestEpoch(), r.outcome().history().size(), r.outcome().meanSecondsPerEpoch());
        }
    }
}
