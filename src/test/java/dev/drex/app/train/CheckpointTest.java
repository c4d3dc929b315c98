package dev.drex.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drex.app.data.Dataset;
import dev.drex.app.data.Review;
import dev.drex.app.data.Split;
import dev.drex.app.model.DrexConfig;
import dev.drex.app.model.DrexInputs;
import dev.drex.app.model.DrexModel;
import dev.drex.engine.io.CheckpointFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint's commit protocol: a half-written epoch is ignored; a broken pointer is a named error. */
class CheckpointTest {

    private static DrexModel model() {
        List<Review> reviews = new ArrayList<>();
        String[] users = {"a", "b", "c"}, items = {"x", "y", "z", "w"};
        int j = 0;
        for (String u : users) for (String i : items) reviews.add(new Review(u, i, 1 + (j * 7) % 5, "", "", 1000L * j++, "t", j));
        Dataset data = Dataset.of(reviews);
        Split.Part[] parts = new Split.Part[data.size()];
        for (int k = 0; k < parts.length; k++) parts[k] = k % 4 == 3 ? Split.Part.VALIDATION : Split.Part.TRAIN;
        DrexConfig config = DrexConfig.defaults().withD(4).withEpochs(3).withMinEpochs(0).withAblations(true, false, false);
        return new DrexModel(config, new DrexInputs(data, new Split(data, parts, 0), null, null));
    }

    @Test
    void aHalfWrittenEpochIsIgnoredAndCleanedUp(@TempDir Path dir) throws Exception {
        new Trainer(model(), StoppingCriterion.rmse(), dir, null).train(false, 2);
        assertEquals("epoch-0002", Files.readString(dir.resolve("LATEST")));
        Path torn = Files.createDirectories(dir.resolve("epoch-0003.tmp"));
        Files.writeString(torn.resolve("params.safetensors"), "half a file");
        assertEquals(2, Checkpoint.readState(dir).epoch());
        Trainer.Result r = new Trainer(model(), StoppingCriterion.rmse(), dir, null).train(true);
        assertEquals(3, r.epochsRun());
        assertEquals("epoch-0003", Files.readString(dir.resolve("LATEST")));
        assertFalse(Files.exists(torn), "the torn directory is gone");
        assertFalse(Files.exists(dir.resolve("epoch-0002")), "older epochs are deleted after the commit");
        assertTrue(Files.exists(dir.resolve("epoch-0003/state.json")));
    }

    @Test
    void aPointerToNothingIsANamedError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("LATEST"), "epoch-0007");
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> Checkpoint.readState(dir));
        assertTrue(e.getMessage().contains("LATEST") && e.getMessage().contains("epoch-0007"), e.getMessage());
    }
}
