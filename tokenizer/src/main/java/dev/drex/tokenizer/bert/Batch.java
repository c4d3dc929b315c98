package dev.drex.tokenizer.bert;

/**
 * A padded batch of encoded sequences, the three inputs of a BERT model. Every row has the length
 * L of the longest sequence of the batch; shorter ones are padded on the right with the pad id.
 *
 * @param inputIds      (B, L) token ids
 * @param attentionMask (B, L) 1 for real tokens (special tokens included), 0 for padding
 * @param tokenTypeIds  (B, L) segment ids, all 0 for single sequences
 * @param lengths       (B) number of real tokens of each row
 */
public record Batch(int[][] inputIds, int[][] attentionMask, int[][] tokenTypeIds, int[] lengths) {

    public int batchSize() { return inputIds.length; }

    public int sequenceLength() { return inputIds.length == 0 ? 0 : inputIds[0].length; }
}
