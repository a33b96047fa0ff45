package dev.copilotsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real browser: Debian's Chromium driven by playwright-core (frontend/e2e/run.mjs),
 * against the packaged suite started by ./copilot up (shared with the other e2e classes), the app served by
 * the gateway itself. Each scenario
 * saves its screenshots under e2e/target/screenshots.
 */
class FrontendBrowserTest {

    static Suite SUITE;
    static final Path ROOT = Path.of(System.getenv().getOrDefault("COPILOT_ROOT", "..")).toAbsolutePath().normalize();
    static final Path SCREENSHOTS = ROOT.resolve("e2e/target/screenshots");

    @BeforeAll
    static void up() {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Debian's chromium is needed: apt-get install chromium");
        SUITE = Suite.shared();
        // The frontend module's npm ci (part of the build ./copilot up runs when the suite is missing) installs it.
        assertTrue(Files.isDirectory(ROOT.resolve("frontend/node_modules/playwright-core")),
                "playwright-core is missing: build the reactor (./mvnw package) first");
    }

    @Test
    void aChatTurnChangesAnInputAndTheCalculatorShowsIt() {
        browser("chatChangesInput");
    }

    @Test
    void anEditRaisesAProactiveInsight() {
        browser("editRaisesInsight");
    }

    @Test
    void anExecutiveSummaryDownloadsAsAPdf() {
        browser("pdfDownloads");
    }

    @Test
    void aWebhookTranscriptAppearsLiveWithItsSuggestionCard() {
        browser("transcriptLive");
    }

    @Test
    void aDroppedConnectionResumesWithoutLosingMessages() {
        browser("resumeAfterDrop");
    }

    @Test
    void theThreadSurvivesAReload() {
        browser("threadSurvivesReload");
    }

    /** axe-core finds no serious or critical WCAG 2.1 A/AA violation; no sideways scroll at 1280×800 or 390×844. */
    @Test
    void bothPagesAreAccessibleAndFitANarrowWindow() {
        browser("accessibility");
    }

    /** Keyboard only: every stop shows focus; edit, tornado metric, desk, join, copilot switch (server-confirmed, after reload). */
    @Test
    void everythingWorksFromTheKeyboard() {
        browser("keyboardOnly");
    }

    /** Runs one scenario of frontend/e2e/run.mjs with the machine's node; its output is the failure message. */
    private static void browser(String scenario) {
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "e2e/run.mjs", scenario))
                .directory(ROOT.resolve("frontend").toFile()).redirectErrorStream(true);
        builder.environment().put("BASE_URL", SUITE.http("").toString());
        builder.environment().put("WEBHOOK_SECRET", SUITE.webhookSecret());
        builder.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(scenario + " timed out:\n" + output);
            }
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("PASS " + scenario), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
