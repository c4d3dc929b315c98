package dev.drex.app.eval;

import java.util.Arrays;

/**
 * Ranking metrics of one model on one split under one protocol, averaged over users.
 *
 * @param protocol  "paper" or "full"
 * @param ks        the cut-offs, increasing
 * @param ndcg      NDCG@ks[j], the mean over the {@code ndcgUsers} users the protocol evaluates
 * @param f1        F1@ks[j], the mean over the {@code f1Users} of them with at least one relevant item
 * @param ndcgUsers users averaged into NDCG
 * @param f1Users   users averaged into F1
 */
public record RankingResult(String protocol, int[] ks, double[] ndcg, double[] f1, int ndcgUsers, int f1Users) {

    public RankingResult {
        if (ks.length != ndcg.length || ks.length != f1.length) {
            throw new IllegalArgumentException("ks, ndcg and f1 must have the same length");
        }
        ks = ks.clone();
        ndcg = ndcg.clone();
        f1 = f1.clone();
    }

    /** NDCG at cut-off {@code k} (one of {@link #ks}). */
    public double ndcg(int k) {
        return ndcg[indexOf(k)];
    }

    /** F1 at cut-off {@code k} (one of {@link #ks}). */
    public double f1(int k) {
        return f1[indexOf(k)];
    }

    private int indexOf(int k) {
        for (int j = 0; j < ks.length; j++) if (ks[j] == k) return j;
        throw new IllegalArgumentException("k = " + k + " was not evaluated; ks = " + Arrays.toString(ks));
    }

    @Override
    public int[] ks() {
        return ks.clone();
    }

    @Override
    public double[] ndcg() {
        return ndcg.clone();
    }

    @Override
    public double[] f1() {
        return f1.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankingResult r && protocol.equals(r.protocol) && Arrays.equals(ks, r.ks)
                && Arrays.equals(ndcg, r.ndcg) && Arrays.equals(f1, r.f1) && ndcgUsers == r.ndcgUsers && f1Users == r.f1Users;
    }

    @Override
    public int hashCode() {
        return 31 * protocol.hashCode() + Arrays.hashCode(ndcg);
    }

    @Override
    public String toString() {
        return protocol + " ndcg" + Arrays.toString(ndcg) + " f1" + Arrays.toString(f1) + " at " + Arrays.toString(ks)
                + " (" + ndcgUsers + " / " + f1Users + " users)";
    }
}
