package dev.copilotsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The Collections ROI Copilot's public development set, replayed by {@code ./copilot eval roi} through the
 * gateway's socket exactly as a browser talks, against the offline brain. The target is every turn.
 */
class RoiCopilotEvalTest {

    @Test
    void theOfflineBrainAnswersEveryDevTurn() throws Exception {
        Suite suite = Suite.shared();
        Path out = suite.root().resolve("e2e/target/roi-dev.jsonl");
        String printed = suite.copilot(600, "eval", "roi", suite.root().resolve("data/roi-chat/dev.jsonl").toString(),
                "--out", out.toString());
        assertTrue(printed.contains("turns fully correct   100.0% (70/70)"), printed);
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.size() == 70, "one line per turn: " + lines.size());
        assertTrue(lines.stream().allMatch(l -> l.contains("\"inputs\"") && l.contains("\"reply\"")), lines.get(0));
    }
}
