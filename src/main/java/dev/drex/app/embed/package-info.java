/**
 * The review embedding cache (spec DREX.md, "Review features" steps 1-2; {@code ./drex embed-reviews}).
 *
 * <h2>What is stored</h2>
 * For every review: its lemmas ({@code TextPreprocessor}, at most {@code maxWords}) and one vector per lemma,
 * the mean of the lemma's word-piece rows of frozen BERT's last layer over the input
 * {@code [CLS] pieces(lemma 1) ... pieces(lemma n) [SEP]} ({@link dev.drex.app.embed.LemmaPieces}). Lemmas that
 * would push the input past the model's max positions (512 for BERT, [CLS]/[SEP] included) are dropped
 * from the end, whole; a lemma is never split.
 *
 * <h2>File</h2>
 * One persisted Chronicle Map (3.27) per model + preprocessing + precision, from 32-byte keys to byte values:
 * <ul>
 *   <li>{@link dev.drex.app.embed.CacheHeader#KEY} -> the header (format version, model name and
 *       checksum, dim, fp16/fp32, preprocessing fingerprint, max pieces) as text lines;</li>
 *   <li>{@link dev.drex.app.embed.ReviewKey} = SHA-256(length-prefixed "drex-review-key-v1", model
 *       checksum, preprocessing fingerprint, user id, item id, title, text) -> the review
 *       ({@link dev.drex.app.embed.EntryCodec}: lemma count, UTF-8 lemmas, [n x dim] fp16 or fp32).</li>
 * </ul>
 * Every value ends with a CRC-32C of key and value. The model checksum
 * ({@link dev.drex.app.embed.ModelChecksum}) covers the weights, config.json and the vocabulary, so a
 * different model never reads stale vectors; opening a cache with another model, preprocessing or
 * precision fails naming the file and the differing fields.
 *
 * <h2>Crash safety and resumption</h2>
 * A writer holds a lock on {@code FILE.writing}, deleted on a clean close; a marker left behind means a
 * crash, and the next writer opens with Chronicle's recovery. Entries are written whole, one per review;
 * a torn one fails its CRC and is embedded again. The batches are planned from the whole dataset
 * (sorted by token count, then key) independently of what the cache holds, and a batch is rerun whole,
 * so a resumed run computes every vector in exactly the batch an uninterrupted run would have.
 */
package dev.drex.app.embed;
