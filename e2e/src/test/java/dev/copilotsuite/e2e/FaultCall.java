package dev.copilotsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.copilotsuite.testing.TestSocket;

/**
 * One live call for the fault tests: a forwarder posting its segments through the signed webhook, an
 * agent's socket joined to it from the start, and the checks every fault must pass (no segment lost,
 * no card duplicated, the agent's socket got the cards).
 */
final class FaultCall implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** A caller of the seed directory, with a PLUS homeowner contract in California. */
    static final Map<String, String> CONTEXT = Map.of("phone", "+14155550101", "plan", "PLUS", "state", "CA",
            "contractType", "HOMEOWNER");

    /**
     * Questions about different items of the PLUS plan, each with the corpus item its card is about: a
     * question per card, so a card too many or too few shows.
     */
    static final List<String[]> QUESTIONS = List.of(
            new String[] {"My dishwasher stopped draining yesterday. Is the dishwasher covered?", "Dishwasher"},
            new String[] {"Does my plan cover the water heater?", "Water heater"},
            new String[] {"Are the ceiling fans covered too?", "Ceiling fans"},
            new String[] {"Is the garage door opener covered?", "Garage door opener"},
            new String[] {"And is the clothes dryer covered?", "Clothes dryer"},
            new String[] {"Is the garbage disposal covered?", "Garbage disposal"},
            new String[] {"Are smoke detectors covered?", "Smoke detectors"},
            new String[] {"Is the built-in microwave covered?", "Built-in microwave"});

    final Suite suite;
    final String sessionId = "fault-" + UUID.randomUUID();
    final TestSocket agent;
    final CallForwarder forwarder;
    private final List<String> asked = new ArrayList<>();

    FaultCall(Suite suite, String agentToken) {
        this.suite = suite;
        agent = TestSocket.open(suite.ws(), agentToken);
        agent.send(Map.of("type", "join", "kind", "call", "sessionId", sessionId));
        agent.awaitType("joined", WAIT);
        forwarder = new CallForwarder(suite, sessionId, CONTEXT);
    }

    /** The caller asks question {@code n} of {@link #QUESTIONS}; returns the item its card is about. */
    String ask(int n) {
        forwarder.say("CUSTOMER", QUESTIONS.get(n)[0]);
        asked.add(QUESTIONS.get(n)[1]);
        return QUESTIONS.get(n)[1];
    }

    /** The agent says something: a segment that asks nothing. */
    void agentSays(String text) {
        forwarder.say("AGENT", text);
    }

    List<String> asked() {
        return List.copyOf(asked);
    }

    /** Waits for a suggestion_update on the agent's socket whose cards cover every item in {@code items}. */
    JsonNode awaitCards(List<String> items, Duration timeout) {
        return agent.await(m -> m.path("type").asText().equals("suggestion_update")
                && items(m).containsAll(items), timeout);
    }

    /**
     * The call as stored, read through the gateway: a socket that joins without lastSeq gets the call's
     * snapshot (the whole stored transcript, the caller, the cards), all from copilot-service.
     */
    Snapshot storedCall(String agentToken) {
        try (TestSocket fresh = TestSocket.open(suite.ws(), agentToken)) {
            fresh.send(Map.of("type", "join", "kind", "call", "sessionId", sessionId));
            JsonNode joined = fresh.awaitType("joined", WAIT);
            long seq = joined.path("seq").asLong();
            JsonNode transcript = fresh.await(m -> m.path("type").asText().equals("transcript_update")
                    && m.path("seq").asLong() == seq, WAIT);
            JsonNode suggestions = fresh.await(m -> m.path("type").asText().equals("suggestion_update")
                    && m.path("seq").asLong() == seq, WAIT);
            return new Snapshot(transcript, suggestions);
        }
    }

    record Snapshot(JsonNode transcript, JsonNode suggestions) {
    }

    /**
     * No segment lost, none twice, in the order spoken: the stored transcript holds exactly the segments
     * the forwarder had accepted, once each, in offset order; and the cards are one per question asked.
     */
    void assertNothingLostOrDuplicated(String agentToken) {
        Snapshot stored = storedCall(agentToken);
        List<String> storedIds = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (JsonNode line : stored.transcript().path("lines")) {
            storedIds.add(line.path("segmentId").asText());
            offsets.add(line.path("offsetMillis").asLong(-1));
        }
        List<String> saidIds = forwarder.said().stream().map(CallForwarder.Segment::segmentId).toList();
        assertEquals(saidIds, storedIds, "every segment stored once, in the order spoken");
        for (int i = 1; i < offsets.size(); i++) {
            assertTrue(offsets.get(i) > offsets.get(i - 1), "stored in offset order: " + offsets);
        }
        assertOneCardPerQuestion(stored.suggestions(), "the stored cards");
        // The agent's own socket, which stayed joined throughout: every set it was shown had each card once,
        // a card kept its id from one set to the next (the panel updates it in place), and every line arrived.
        Map<String, String> cardIdOfItem = new HashMap<>();
        for (JsonNode update : agent.received()) {
            if (!update.path("type").asText().equals("suggestion_update")) {
                continue;
            }
            Set<String> ids = new HashSet<>();
            for (JsonNode card : update.path("cards")) {
                assertTrue(ids.add(card.path("cardId").asText()), "a card twice in one set: " + update);
                String before = cardIdOfItem.putIfAbsent(card.path("item").asText(), card.path("cardId").asText());
                assertTrue(before == null || before.equals(card.path("cardId").asText()),
                        "the card about " + card.path("item").asText() + " changed its id: " + before + " -> " + card);
            }
        }
        Set<String> seenLive = new HashSet<>();
        for (JsonNode update : agent.received()) {
            if (update.path("type").asText().equals("transcript_update")) {
                update.path("lines").forEach(line -> seenLive.add(line.path("segmentId").asText()));
            }
        }
        assertTrue(seenLive.containsAll(saidIds), "the agent's socket showed every line; missing: "
                + saidIds.stream().filter(id -> !seenLive.contains(id)).toList());
    }

    /** One card per question asked, each about its item, each cardId once. */
    void assertOneCardPerQuestion(JsonNode suggestions, String what) {
        Map<String, Integer> perItem = new LinkedHashMap<>();
        Set<String> cardIds = new HashSet<>();
        for (JsonNode card : suggestions.path("cards")) {
            perItem.merge(card.path("item").asText(), 1, Integer::sum);
            assertTrue(cardIds.add(card.path("cardId").asText()), what + ": card " + card.path("cardId") + " twice");
        }
        for (String item : asked) {
            assertEquals(1, perItem.getOrDefault(item, 0), what + ": one card about " + item + " in " + perItem);
        }
        assertEquals(asked.size(), suggestions.path("cards").size(), what + ": one card per question, " + perItem);
    }

    /** The agent who takes the fault tests' calls, in the webhook's tenant. */
    static String agentToken(Suite suite) {
        return suite.token("nadia", "demo");
    }

    static Set<String> items(JsonNode suggestionUpdate) {
        Set<String> items = new HashSet<>();
        suggestionUpdate.path("cards").forEach(card -> items.add(card.path("item").asText()));
        return items;
    }

    @Override
    public void close() throws InterruptedException {
        forwarder.close();
        agent.close();
    }
}
