package dev.copilotsuite.copilot;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.copilot.repository.Call;
import dev.copilotsuite.copilot.repository.CallRepository;
import dev.copilotsuite.copilot.service.CallService;
import dev.copilotsuite.copilot.service.PendingSuggestions;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.SuggestionCard;
import dev.copilotsuite.events.call.SuggestionsUpdated;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Work a newer event of the same call supersedes is dropped, not published as a stale card set; calls run
 * in parallel, and each call's events still in order.
 */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class SupersededWorkTest {

    static final String TENANT = "demo";
    /** CUST-0001: a PLUS homeowner contract in California. */
    static final CallContext PLUS_CA = new CallContext("+14155550101", "CA", "PLUS", "HOMEOWNER", null);

    @Inject
    ObjectMapper mapper;

    @Inject
    CallService calls;

    @Inject
    CallRepository callRepository;

    @Inject
    PendingSuggestions pending;

    @Test
    void aFinalQueuedBehindSupersedesTheCardsOfTheOneBefore() {
        String session = newSession();
        String callId = Call.idOf(TENANT, session);
        var dishwasher = segment(session, "s-1", "My dishwasher stopped draining, is that covered?", PLUS_CA);
        var roof = segment(session, "s-2", "And the roof is leaking too, is that covered?", null);

        // The roof question is already queued while the dishwasher's event runs.
        pending.queued(callId);
        calls.receive(dishwasher, dishwasher.payload());
        assertTrue(callRepository.find(TENANT, session).orElseThrow().suggestionsOwed,
                "the dropped work is owed to the newer event");
        pending.started(callId);
        calls.receive(roof, roof.payload());

        List<EventEnvelope<?>> updates = allUpdates(session, 2);
        List<EventEnvelope<?>> suggestions = updates.stream().filter(u -> u.payload() instanceof SuggestionsUpdated).toList();
        assertEquals(1, suggestions.size(), "no card set for the superseded work: " + updates);
        assertEquals(roof.id(), suggestions.get(0).causationId());
        assertEquals(List.of("dishwasher", "roof"), cardIds(suggestions.get(0)));
        assertEquals(List.of("s-1", "s-2"), storedSegments(session), "the superseded segment is still stored");
        assertFalse(callRepository.find(TENANT, session).orElseThrow().suggestionsOwed);
    }

    @Test
    void workOwedIsDoneByTheNextEventEvenWhenItStoresNothingNew() {
        String session = newSession();
        String callId = Call.idOf(TENANT, session);
        var dishwasher = segment(session, "s-1", "My dishwasher stopped draining, is that covered?", PLUS_CA);
        // The same final posted twice: the second stores nothing, yet it owes the first one's cards.
        var again = segment(session, "s-1", "My dishwasher stopped draining, is that covered?", PLUS_CA);

        pending.queued(callId);
        calls.receive(dishwasher, dishwasher.payload());
        pending.started(callId);
        calls.receive(again, again.payload());

        List<EventEnvelope<?>> updates = allUpdates(session, 2);
        List<EventEnvelope<?>> suggestions = updates.stream().filter(u -> u.payload() instanceof SuggestionsUpdated).toList();
        assertEquals(1, suggestions.size(), updates.toString());
        assertEquals(again.id(), suggestions.get(0).causationId());
        assertEquals(List.of("dishwasher"), cardIds(suggestions.get(0)));
    }

    @Test
    void callsRunTogetherAndEachCallsEventsInOrder() throws Exception {
        List<String> sessions = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            sessions.add(newSession());
        }
        List<String> questions = List.of("Is my dishwasher covered?", "What about the roof?",
                "And the garbage disposal?", "Is the water heater covered too?");
        try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            // Interleaved as concurrent calls post them, without waiting for anything in between.
            for (int q = 0; q < questions.size(); q++) {
                for (String session : sessions) {
                    var event = segment(session, "s-" + q, questions.get(q), q == 0 ? PLUS_CA : null);
                    producer.send(new ProducerRecord<>(Topics.CALL_TRANSCRIPTS, session, mapper.writeValueAsString(event)));
                }
            }
            producer.flush();
        }
        Map<String, List<EventEnvelope<?>>> bySession = updatesOf(sessions, envelope -> {
            if (!(envelope.payload() instanceof SuggestionsUpdated suggested)) {
                return false;
            }
            return suggested.cards().size() == questions.size();
        });
        for (String session : sessions) {
            List<EventEnvelope<?>> updates = bySession.get(session);
            assertEquals(List.of("s-0", "s-1", "s-2", "s-3"), storedSegments(session), "a call's segments in the order posted");
            List<List<String>> sets = updates.stream().filter(u -> u.payload() instanceof SuggestionsUpdated)
                    .map(SupersededWorkTest::cardIds).toList();
            for (int i = 1; i < sets.size(); i++) {
                assertTrue(sets.get(i).containsAll(sets.get(i - 1)), "never a staler set after a newer one: " + sets);
            }
            assertEquals(List.of("dishwasher", "roof", "garbage-disposal", "water-heater"), sets.get(sets.size() - 1));
        }
    }

    private EventEnvelope<TranscriptSegmentReceived> segment(String session, String segmentId, String text, CallContext context) {
        return EventEnvelope.of(TENANT, session, null, new TranscriptSegmentReceived(
                new TranscriptLine(segmentId, null, "CUSTOMER", text, false, null, null, null, null), context));
    }

    /** The segment ids of the call's stored transcript, in its order. */
    private static List<String> storedSegments(String session) {
        return given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200).extract().jsonPath().getList("transcript.segmentId", String.class);
    }

    private static List<String> cardIds(EventEnvelope<?> update) {
        return ((SuggestionsUpdated) update.payload()).cards().stream().map(SuggestionCard::cardId).toList();
    }

    /** Every update of one call, reading until {@code count} arrived and a moment longer for any extra one. */
    private List<EventEnvelope<?>> allUpdates(String session, int count) {
        List<EventEnvelope<?>> updates = new ArrayList<>();
        try (var consumer = consumer()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline) && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope<?> update = read(record.value());
                    if (session.equals(record.key()) && TENANT.equals(update.tenantId())) {
                        updates.add(update);
                    }
                }
                if (updates.size() >= count && quietUntil == null) {
                    quietUntil = Instant.now().plus(Duration.ofSeconds(1));
                }
            }
        }
        if (updates.size() != count) {
            fail("expected " + count + " updates of " + session + " but got " + updates.stream().map(EventEnvelope::payload).toList());
        }
        return updates;
    }

    /** Each session's updates, until every session has one that {@code last} accepts. */
    private Map<String, List<EventEnvelope<?>>> updatesOf(List<String> sessions,
            java.util.function.Predicate<EventEnvelope<?>> last) {
        Map<String, List<EventEnvelope<?>>> bySession = new LinkedHashMap<>();
        sessions.forEach(session -> bySession.put(session, new ArrayList<>()));
        List<String> done = new ArrayList<>();
        try (var consumer = consumer()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (done.size() < sessions.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    List<EventEnvelope<?>> updates = bySession.get(record.key());
                    if (updates != null) {
                        EventEnvelope<?> update = read(record.value());
                        updates.add(update);
                        if (last.test(update) && !done.contains(record.key())) {
                            done.add(record.key());
                        }
                    }
                }
            }
        }
        if (done.size() < sessions.size()) {
            fail("not every call got its full card set: " + bySession);
        }
        return bySession;
    }

    private KafkaConsumer<String, String> consumer() {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.CALL_UPDATES));
        return consumer;
    }

    private EventEnvelope<?> read(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (Exception e) {
            throw new IllegalStateException("not an event envelope: " + json, e);
        }
    }

    private static String newSession() {
        return "call-" + UUID.randomUUID();
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
