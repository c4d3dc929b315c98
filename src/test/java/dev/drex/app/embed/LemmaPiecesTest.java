package dev.drex.app.embed;

import dev.drex.tokenizer.bert.BertTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Word pieces per lemma, truncation at whole lemmas, and the mean of each lemma's pieces. */
class LemmaPiecesTest {

    @TempDir
    Path dir;

    private BertTokenizer tokenizer() throws IOException {
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, TinyBertDir.vocab());
        return BertTokenizer.fromVocab(vocab, true);
    }

    @Test
    void spansCoverEachLemmasPieces() throws IOException {
        BertTokenizer tok = tokenizer();
        // "ab" -> a ##b, "c" -> c, "xyz" -> x ##y ##z
        LemmaPieces p = LemmaPieces.of(List.of("ab", "c", "xyz"), tok, 512);
        assertArrayEquals(new String[] {"ab", "c", "xyz"}, p.lemmas());
        assertArrayEquals(new int[] {1, 3, 4}, p.starts());
        assertArrayEquals(new int[] {3, 4, 7}, p.ends());
        assertEquals(8, p.length());
        assertEquals(tok.clsId(), p.ids()[0]);
        assertEquals(tok.sepId(), p.ids()[7]);
        assertEquals(tok.tokenToId("##y"), p.ids()[5]);
        assertArrayEquals(tok.encode("ab c xyz").ids(), p.ids());
    }

    @Test
    void truncationDropsWholeTrailingLemmas() throws IOException {
        BertTokenizer tok = tokenizer();
        List<String> lemmas = List.of("ab", "c", "xyz", "d");
        // 2 + 1 = 3 pieces fit in 7 positions with [CLS]/[SEP]; "xyz" would need 8: dropped with "d".
        LemmaPieces p = LemmaPieces.of(lemmas, tok, 7);
        assertArrayEquals(new String[] {"ab", "c"}, p.lemmas());
        assertEquals(5, p.length());
        assertEquals(tok.sepId(), p.ids()[4]);
        // exactly full: 2 + 1 + 3 pieces + 2 specials = 8 positions
        LemmaPieces full = LemmaPieces.of(lemmas.subList(0, 3), tok, 8);
        assertEquals(3, full.size());
        assertEquals(8, full.length());
        // a lemma too long on its own leaves nothing
        assertEquals(0, LemmaPieces.of(List.of("abcdefgh"), tok, 8).size());
    }

    @Test
    void meanOfPiecesAveragesTheRowsOfEachLemma() throws IOException {
        LemmaPieces p = LemmaPieces.of(List.of("ab", "c"), tokenizer(), 512);  // positions 1-2 and 3
        int h = 3;
        int offset = 2 * h;   // the sequence starts after 2 unrelated rows
        float[] hidden = new float[offset + p.length() * h];
        for (int i = 0; i < hidden.length; i++) hidden[i] = i * 0.5f - 3;
        float[] v = p.meanOfPieces(hidden, offset, h);
        for (int c = 0; c < h; c++) {
            assertEquals((hidden[offset + h + c] + hidden[offset + 2 * h + c]) / 2, v[c], 1e-6f);
            assertEquals(hidden[offset + 3 * h + c], v[h + c], 0f);
        }
    }
}
