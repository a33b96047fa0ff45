package dev.copilotsuite.copilot.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.copilot.service.CallService;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.Decision;
import dev.copilotsuite.events.call.Evidence;
import dev.copilotsuite.events.call.SuggestionCard;
import dev.copilotsuite.events.call.SuggestionCard.Confidence;
import dev.copilotsuite.events.call.SuggestionCard.Mode;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.testing.CopilotTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With a Gemini key: the model rewrites scripts, and the retrieved clauses and their decision guard it. */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
@WithTestResource(FakeGemini.class)
@TestProfile(GeminiCardsTest.WithKey.class)
class GeminiCardsTest {

    public static class WithKey implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("copilot.copilot.gemini.api-key", "test-key", "quarkus.langchain4j.ai.gemini.api-key", "test-key");
        }
    }

    private static final Evidence COVERED = new Evidence("plan-plus", "Covered", "Dishwasher", "The built-in dishwasher.",
            "HearthGuard Plus Plan");
    private static final Evidence FEE = new Evidence("general-terms", "Service fee", "Service fee", "A $100 fee per visit.",
            "General Terms");

    @Inject
    CallService calls;
    @Inject
    GeminiCards gemini;

    @Test
    void aFaithfulAnswerWritesTheScriptAndARecomputationDoesNotAskAgain() throws Exception {
        String session = "call-" + UUID.randomUUID();
        receive(session, "s-1", "Is my dishwasher covered?");
        SuggestionCard card = calls.view("demo", session).suggestions().cards().get(0);
        assertEquals("dishwasher", card.cardId());
        assertEquals(Decision.YES, card.decision());
        assertEquals(Mode.GEMINI, card.mode());
        assertEquals(Confidence.HIGH, card.confidence());
        assertEquals("Good news: your plan covers the dishwasher (from Gemini).", card.script());
        assertEquals("plan-plus", card.evidence().get(0).docId(), "the deciding clause stays first");

        int asked = count();
        receive(session, "s-2", "Thanks, that's all.");
        assertEquals(asked, count(), "the unchanged card's answer came from the cache");
        assertEquals(card, calls.view("demo", session).suggestions().cards().get(0), "the card, createdAt too, is unchanged");
    }

    @Test
    void aCitationOutsideTheRetrievedClausesIsDroppedAndLowersConfidence() {
        String session = "call-" + UUID.randomUUID();
        receive(session, "s-1", "And the roof is leaking too, is that covered?");
        SuggestionCard card = calls.view("demo", session).suggestions().cards().stream()
                .filter(c -> c.cardId().equals("roof")).findFirst().orElseThrow();
        assertEquals(Decision.NO, card.decision());
        assertEquals(Mode.GEMINI, card.mode());
        assertEquals(Confidence.LOW, card.confidence());
        assertFalse(card.evidence().stream().anyMatch(e -> e.docId().equals("plan-premier")),
                "only clauses it was given are cited: " + card.evidence());
    }

    @Test
    void aContradictingDecisionKeepsTheOfflineCardWithLowerConfidence() {
        SuggestionCard offline = offline("contradict-me", "Does the plan cover the contradict thing?", Decision.YES);
        SuggestionCard card = gemini.improve(offline);
        assertEquals(Decision.YES, card.decision());
        assertEquals(offline.script(), card.script(), "a script arguing another decision is not read out");
        assertEquals(Mode.OFFLINE, card.mode());
        assertEquals(Confidence.LOW, card.confidence());
    }

    @Test
    void noValidCitationOrAFailingGeminiLeavesTheOfflineCard() throws Exception {
        SuggestionCard uncited = offline("uncited", "Does the plan cover the uncited thing?", Decision.YES);
        assertEquals(uncited, gemini.improve(uncited));

        SuggestionCard failing = offline("fail", "Does the plan cover the fail thing?", Decision.PARTIAL);
        int before = count();
        assertEquals(failing, gemini.improve(failing));
        assertTrue(count() > before, "Gemini was asked and answered 500");
        int after = count();
        assertEquals(failing, gemini.improve(failing));
        assertTrue(count() > after, "a failure is not cached: the next recomputation asks again");
    }

    private void receive(String session, String segmentId, String text) {
        EventEnvelope<TranscriptSegmentReceived> event = EventEnvelope.of("demo", session, null,
                new TranscriptSegmentReceived(new TranscriptLine(segmentId, null, "CUSTOMER", text, false, null, null, null,
                        null), new CallContext("+14155550101", "CA", "PLUS", "HOMEOWNER", null)));
        calls.receive(event, event.payload());
    }

    private static SuggestionCard offline(String id, String question, Decision decision) {
        return SuggestionCard.offline(id, "s-" + id, id, question, "INQUIRY", decision, "The offline script.",
                List.of(COVERED, FEE), List.of());
    }

    private static int count() throws IOException, InterruptedException {
        String base = ConfigProvider.getConfig().getValue("fake-gemini.url", String.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/count")).build(), HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(response.body().trim());
    }
}
