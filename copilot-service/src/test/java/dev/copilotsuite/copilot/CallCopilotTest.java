package dev.copilotsuite.copilot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.copilotsuite.copilot.repository.Call;
import dev.copilotsuite.copilot.repository.CallRepository;
import dev.copilotsuite.copilot.repository.CallSegment;
import dev.copilotsuite.copilot.repository.CallSegmentRepository;
import dev.copilotsuite.copilot.service.CallService;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.EventPayload;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.CopilotToggled;
import dev.copilotsuite.events.call.CustomerCard;
import dev.copilotsuite.events.call.CustomerUpdated;
import dev.copilotsuite.events.call.Decision;
import dev.copilotsuite.events.call.Evidence;
import dev.copilotsuite.events.call.SuggestionCard;
import dev.copilotsuite.events.call.SuggestionsUpdated;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Drives the copilot through Kafka as the gateway does, and reads what it pushes to the agent. */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class CallCopilotTest {

    /** The tenant the test customer directory is imported for (copilot.copilot.customers.tenant). */
    static final String TENANT = "demo";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    ObjectMapper mapper;

    @Inject
    CallService calls;

    @Inject
    CallRepository callRepository;

    @Inject
    CallSegmentRepository segmentRepository;

    private KafkaProducer<String, String> producer;

    @AfterEach
    void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void storesASegmentAndPushesItWithTheCallersCard() {
        String session = newSession();
        var sent = send(TENANT, session, new TranscriptSegmentReceived(
                line("seg-1", null, null, "My water heater is leaking, can you send someone?", false),
                new CallContext("+12135550103", "CA", "ESSENTIAL", "HOMEOWNER", null)));

        List<EventEnvelope<?>> updates = awaitUpdates(TENANT, session, 1);
        assertEquals(sent.id(), updates.get(0).causationId());
        assertEquals(TENANT, updates.get(0).tenantId());

        var caller = assertInstanceOf(CustomerUpdated.class, updates.get(0).payload());
        assertEquals("+12135550103", caller.phone());
        assertTrue(caller.found());
        CustomerCard card = caller.customer();
        assertEquals("CUST-0002", card.customerId());
        assertEquals("Daniel", card.firstName());
        assertEquals("Reyes", card.lastName());
        assertEquals(List.of("HG-CA-10002"), card.contracts().stream().map(CustomerCard.Contract::contractId).toList());
        assertEquals(List.of("Water heater", "Air conditioning"),
                card.openClaims().stream().map(CustomerCard.Claim::item).toList());

        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200)
                .body("sessionId", is(session))
                .body("enabled", is(true))
                .body("context.plan", is("ESSENTIAL"))
                .body("context.state", is("CA"))
                .body("customerFound", is(true))
                .body("customer.customerId", is("CUST-0002"))
                .body("transcript.text", contains("My water heater is leaking, can you send someone?"))
                .body("transcript.segmentId", contains("seg-1"))
                .body("transcript.speaker", contains("CUSTOMER")); // a missing speaker is the customer
    }

    @Test
    void aFinalReplacesItsPartialAndRepeatsChangeNothing() {
        String session = newSession();
        send(TENANT, session, new TranscriptSegmentReceived(line("u-1", "t-9", "CUSTOMER", "the water heater is", true), null));
        TranscriptLine finalLine = new TranscriptLine("t-9", null, "CUSTOMER",
                "The water heater is leaking all over the garage floor. Is that covered?", false, 41000L, 45800L,
                "NEGATIVE", List.of("Leak"));
        var finalEvent = send(TENANT, session, new TranscriptSegmentReceived(finalLine, null));
        // A partial that lags behind its final, the final posted again, and the final's event redelivered.
        send(TENANT, session, new TranscriptSegmentReceived(line("u-2", "t-9", "CUSTOMER", "the water heater is leak", true), null));
        send(TENANT, session, new TranscriptSegmentReceived(finalLine, null));
        send(finalEvent);
        send(TENANT, session, new TranscriptSegmentReceived(line("t-10", null, "AGENT", "Let me check your plan.", false), null));

        // A call's events are handled in order: once the agent's line is stored, so are the repeats before it.
        awaitStored(TENANT, session, 2);

        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200)
                .body("transcript.text", contains(finalLine.text(), "Let me check your plan."))
                .body("transcript.speaker", contains("CUSTOMER", "AGENT"))
                .body("transcript[0].sentiment", is("NEGATIVE"))
                .body("transcript[0].categories", contains("Leak"))
                .body("transcript[0].beginOffsetMillis", is(41000))
                .body("customerFound", nullValue());
    }

    @Test
    void firstContextValuesStickUntilTheAgentChoosesOthers() {
        String session = newSession();
        send(TENANT, session, new TranscriptSegmentReceived(line("s-1", null, "CUSTOMER", "Hi, my AC stopped.", false),
                new CallContext("+1 602 555 0100", "az", "plus", null, null)));
        send(TENANT, session, new TranscriptSegmentReceived(line("s-2", null, "CUSTOMER", "It is blowing warm air.", false),
                new CallContext("+16025550100", "TX", "PREMIER", "HOMEOWNER", " ")));

        awaitStored(TENANT, session, 2);
        List<EventEnvelope<?>> updates = published(TENANT, session).stream()
                .filter(update -> update.payload() instanceof CustomerUpdated).toList();
        assertEquals(1, updates.size(), "the same phone is not looked up twice: " + updates);
        var unknown = assertInstanceOf(CustomerUpdated.class, updates.get(0).payload());
        assertEquals("+16025550100", unknown.phone());
        assertFalse(unknown.found());
        assertNull(unknown.customer());

        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200)
                .body("context.plan", is("PLUS"))
                .body("context.state", is("AZ"))
                .body("context.contractType", is("HOMEOWNER"))
                .body("context.role", nullValue())
                .body("customerFound", is(false));

        send(TENANT, session, new CopilotToggled(false, new CallContext("(916) 555-0104", null, "ESSENTIAL", null, null), "agent-7"));

        var found = assertInstanceOf(CustomerUpdated.class, awaitUpdates(TENANT, session, 2).get(1).payload());
        assertEquals("+19165550104", found.phone());
        assertEquals("CUST-0003", found.customer().customerId());

        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200)
                .body("enabled", is(false))
                .body("context.phone", is("(916) 555-0104"))
                .body("context.plan", is("ESSENTIAL"))
                .body("context.state", is("AZ"))
                .body("customer.customerId", is("CUST-0003"));
    }

    @Test
    void theCallersOneActiveContractFillsTheContextNobodyGave() {
        String session = newSession();
        // CUST-0001's directory entry writes this phone as (415) 555-0102.
        send(TENANT, session, new TranscriptSegmentReceived(line("s-1", null, "CUSTOMER", "Hello?", false),
                new CallContext("+1 415-555-0102", null, null, null, null)));

        var caller = assertInstanceOf(CustomerUpdated.class, awaitUpdates(TENANT, session, 1).get(0).payload());
        assertEquals("CUST-0001", caller.customer().customerId());
        assertEquals(List.of(), caller.customer().openClaims(), "closed and denied claims are not open");

        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200)
                .body("context.phone", is("+1 415-555-0102"))
                .body("context.plan", is("PLUS"))
                .body("context.state", is("CA"))
                .body("context.contractType", is("HOMEOWNER"));

        String noContract = newSession();
        send(TENANT, noContract, new TranscriptSegmentReceived(line("s-1", null, "CUSTOMER", "Hello?", false),
                new CallContext("+16315550146", null, null, null, null)));
        awaitUpdates(TENANT, noContract, 1);
        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, noContract)
                .then().statusCode(200)
                .body("customer.customerId", is("CUST-0040"))
                .body("context.plan", nullValue());
    }

    @Test
    void tenantsNeverSeeEachOthersCallsOrCustomers() {
        String session = newSession();
        String other = "other-tenant";
        CallContext daniel = new CallContext("+12135550103", null, null, null, null);
        send(TENANT, session, new TranscriptSegmentReceived(line("seg-1", null, "CUSTOMER", "ours", false), daniel));
        send(other, session, new TranscriptSegmentReceived(line("seg-1", null, "CUSTOMER", "theirs", false), daniel));

        assertTrue(assertInstanceOf(CustomerUpdated.class, awaitUpdates(TENANT, session, 1).get(0).payload()).found());
        List<EventEnvelope<?>> theirs = awaitUpdates(other, session, 1);
        assertFalse(assertInstanceOf(CustomerUpdated.class, theirs.get(0).payload()).found(),
                "another tenant's customer directory is not searched");

        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", other, session)
                .then().statusCode(200)
                .body("transcript.text", contains("theirs"))
                .body("customer", nullValue());
        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200)
                .body("transcript.text", contains("ours"));
    }

    @Test
    void anEventRedeliveredBeforeItWasMarkedPublishesItsUpdatesAgain() {
        String session = newSession();
        EventEnvelope<TranscriptSegmentReceived> event = EventEnvelope.of(TENANT, session, null,
                new TranscriptSegmentReceived(line("s-1", null, "CUSTOMER", "Is my fridge covered?", false),
                        new CallContext("+12135550103", null, null, null, null)));
        // What a crash between publishing and marking the event processed leaves behind: the same event, twice.
        calls.receive(event, event.payload());
        calls.receive(event, event.payload());

        List<EventEnvelope<?>> updates = awaitUpdates(TENANT, session, 2);
        assertEquals(List.of(CustomerUpdated.class, CustomerUpdated.class), updates.stream().map(u -> u.payload().getClass()).toList());
        assertTrue(((CustomerUpdated) updates.get(1).payload()).found());
        assertEquals(1, awaitStored(TENANT, session, 1).getList("transcript").size(), "the line is stored once");
    }

    @Test
    void aCallStoredBeforeLinesWereCountedIsCountedOnItsNextLine() {
        String session = newSession();
        Call old = Call.start(TENANT, session);
        old.segmentCount = null;
        callRepository.persist(old);
        for (int seq = 1; seq <= 2; seq++) {
            CallSegment line = new CallSegment();
            line.id = CallSegment.idOf(old.id, "old-" + seq);
            line.callId = old.id;
            line.seq = seq;
            line.line = line("old-" + seq, null, "CUSTOMER", "old line " + seq, false);
            line.eventId = "e-" + seq;
            segmentRepository.persist(line);
        }

        send(TENANT, session, new TranscriptSegmentReceived(line("new", null, "AGENT", "new line", false), null));

        assertEquals(List.of("old line 1", "old line 2", "new line"), awaitStored(TENANT, session, 3).getList("transcript.text"));
        assertEquals(3L, callRepository.find(TENANT, session).orElseThrow().segmentCount);
        assertEquals(List.of(old.id + "#1", old.id + "#2", old.id + "#3"), segmentRepository.list("callId", old.id).stream()
                .sorted(Comparator.comparingLong(segment -> segment.seq)).map(segment -> segment.position).toList());
    }

    @Test
    void aCallStoredBeforeRevisionsWereKeptIsGivenOneAtStartAndSavedOnIt() {
        String session = newSession();
        Call old = Call.start(TENANT, session);
        callRepository.persist(old);
        callRepository.mongoCollection().updateOne(Filters.eq("_id", old.id), Updates.unset("revision"));

        assertEquals(1L, callRepository.giveRevisionsToOldCalls(), "only the call without one");
        send(TENANT, session, new TranscriptSegmentReceived(line("s-1", null, "AGENT", "hello", false), null));

        assertEquals(List.of("hello"), awaitStored(TENANT, session, 1).getList("transcript.text"));
        assertEquals(1L, callRepository.find(TENANT, session).orElseThrow().revision, "saved on the revision it was given");
    }

    @Test
    void aLineStoredByAnEventWhoseCallWasNotSavedIsKeptWhenItIsRedelivered() {
        String session = newSession();
        EventEnvelope<TranscriptSegmentReceived> first = EventEnvelope.of(TENANT, session, null,
                new TranscriptSegmentReceived(line("s-1", null, "AGENT", "first", false), null));
        calls.receive(first, first.payload());
        // What a crash after storing the line but before saving the call leaves: the call does not count it.
        Call call = callRepository.find(TENANT, session).orElseThrow();
        call.segmentCount = 0L;
        callRepository.update(call);

        calls.receive(first, first.payload());
        var second = EventEnvelope.of(TENANT, session, null, new TranscriptSegmentReceived(line("s-2", null, "AGENT", "second", false), null));
        calls.receive(second, second.payload());

        assertEquals(List.of("first", "second"), awaitStored(TENANT, session, 2).getList("transcript.text"));
    }

    @Test
    void aCallsNextLineUsesTheTranscriptKeptSinceItsLastSaveAndReadsAgainOnceASaveFindsTheCallMovedElsewhere() {
        String session = newSession();
        String callId = Call.idOf(TENANT, session);
        // CUST-0001: a PLUS homeowner contract in California.
        var first = EventEnvelope.of(TENANT, session, null, new TranscriptSegmentReceived(
                line("s-1", null, "CUSTOMER", "My dishwasher stopped draining, is that covered?", false),
                new CallContext("+14155550101", "CA", "PLUS", "HOMEOWNER", null)));
        calls.receive(first, first.payload());
        assertEquals(List.of("dishwasher"), cardIds(session));

        // The stored line changes without the call moving: the next line is answered from the kept transcript.
        rewrite(callId, "My roof is leaking, is that covered?");
        var second = EventEnvelope.of(TENANT, session, null,
                new TranscriptSegmentReceived(line("s-2", null, "CUSTOMER", "Thanks.", false), null));
        calls.receive(second, second.payload());
        assertEquals(List.of("dishwasher"), cardIds(session), "no read back while nothing says the call moved");

        // Another instance saved the call meanwhile (its save moved the revision). This instance's next save, for
        // new cards, finds that out, and the event is done again from the stored call: its transcript read again.
        Call moved = callRepository.find(TENANT, session).orElseThrow();
        moved.revision++;
        callRepository.update(moved);
        var third = EventEnvelope.of(TENANT, session, null, new TranscriptSegmentReceived(
                line("s-3", null, "CUSTOMER", "Is my water heater covered too?", false), null));
        calls.receive(third, third.payload());
        List<String> cards = cardIds(session);
        assertTrue(cards.contains("roof") && !cards.contains("dishwasher"), "cards of the stored transcript: " + cards);
        assertEquals(List.of("My roof is leaking, is that covered?", "Thanks.", "Is my water heater covered too?"),
                awaitStored(TENANT, session, 3).getList("transcript.text"));
        assertEquals(moved.revision + 1, callRepository.find(TENANT, session).orElseThrow().revision);
    }

    @Test
    void aLineIsLookedUpInTheKeptTranscript() {
        String session = newSession();
        String callId = Call.idOf(TENANT, session);
        var first = EventEnvelope.of(TENANT, session, null, new TranscriptSegmentReceived(
                line("s-1", null, "CUSTOMER", "My dishwasher stopped draining, is that covered?", false), null));
        calls.receive(first, first.payload()); // its suggestions read the transcript, which is kept

        // The stored line goes missing behind the service's back: the same segment posted again is still a repeat,
        // told from the kept transcript, not from MongoDB (which would have stored it as a second line).
        segmentRepository.delete("callId", callId);
        var again = EventEnvelope.of(TENANT, session, null, new TranscriptSegmentReceived(
                line("s-1", null, "CUSTOMER", "My dishwasher stopped draining, is that covered?", false), null));
        calls.receive(again, again.payload());
        assertEquals(1L, callRepository.find(TENANT, session).orElseThrow().segmentCount);
        assertEquals(0L, segmentRepository.count("callId", callId));
    }

    @Test
    void aCallWhoseStateDoesNotChangeIsSavedForItsActivityOnlyNowAndThenYetItsViewHasEveryLine() {
        String session = newSession();
        for (int n = 1; n <= 3; n++) {
            var event = EventEnvelope.of(TENANT, session, null,
                    new TranscriptSegmentReceived(line("s-" + n, null, "AGENT", "agent line " + n, false), null));
            calls.receive(event, event.payload());
        }
        Call stored = callRepository.find(TENANT, session).orElseThrow();
        assertEquals(1L, stored.revision, "saved once, by its first line: its activity is saved every 10 s at most");
        assertEquals(1L, stored.segmentCount, "as saved, behind its lines");
        assertEquals(List.of("agent line 1", "agent line 2", "agent line 3"), awaitStored(TENANT, session, 3).getList("transcript.text"));
        segmentRepository.countLines(stored);
        assertEquals(3L, stored.segmentCount, "a call read back is counted on past its saved count");
    }

    @Test
    void aCallSwitchedOffElsewhereGetsNoCardsFromTheInstanceThatKeptIt() {
        String session = newSession();
        CallContext plus = new CallContext(null, "CA", "PLUS", "HOMEOWNER", null);
        var question = EventEnvelope.of(TENANT, session, null, new TranscriptSegmentReceived(
                line("s-1", null, "CUSTOMER", "My dishwasher stopped draining, is that covered?", false), plus));
        calls.receive(question, question.payload());
        assertEquals(List.of("dishwasher"), cardIds(session));

        // The agent switched the copilot off through another instance (a partition moved between them).
        Call off = callRepository.find(TENANT, session).orElseThrow();
        off.enabled = false;
        off.revision++;
        callRepository.update(off);
        var next = EventEnvelope.of(TENANT, session, null, new TranscriptSegmentReceived(
                line("s-2", null, "CUSTOMER", "And my roof is leaking, is that covered?", false), null));
        calls.receive(next, next.payload());

        Call stored = callRepository.find(TENANT, session).orElseThrow();
        assertFalse(stored.enabled, "the switch made elsewhere stands");
        assertEquals(List.of("dishwasher"), cardIds(session));
        assertTrue(published(TENANT, session).stream().noneMatch(update -> next.id().equals(update.causationId())),
                "nothing published for the call switched off");
        assertEquals(2, awaitStored(TENANT, session, 2).getList("transcript").size());
    }

    @Test
    void linesStoredElsewherePastTheKeptCountAreNumberedBeforeTheNextLine() {
        String session = newSession();
        String callId = Call.idOf(TENANT, session);
        var first = EventEnvelope.of(TENANT, session, null,
                new TranscriptSegmentReceived(line("s-1", null, "AGENT", "first", false), null));
        calls.receive(first, first.payload());
        // Two lines another instance stored without saving the call (its activity was not due).
        for (long seq = 2; seq <= 3; seq++) {
            CallSegment line = new CallSegment();
            line.id = CallSegment.idOf(callId, "elsewhere-" + seq);
            line.callId = callId;
            line.seq = seq;
            line.position = CallSegment.positionOf(callId, seq);
            line.line = line("elsewhere-" + seq, null, "AGENT", "elsewhere " + seq, false);
            line.eventId = "e-" + seq;
            segmentRepository.persist(line);
        }
        var next = EventEnvelope.of(TENANT, session, null,
                new TranscriptSegmentReceived(line("s-4", null, "AGENT", "next", false), null));
        calls.receive(next, next.payload());

        assertEquals(List.of("first", "elsewhere 2", "elsewhere 3", "next"), awaitStored(TENANT, session, 4).getList("transcript.text"));
        assertEquals(4L, callRepository.find(TENANT, session).orElseThrow().segmentCount);
    }

    private void rewrite(String callId, String text) {
        CallSegment stored = segmentRepository.list("callId", callId).stream().filter(line -> line.seq == 1).findFirst()
                .orElseThrow();
        stored.line = line(stored.line.segmentId(), null, "CUSTOMER", text, false);
        segmentRepository.update(stored);
    }

    private List<String> cardIds(String session) {
        return callRepository.find(TENANT, session).orElseThrow().suggestions.cards().stream().map(SuggestionCard::cardId)
                .toList();
    }

    @Test
    void aRedeliveredEventStoresNothingNewAndRepeatsAtMostItsOwnUpdates() {
        String session = newSession();
        // CUST-0001: a PLUS homeowner contract in California.
        var question = send(TENANT, session, new TranscriptSegmentReceived(
                line("s-1", null, "CUSTOMER", "My dishwasher stopped draining, is that covered?", false),
                new CallContext("+14155550101", null, null, null, null)));
        SuggestionsUpdated first = (SuggestionsUpdated) awaitAll(TENANT, session, 1,
                update -> update.payload() instanceof SuggestionsUpdated).get(0).payload();
        // Redelivered after its work was done and published, then the call goes on.
        send(question);
        send(TENANT, session, new TranscriptSegmentReceived(line("s-2", null, "AGENT", "Let me check your plan.", false), null));

        assertEquals(List.of("s-1", "s-2"), awaitStored(TENANT, session, 2).getList("transcript.segmentId"));
        List<EventEnvelope<?>> updates = published(TENANT, session);
        assertTrue(updates.stream().allMatch(update -> question.id().equals(update.causationId())),
                "only the question's own updates, perhaps again: " + updates);
        List<SuggestionsUpdated> sets = updates.stream().map(EventEnvelope::payload)
                .filter(SuggestionsUpdated.class::isInstance).map(SuggestionsUpdated.class::cast).toList();
        assertTrue(sets.stream().allMatch(first::equals), "a repeated set is the same set, cards and ids: " + sets);
        List<CustomerUpdated> callers = updates.stream().map(EventEnvelope::payload)
                .filter(CustomerUpdated.class::isInstance).map(CustomerUpdated.class::cast).toList();
        assertTrue(callers.stream().allMatch(callers.get(0)::equals), "the same caller: " + callers);
        assertEquals(first, callRepository.find(TENANT, session).orElseThrow().suggestions);
    }

    @Test
    void aSegmentWithoutTextIsDropped() {
        String session = newSession();
        send(TENANT, session, new TranscriptSegmentReceived(line("s-1", null, "CUSTOMER", "  ", false), null));
        send(TENANT, session, new TranscriptSegmentReceived(line("s-2", null, "CUSTOMER", "Is my roof covered?", false), null));

        assertEquals(List.of("s-2"), awaitStored(TENANT, session, 1).getList("transcript.segmentId"));
    }

    @Test
    void theCallersQuestionsGetCardsPublishedOnlyWhenTheyChange() {
        String session = newSession();
        // CUST-0001: a PLUS homeowner contract in California, started 2026-03-14.
        var dishwasher = send(TENANT, session, new TranscriptSegmentReceived(
                line("s-1", null, "CUSTOMER", "My dishwasher stopped draining, is that covered?", false),
                new CallContext("+14155550101", "CA", "PLUS", "HOMEOWNER", null)));
        // The first card set comes before the caller goes on (a final queued behind it would supersede it).
        awaitAll(TENANT, session, 1, update -> update.payload() instanceof SuggestionsUpdated);
        send(TENANT, session, new TranscriptSegmentReceived(line("u-1", "t-2", "CUSTOMER", "and the roo", true), null));
        send(TENANT, session, new TranscriptSegmentReceived(line("s-3", null, "CUSTOMER", "Yes, the dishwasher.", false), null));
        send(TENANT, session, new TranscriptSegmentReceived(line("s-4", null, "AGENT", "Anything else?", false), null));
        var roof = send(TENANT, session, new TranscriptSegmentReceived(
                line("t-2", null, "CUSTOMER", "And the roof is leaking too.", false), null));

        List<EventEnvelope<?>> published = awaitAll(TENANT, session, 2, update -> update.payload() instanceof SuggestionsUpdated);

        var first = (SuggestionsUpdated) published.get(0).payload();
        assertEquals(dishwasher.id(), published.get(0).causationId());
        assertEquals("PROBLEM", first.intent());
        assertEquals(List.of("dishwasher"), first.cards().stream().map(SuggestionCard::cardId).toList());
        SuggestionCard covered = first.cards().get(0);
        assertEquals(Decision.YES, covered.decision());
        assertEquals(session, covered.sessionId());
        assertEquals("PROBLEM", covered.intent());
        assertEquals(SuggestionCard.Mode.OFFLINE, covered.mode());
        assertEquals(SuggestionCard.Confidence.HIGH, covered.confidence());
        assertTrue(covered.createdAt() != null, "a published card carries its creation time");
        assertEquals(new Evidence("plan-plus", "Covered", "Dishwasher", "The built-in dishwasher, including its pump, "
                + "motor, timer, control board, door latch, inlet valve and heating element.", "HearthGuard Plus Plan"), covered.evidence().get(0));
        assertTrue(covered.script().startsWith("Yes, your plan covers the dishwasher."), covered.script());

        var second = (SuggestionsUpdated) published.get(1).payload();
        assertEquals(roof.id(), published.get(1).causationId(), "the partial, the repeat and the agent's line published none");
        assertEquals(covered, second.cards().get(0), "the dishwasher card is kept as it was");
        SuggestionCard notCovered = second.cards().get(1);
        assertEquals("roof", notCovered.cardId());
        assertEquals(Decision.NO, notCovered.decision());
        assertEquals("plan-plus", notCovered.evidence().get(0).docId());
        assertEquals("Not covered", notCovered.evidence().get(0).section());

        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200)
                .body("suggestions.intent", is("PROBLEM"))
                .body("suggestions.cards.cardId", contains("dishwasher", "roof"))
                .body("suggestions.cards.decision", contains("YES", "NO"))
                .body("suggestions.cards.mode", contains("offline", "offline"))
                .body("suggestions.cards.confidence", contains("HIGH", "HIGH"));
    }

    @Test
    void aCopilotSwitchedOffPublishesNoCardsUntilSwitchedOn() {
        String session = newSession();
        send(TENANT, session, new CopilotToggled(false, new CallContext(null, "CA", "ESSENTIAL", "HOMEOWNER", null), "agent-7"));
        send(TENANT, session, new TranscriptSegmentReceived(line("s-1", null, "CUSTOMER", "My AC is blowing warm air.", false), null));
        send(TENANT, session, new TranscriptSegmentReceived(line("s-2", null, "AGENT", "Let me check.", false), null));

        awaitStored(TENANT, session, 2);
        assertEquals(List.of(), published(TENANT, session), "no cards while switched off");
        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200)
                .body("enabled", is(false))
                .body("suggestions", nullValue());

        var switchedOn = send(TENANT, session, new CopilotToggled(true, null, "agent-7"));

        EventEnvelope<?> published = awaitAll(TENANT, session, 1, update -> update.payload() instanceof SuggestionsUpdated).get(0);
        assertEquals(switchedOn.id(), published.causationId());
        var suggestions = (SuggestionsUpdated) published.payload();
        assertEquals("PROBLEM", suggestions.intent());
        assertEquals(List.of("air-conditioning"), suggestions.cards().stream().map(SuggestionCard::cardId).toList());
        assertEquals(Decision.YES, suggestions.cards().get(0).decision());
    }

    @Test
    void aCopilotIdlePastItsTtlGoesOffUntilTheAgentSwitchesItOnAgain() {
        String session = newSession();
        CallContext plus = new CallContext(null, "CA", "PLUS", "HOMEOWNER", null);
        send(TENANT, session, new TranscriptSegmentReceived(line("s-1", null, "AGENT", "HearthGuard, how can I help?", false), plus));
        awaitStored(TENANT, session, 1);
        var stored = callRepository.find(TENANT, session).orElseThrow();
        assertTrue(stored.enabled && stored.enabledUntil.isAfter(Instant.now().plus(Duration.ofMinutes(29))),
                "activity keeps the copilot on for its TTL (30 minutes)");

        stored.enabledUntil = Instant.now().minusSeconds(1);
        stored.revision++; // as any writer of a call does
        callRepository.update(stored);
        send(TENANT, session, new TranscriptSegmentReceived(line("s-2", null, "CUSTOMER", "My AC is blowing warm air.", false), null));
        awaitStored(TENANT, session, 2);
        assertEquals(List.of(), published(TENANT, session), "no cards once the TTL passed");
        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, session)
                .then().statusCode(200).body("enabled", is(false));

        send(TENANT, session, new CopilotToggled(true, null, "agent-7"));
        var suggestions = (SuggestionsUpdated) awaitAll(TENANT, session, 1,
                update -> update.payload() instanceof SuggestionsUpdated).get(0).payload();
        assertEquals(List.of("air-conditioning"), suggestions.cards().stream().map(SuggestionCard::cardId).toList());
    }

    @Test
    void theDeskListsTheTenantsActiveCallsWithTheCallersName() {
        String known = newSession();
        String unknown = newSession();
        send(TENANT, known, new TranscriptSegmentReceived(line("seg-1", null, "CUSTOMER", "hi", false),
                new CallContext("+12135550103", null, null, null, null)));
        awaitUpdates(TENANT, known, 1);
        send(TENANT, unknown, new TranscriptSegmentReceived(line("seg-1", null, "CUSTOMER", "hello", false),
                new CallContext("(555) 010-9999", null, null, null, null)));
        awaitUpdates(TENANT, unknown, 1);
        send("other-tenant", newSession(), new TranscriptSegmentReceived(line("seg-1", null, "CUSTOMER", "x", false),
                CallContext.EMPTY));

        List<Map<String, Object>> listed = given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls?active=true", TENANT)
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> first = listed.get(0);
        assertEquals(unknown, first.get("callId"), "the most recently active call comes first");
        assertFalse(first.containsKey("customerName"), "an unknown caller has no name");
        Map<String, Object> daniel = listed.stream().filter(call -> known.equals(call.get("callId"))).findFirst().orElseThrow();
        assertEquals("+12135550103", daniel.get("phone"));
        assertTrue(String.valueOf(daniel.get("customerName")).contains(" "), "first and last name: " + daniel);
        assertTrue(daniel.containsKey("startedAt") && daniel.containsKey("lastActivityAt"));
        assertTrue(listed.stream().allMatch(call -> !String.valueOf(call.get("callId")).isEmpty()));
        assertEquals(0, given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls?active=true", "nobody")
                .then().statusCode(200).extract().jsonPath().getList("$").size(), "another tenant's calls never show");

        given().auth().oauth2(TestTokens.service("chat-gateway")).when().get("/internal/tenants/{t}/calls?active=maybe", TENANT)
                .then().statusCode(400).body("code", is("INVALID_QUERY"));
        given().auth().oauth2(TestTokens.service("chat-gateway")).when().get("/internal/tenants/{t}/calls?limit=0", TENANT)
                .then().statusCode(400).body("code", is("INVALID_QUERY"));
        given().auth().oauth2(TestTokens.user("u1", TENANT)).when().get("/internal/tenants/{t}/calls", TENANT)
                .then().statusCode(403);
    }

    @Test
    void anUnknownCallIsNotFound() {
        given().auth().oauth2(TestTokens.service("chat-gateway"))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, "no-such-call")
                .then().statusCode(404)
                .body("code", is("CALL_NOT_FOUND"))
                .body("message", is("Tenant demo has no call no-such-call."));
    }

    @Test
    void callStateIsForServicesOnly() {
        given().when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, "any").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("u1", TENANT))
                .when().get("/internal/tenants/{tenant}/calls/{session}", TENANT, "any").then().statusCode(403);
    }

    private static String newSession() {
        return "call-" + UUID.randomUUID();
    }

    private static TranscriptLine line(String segmentId, String transcriptId, String speaker, String text, boolean partial) {
        return new TranscriptLine(segmentId, transcriptId, speaker, text, partial, null, null, null, null);
    }

    private EventEnvelope<?> send(String tenant, String session, EventPayload payload) {
        EventEnvelope<?> event = EventEnvelope.of(tenant, session, null, payload);
        send(event);
        return event;
    }

    private void send(EventEnvelope<?> event) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                    new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(Topics.CALL_TRANSCRIPTS, event.sessionId(), mapper.writeValueAsString(event)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + event.type(), e);
        }
    }

    /**
     * The first {@code count} customer updates of a call, in order; fails when fewer arrive before the
     * deadline. Suggestion updates, which follow a caller's lines, are left to {@link #awaitAll}.
     */
    private List<EventEnvelope<?>> awaitUpdates(String tenant, String session, int count) {
        return awaitAll(tenant, session, count, update -> update.payload() instanceof CustomerUpdated);
    }

    /**
     * The call's stored view once its transcript holds {@code count} lines: the service publishes no transcript
     * updates (the gateway shows lines from the webhook's topic), so the stored transcript tells how far it got.
     */
    private JsonPath awaitStored(String tenant, String session, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            var response = given().auth().oauth2(TestTokens.service("chat-gateway"))
                    .when().get("/internal/tenants/{tenant}/calls/{session}", tenant, session).then().extract();
            if (response.statusCode() == 200 && response.jsonPath().getList("transcript").size() >= count) {
                return response.jsonPath();
            }
            if (Instant.now().isAfter(deadline)) {
                fail("call " + tenant + "/" + session + " did not store " + count + " lines: " + response.asString());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every update of a call published so far (the updates of events already handled: they publish before the next). */
    private List<EventEnvelope<?>> published(String tenant, String session) {
        List<EventEnvelope<?>> updates = new ArrayList<>();
        try (var consumer = updatesConsumer()) {
            Instant deadline = Instant.now().plus(DEADLINE);
            while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
                collect(consumer.poll(Duration.ofMillis(100)), tenant, session, updates);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && Instant.now().isBefore(deadline)) {
                collect(consumer.poll(Duration.ofMillis(100)), tenant, session, updates);
            }
        }
        return updates;
    }

    private void collect(Iterable<ConsumerRecord<String, String>> records, String tenant, String session,
            List<EventEnvelope<?>> into) {
        collect(records, tenant, session, update -> true, into);
    }

    private void collect(Iterable<ConsumerRecord<String, String>> records, String tenant, String session,
            Predicate<EventEnvelope<?>> which, List<EventEnvelope<?>> into) {
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope<?> update = read(record.value());
            if (session.equals(record.key()) && tenant.equals(update.tenantId()) && which.test(update)) {
                into.add(update);
            }
        }
    }

    /** A consumer of every call update from the start, in a group of its own. */
    private static KafkaConsumer<String, String> updatesConsumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.CALL_UPDATES));
        return consumer;
    }

    /** The first {@code count} updates of a call that {@code which} accepts, in order. */
    private List<EventEnvelope<?>> awaitAll(String tenant, String session, int count, Predicate<EventEnvelope<?>> which) {
        List<EventEnvelope<?>> updates = new ArrayList<>();
        try (var consumer = updatesConsumer()) {
            Instant deadline = Instant.now().plus(DEADLINE);
            while (updates.size() < count && Instant.now().isBefore(deadline)) {
                collect(consumer.poll(Duration.ofMillis(200)), tenant, session, which, updates);
            }
        }
        if (updates.size() < count) {
            fail("expected " + count + " updates of " + tenant + "/" + session + " but got " + updates.size() + ": "
                    + updates.stream().map(EventEnvelope::payload).toList());
        }
        return updates.subList(0, count);
    }

    private EventEnvelope<?> read(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (Exception e) {
            throw new IllegalStateException("not an event envelope: " + json, e);
        }
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
