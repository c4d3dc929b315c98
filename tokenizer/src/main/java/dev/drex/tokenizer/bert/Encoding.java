package dev.drex.tokenizer.bert;

/**
 * One encoded sequence, special tokens included: {@code [CLS] pieces... [SEP]}.
 *
 * @param ids    token ids, length L
 * @param tokens the token string of each id, length L
 */
public record Encoding(int[] ids, String[] tokens) {

    public int length() { return ids.length; }
}
