package dev.drex.tokenizer.bert;

import java.util.List;

/**
 * The Hugging Face {@code WordPiece} decoder with {@code cleanup: true}: a piece starting with the
 * continuation prefix is glued to the previous one (prefix removed), every other piece after the
 * first gets a leading space; then, inside each piece, the tokenization artefacts of English are
 * undone (" ." to ".", " n't" to "n't", " do not" to " don't", ...), exactly as HF does.
 */
final class WordPieceDecoder {

    /** Replacements applied in this order to every decoded piece. */
    private static final String[][] CLEANUP = {
            {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"},
            {" 'm", "'m"}, {" do not", " don't"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
    };

    private WordPieceDecoder() {}

    static String decode(List<String> tokens, String prefix) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String piece = tokens.get(i);
            if (i > 0) piece = piece.startsWith(prefix) ? piece.substring(prefix.length()) : " " + piece;
            for (String[] r : CLEANUP) piece = piece.replace(r[0], r[1]);
            out.append(piece);
        }
        return out.toString();
    }
}
