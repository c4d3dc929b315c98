package dev.drex.tokenizer.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The hand-written lemma test set {@code lemma-test-set.tsv} (sources in its header). */
record LemmaTestSet(List<Entry> entries) {

    /** One (word, intended part of speech, expected lemma) pair and the group it was written for. */
    record Entry(String word, PartOfSpeech pos, String lemma, String group) {}

    static final String RESOURCE = "lemma-test-set.tsv";

    static LemmaTestSet load() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = LemmaTestSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException("test resource missing: dev/drex/tokenizer/text/" + RESOURCE);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#") || line.isBlank() || line.startsWith("word\t")) continue;
                String[] f = line.split("\t");
                if (f.length != 4) throw new IOException(RESOURCE + ":" + lineNo + ": expected 4 tab-separated fields, got '" + line + "'");
                PartOfSpeech pos = switch (f[1]) {
                    case "n" -> PartOfSpeech.NOUN;
                    case "v" -> PartOfSpeech.VERB;
                    case "a" -> PartOfSpeech.ADJECTIVE;
                    case "r" -> PartOfSpeech.ADVERB;
                    default -> throw new IOException(RESOURCE + ":" + lineNo + ": part of speech must be n, v, a or r, got '" + f[1] + "'");
                };
                entries.add(new Entry(f[0], pos, f[2], f[3]));
            }
        }
        return new LemmaTestSet(List.copyOf(entries));
    }
}
