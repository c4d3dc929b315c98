package dev.drex.engine.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertConfigTest {

    @TempDir
    Path dir;

    private BertConfig read(String json) throws IOException {
        Path f = dir.resolve("config.json");
        Files.writeString(f, json);
        return BertConfig.read(f);
    }

    private static final String BASE = "\"vocab_size\": 30522, \"hidden_size\": 768, \"num_hidden_layers\": 12, "
            + "\"num_attention_heads\": 12, \"intermediate_size\": 3072, \"max_position_embeddings\": 512";

    @Test
    void readsHuggingFaceKeysWithTheirDefaults() throws IOException {
        BertConfig c = read("{" + BASE + "}");
        assertEquals(new BertConfig(30522, 768, 12, 12, 3072, false, 512, 2, 1e-12f), c);
        assertEquals(64, c.headDim());
        assertTrue(read("{" + BASE + ", \"hidden_act\": \"gelu_new\", \"layer_norm_eps\": 1e-5}").geluTanh());
        assertTrue(read("{" + BASE + ", \"hidden_act\": \"gelu_pytorch_tanh\"}").geluTanh());
        assertFalse(read("{" + BASE + ", \"hidden_act\": \"gelu\", \"type_vocab_size\": 1}").geluTanh());
    }

    @Test
    void badValuesNameTheFileAndKey() {
        var missing = assertThrows(IOException.class, () -> read("{\"hidden_size\": 8}"));
        assertTrue(missing.getMessage().contains("config.json: missing required key 'vocab_size'"), missing.getMessage());
        var act = assertThrows(IOException.class, () -> read("{" + BASE + ", \"hidden_act\": \"silu\"}"));
        assertTrue(act.getMessage().contains("hidden_act 'silu' is not supported"), act.getMessage());
        var heads = assertThrows(IOException.class, () -> read("{" + BASE.replace("\"num_attention_heads\": 12", "\"num_attention_heads\": 7") + "}"));
        assertTrue(heads.getMessage().contains("not divisible by num_attention_heads 7"), heads.getMessage());
        var type = assertThrows(IOException.class, () -> read("{" + BASE.replace("768", "\"768\"") + "}"));
        assertTrue(type.getMessage().contains("'hidden_size' must be an integer"), type.getMessage());
        var pos = assertThrows(IOException.class, () -> read("{" + BASE + ", \"position_embedding_type\": \"relative_key\"}"));
        assertTrue(pos.getMessage().contains("position_embedding_type 'relative_key' is not supported"), pos.getMessage());
        var json = assertThrows(IOException.class, () -> read("{" + BASE));
        assertTrue(json.getMessage().contains("not well-formed JSON"), json.getMessage());
    }
}
