package dev.drex.tokenizer.bert;

import java.util.ArrayList;
import java.util.List;

/**
 * A rough throughput number (not a test): encodes all real review texts several times on one
 * thread and prints word pieces per second. Run from the test class path, e.g.
 * {@code java -cp <test classpath> -Ddrex.shared.dir=../shared dev.drex.tokenizer.bert.TokenizerThroughput}.
 */
public final class TokenizerThroughput {

    public static void main(String[] args) throws Exception {
        List<String> texts = new ArrayList<>(ReviewTexts.musicalInstruments());
        texts.addAll(ReviewTexts.allBeauty());
        long chars = texts.stream().mapToLong(String::length).sum();
        BertTokenizer tokenizer = HfOracle.ours();
        for (int round = 0; round < 6; round++) {
            long tokens = 0;
            long t0 = System.nanoTime();
            for (String t : texts) tokens += tokenizer.encode(t).length() - 2;
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %d texts, %.1f MB chars, %d word pieces in %.3f s = %.2f M pieces/s, %.1f MB/s%n",
                    round, texts.size(), chars / 1e6, tokens, seconds, tokens / seconds / 1e6, chars / seconds / 1e6);
        }
    }
}
