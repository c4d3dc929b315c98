package dev.drex.tokenizer.bert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * BERT WordPiece tokenization, token for token identical to Hugging Face {@code tokenizers}
 * ({@code BertNormalizer} + {@code BertPreTokenizer} + {@code WordPiece} + the {@code [CLS] A [SEP]}
 * post-processor). The pipeline for one text:
 *
 * <ol>
 *   <li>split out special tokens written verbatim ({@code [MASK]}, ...; case-sensitive, see
 *       {@link SpecialTokenSplitter});</li>
 *   <li>normalize every other segment ({@link BertNormalizer});</li>
 *   <li>split it into words on whitespace and punctuation ({@link BertPreTokenizer});</li>
 *   <li>cut each word into pieces ({@link WordPiece});</li>
 *   <li>wrap in {@code [CLS] ... [SEP]}, truncating the pieces to {@code maxLength - 2}.</li>
 * </ol>
 *
 * Immutable and thread-safe. Create with {@link #fromTokenizerJson}, {@link #fromVocab} or
 * {@link #fromDirectory}.
 */
public final class BertTokenizer {

    private final Vocabulary vocab;
    private final BertTokenizerConfig config;
    private final BertNormalizer normalizer;
    private final WordPiece wordPiece;
    private final SpecialTokenSplitter specialSplitter;
    private final Set<Integer> specialIds = new HashSet<>();
    private final int clsId;
    private final int sepId;
    private final int padId;

    public BertTokenizer(Vocabulary vocab, BertTokenizerConfig config) {
        this.vocab = vocab;
        this.config = config;
        this.normalizer = new BertNormalizer(config.cleanText(), config.handleChineseChars(),
                config.stripAccents(), config.lowercase());
        this.wordPiece = new WordPiece(vocab, config.unkToken(), config.continuingSubwordPrefix(),
                config.maxInputCharsPerWord());
        List<SpecialToken> specials = new ArrayList<>();
        for (String s : config.specialTokens()) {
            int id = vocab.id(s);
            if (id < 0) throw new IllegalArgumentException("special token '" + s + "' is not in the vocabulary");
            specials.add(new SpecialToken(s, id));
            specialIds.add(id);
        }
        this.specialSplitter = new SpecialTokenSplitter(specials);
        this.clsId = requireId(config.clsToken(), "CLS");
        this.sepId = requireId(config.sepToken(), "SEP");
        this.padId = requireId(config.padToken(), "PAD");
    }

    private int requireId(String token, String role) {
        int id = vocab.id(token);
        if (id < 0) throw new IllegalArgumentException(role + " token '" + token + "' is not in the vocabulary");
        return id;
    }

    /** Reads a Hugging Face {@code tokenizer.json} (BERT WordPiece); all settings come from the file. */
    public static BertTokenizer fromTokenizerJson(Path tokenizerJson) throws IOException {
        TokenizerJsonReader.Loaded l = TokenizerJsonReader.read(tokenizerJson);
        return new BertTokenizer(l.vocabulary(), l.config());
    }

    /** As {@link #fromTokenizerJson(Path)} from a stream (e.g. a class-path resource); {@code source} names it in errors. */
    public static BertTokenizer fromTokenizerJson(InputStream tokenizerJson, String source) throws IOException {
        TokenizerJsonReader.Loaded l = TokenizerJsonReader.read(tokenizerJson, source);
        return new BertTokenizer(l.vocabulary(), l.config());
    }

    /**
     * Reads a BERT {@code vocab.txt} with the original BERT settings; {@code lowercase} is
     * {@code do_lower_case} (true for uncased models, which then also strip accents). The
     * special tokens of {@link BertTokenizerConfig#BERT_SPECIAL_TOKENS} found in the vocabulary
     * are recognized in text.
     */
    public static BertTokenizer fromVocab(Path vocabTxt, boolean lowercase) throws IOException {
        Vocabulary v = Vocabulary.readVocabTxt(vocabTxt);
        BertTokenizerConfig d = BertTokenizerConfig.bertDefaults(lowercase);
        List<String> present = d.specialTokens().stream().filter(t -> v.id(t) >= 0).toList();
        BertTokenizerConfig c = new BertTokenizerConfig(d.cleanText(), d.handleChineseChars(), d.stripAccents(),
                d.lowercase(), d.unkToken(), d.continuingSubwordPrefix(), d.maxInputCharsPerWord(),
                d.clsToken(), d.sepToken(), d.padToken(), present);
        return new BertTokenizer(v, c);
    }

    /**
     * Loads {@code dir/tokenizer.json} if present, else {@code dir/vocab.txt} with
     * {@code lowercase = true} (the uncased models this project uses).
     */
    public static BertTokenizer fromDirectory(Path dir) throws IOException {
        Path json = dir.resolve("tokenizer.json");
        if (Files.isRegularFile(json)) return fromTokenizerJson(json);
        Path txt = dir.resolve("vocab.txt");
        if (Files.isRegularFile(txt)) return fromVocab(txt, true);
        throw new IOException(dir + ": neither tokenizer.json nor vocab.txt found");
    }

    // ---- encoding ----------------------------------------------------------------------------

    /** Appends the word-piece ids of {@code text} (no [CLS]/[SEP]) to {@code out}. */
    private void appendPieces(String text, IntList out) {
        specialSplitter.split(text, new SpecialTokenSplitter.Sink() {
            @Override public void text(String raw, int start, int end) {
                String normalized = normalizer.normalize(raw.substring(start, end));
                BertPreTokenizer.split(normalized, (s, from, to) -> wordPiece.tokenize(s, from, to, out));
            }
            @Override public void special(int id) { out.add(id); }
        });
    }

    /** {@code [CLS] pieces(text) [SEP]} without truncation. */
    public Encoding encode(String text) {
        return encode(text, Integer.MAX_VALUE);
    }

    /**
     * {@code [CLS] pieces(text) [SEP]}, keeping only the first {@code maxLength - 2} pieces so the
     * result has at most {@code maxLength} tokens and always ends with {@code [SEP]}.
     */
    public Encoding encode(String text, int maxLength) {
        checkMaxLength(maxLength);
        IntList pieces = new IntList();
        appendPieces(text, pieces);
        return wrap(pieces, Math.min(pieces.size(), maxLength - 2));
    }

    private Encoding wrap(IntList pieces, int kept) {
        int[] ids = new int[kept + 2];
        ids[0] = clsId;
        for (int i = 0; i < kept; i++) ids[i + 1] = pieces.get(i);
        ids[kept + 1] = sepId;
        return new Encoding(ids, idsToTokens(ids));
    }

    private static void checkMaxLength(int maxLength) {
        if (maxLength < 2) throw new IllegalArgumentException("maxLength must be >= 2 ([CLS] and [SEP]), got " + maxLength);
    }

    /** The word pieces of {@code text}, without [CLS]/[SEP]. */
    public List<String> tokenize(String text) {
        IntList pieces = new IntList();
        appendPieces(text, pieces);
        List<String> out = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) out.add(vocab.token(pieces.get(i)));
        return out;
    }

    /**
     * Encodes already-split words as the text {@code String.join(" ", words)} would be encoded,
     * and reports each word's span of pieces. See {@link WordAlignedEncoding} for the spans.
     */
    public WordAlignedEncoding encodeWords(List<String> words, int maxLength) {
        checkMaxLength(maxLength);
        IntList pieces = new IntList();
        int[] ends = new int[words.size()];
        for (int w = 0; w < words.size(); w++) {
            appendPieces(words.get(w), pieces);
            ends[w] = pieces.size();
        }
        int kept = Math.min(pieces.size(), maxLength - 2);
        int[][] spans = new int[words.size()][2];
        int start = 0;
        for (int w = 0; w < spans.length; w++) {
            spans[w][0] = 1 + Math.min(start, kept);   // +1: [CLS] sits at position 0
            spans[w][1] = 1 + Math.min(ends[w], kept);
            start = ends[w];
        }
        return new WordAlignedEncoding(wrap(pieces, kept), spans);
    }

    /** Each word's {@code [start, end)} span in {@code encodeWords(words, unbounded)}. */
    public int[][] wordPieceSpans(List<String> words) {
        return encodeWords(words, Integer.MAX_VALUE).wordSpans();
    }

    /**
     * Encodes every text (truncated to {@code maxLength}) and pads all rows on the right with
     * the pad id to the longest row of the batch.
     */
    public Batch encodeBatch(List<String> texts, int maxLength) {
        List<Encoding> encodings = new ArrayList<>(texts.size());
        int longest = 0;
        for (String t : texts) {
            Encoding e = encode(t, maxLength);
            encodings.add(e);
            longest = Math.max(longest, e.length());
        }
        int b = texts.size();
        int[][] ids = new int[b][longest];
        int[][] mask = new int[b][longest];
        int[][] types = new int[b][longest];
        int[] lengths = new int[b];
        for (int r = 0; r < b; r++) {
            int[] e = encodings.get(r).ids();
            lengths[r] = e.length;
            System.arraycopy(e, 0, ids[r], 0, e.length);
            java.util.Arrays.fill(ids[r], e.length, longest, padId);
            java.util.Arrays.fill(mask[r], 0, e.length, 1);
        }
        return new Batch(ids, mask, types, lengths);
    }

    // ---- decoding and lookups ----------------------------------------------------------------

    /** {@link #decode(int[], boolean)} skipping special tokens. */
    public String decode(int[] ids) {
        return decode(ids, true);
    }

    /** HF WordPiece decoding; see {@link WordPieceDecoder}. */
    public String decode(int[] ids, boolean skipSpecialTokens) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            if (skipSpecialTokens && specialIds.contains(id)) continue;
            tokens.add(vocab.token(id));
        }
        return WordPieceDecoder.decode(tokens, config.continuingSubwordPrefix());
    }

    private String[] idsToTokens(int[] ids) {
        String[] tokens = new String[ids.length];
        for (int i = 0; i < ids.length; i++) tokens[i] = vocab.token(ids[i]);
        return tokens;
    }

    /** The token of {@code id}; throws {@link IndexOutOfBoundsException} outside the vocabulary. */
    public String idToToken(int id) { return vocab.token(id); }

    /** The id of {@code token}, or -1 if it is not in the vocabulary. */
    public int tokenToId(String token) { return vocab.id(token); }

    public int vocabSize() { return vocab.size(); }

    public BertTokenizerConfig config() { return config; }

    /** {@code do_lower_case}. */
    public boolean lowercase() { return config.lowercase(); }

    public int clsId() { return clsId; }
    public int sepId() { return sepId; }
    public int padId() { return padId; }
    public int unkId() { return wordPiece.unkId(); }
}
