package dev.drex.engine.bert;

/**
 * The encoder's output for a batch of B sequences padded to the longest, L tokens.
 *
 * @param lastHiddenState (B, L, H) row-major; positions past a sequence's length are 0
 * @param pooled          (B, H): tanh(W h_[CLS] + b), or null when the model has no pooler
 * @param lengths         (B) the real length of each sequence
 */
public record BertOutput(float[] lastHiddenState, float[] pooled, int batch, int seqLen, int hidden, int[] lengths) {

    /** lastHiddenState[b, t, j]. */
    public float hidden(int b, int t, int j) {
        return lastHiddenState[(b * seqLen + t) * hidden + j];
    }

    /** Offset of the vector of token t of sequence b in {@link #lastHiddenState}. */
    public int offset(int b, int t) {
        return (b * seqLen + t) * hidden;
    }

    /** The shape of lastHiddenState, {B, L, H}. */
    public int[] shape() {
        return new int[] {batch, seqLen, hidden};
    }
}
