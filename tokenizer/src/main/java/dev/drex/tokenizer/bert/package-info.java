/**
 * BERT WordPiece tokenization, identical (ids and tokens) to Hugging Face {@code tokenizers} for
 * BERT-style {@code tokenizer.json} files and {@code vocab.txt} vocabularies. Pure Java.
 *
 * <p>Entry point: {@link dev.drex.tokenizer.bert.BertTokenizer}.
 * <pre>{@code
 * BertTokenizer tok = BertTokenizer.fromDirectory(modelDir);       // tokenizer.json, else vocab.txt
 * Encoding e = tok.encode("Great strings!", 128);                    // [CLS] great strings ! [SEP]
 * Batch b = tok.encodeBatch(reviews, 128);                           // (B, L) ids, mask, type ids
 * WordAlignedEncoding w = tok.encodeWords(lemmas, 128);              // + each word's piece span
 * }</pre>
 *
 * <p>Pipeline (one class each): {@link dev.drex.tokenizer.bert.SpecialTokenSplitter} (verbatim
 * {@code [MASK]} etc.), {@link dev.drex.tokenizer.bert.BertNormalizer},
 * {@link dev.drex.tokenizer.bert.BertPreTokenizer}, {@link dev.drex.tokenizer.bert.WordPiece};
 * character classes in {@link dev.drex.tokenizer.bert.BertCharClasses}, with HF's Unicode 8.0
 * categories in {@link dev.drex.tokenizer.bert.Unicode8Categories}.
 *
 * <p>HF behaviours reproduced on purpose (each checked against the Rust tokenizer in tests):
 * <ul>
 *   <li>punctuation, accent (Mn) and control (Cc/Cf/Co) categories are Unicode 8.0's, so marks
 *       and punctuation of newer scripts stay glued inside words; unassigned code points are kept;</li>
 *   <li>the CJK range U+2B820..U+2B91F is not spaced (HF starts that range at U+2B920);</li>
 *   <li>strip accents happens before lowercase, and lowercase is Rust's full context-free mapping
 *       (Σ always σ; İ becomes "i" + U+0307 when accents are not stripped);</li>
 *   <li>{@code max_input_chars_per_word} counts code points of the normalized word;</li>
 *   <li>special tokens match case-sensitively anywhere in the raw text, glued or not; "[mask]"
 *       is ordinary text ("[", "mask", "]");</li>
 *   <li>unpaired surrogates are dropped, as the U+FFFD a Rust string would hold instead.</li>
 * </ul>
 */
package dev.drex.tokenizer.bert;
