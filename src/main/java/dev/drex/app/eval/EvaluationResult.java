package dev.drex.app.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every metric of one model on one split (one seed).
 *
 * @param model            the model's {@link dev.drex.app.model.RatingPredictor#name()}
 * @param seed             the seed of the split and of the model's training ({@link #UNKNOWN_SEED} when not given)
 * @param splitSha256      {@link dev.drex.app.data.Split#sha256()}: which split this was measured on
 * @param testInteractions number of test interactions behind RMSE and MAE
 * @param rmse             test RMSE
 * @param mae              test MAE
 * @param paper            the paper protocol's ranking metrics ({@link PaperProtocol})
 * @param full             the full protocol's ranking metrics ({@link FullProtocol})
 */
public record EvaluationResult(String model, long seed, String splitSha256, int testInteractions, double rmse, double mae,
                               RankingResult paper, RankingResult full) {

    /** The seed recorded when the caller did not give one. */
    public static final long UNKNOWN_SEED = -1;

    /** The same result recorded under another seed. */
    public EvaluationResult withSeed(long newSeed) {
        return new EvaluationResult(model, newSeed, splitSha256, testInteractions, rmse, mae, paper, full);
    }

    /** The same result under another model name. */
    public EvaluationResult withModel(String newModel) {
        return new EvaluationResult(newModel, seed, splitSha256, testInteractions, rmse, mae, paper, full);
    }

    /**
     * Every metric under its table name, in table order: {@code RMSE}, {@code MAE}, then for each k
     * {@code NDCG@k paper}, {@code F1@k paper}, and the same with {@code full}.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(RMSE, rmse);
        out.put(MAE, mae);
        for (RankingResult r : new RankingResult[] {paper, full}) {
            int[] ks = r.ks();
            for (int j = 0; j < ks.length; j++) {
                out.put(ndcgKey(ks[j], r.protocol()), r.ndcg()[j]);
                out.put(f1Key(ks[j], r.protocol()), r.f1()[j]);
            }
        }
        return out;
    }

    public static final String RMSE = "RMSE";
    public static final String MAE = "MAE";

    /** {@code "NDCG@10 paper"}. */
    public static String ndcgKey(int k, String protocol) {
        return "NDCG@" + k + " " + protocol;
    }

    /** {@code "F1@10 full"}. */
    public static String f1Key(int k, String protocol) {
        return "F1@" + k + " " + protocol;
    }
}
