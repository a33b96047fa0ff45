package dev.copilotsuite.calculator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.copilotsuite.calculator.model.ChangeRejectedException;
import dev.copilotsuite.calculator.repository.CalculatorVersion;
import dev.copilotsuite.calculator.repository.CalculatorVersionRepository;
import dev.copilotsuite.calculator.service.CalculatorService.Command;
import dev.copilotsuite.calculator.service.CalculatorService.Request;
import dev.copilotsuite.calculator.service.CalculatorService.Result;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.HistoryEntry;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TopicProbe;
import dev.copilotsuite.testing.TopicProbe.Received;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The batch path every Kafka command takes (and REST, as a batch of one): several commands in one
 * {@link CalculatorService#execute} call must end exactly as if each had run alone, in order.
 */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class CalculatorBatchTest {

    static TopicProbe stateEvents;

    @Inject
    CalculatorService calculator;

    @Inject
    CalculatorVersionRepository versions;

    @BeforeAll
    static void probe() {
        stateEvents = new TopicProbe(bootstrap(), Topics.CALCULATOR_STATE);
    }

    @AfterAll
    static void close() {
        stateEvents.close();
    }

    @Test
    void oneSessionsCommandsInOneBatchApplyInOrderWithConsecutiveVersions() {
        String s = session();
        List<Result> results = calculator.execute(List.of(
                change(s, "a", null, ChangeOp.add("rent", 100)),
                change(s, "b", null, ChangeOp.add("rent", 10)),
                change(s, "c", null, ChangeOp.set("humanAgents", 40))));
        assertEquals(List.of(1L, 2L, 3L), results.stream().map(r -> r.outcome().state().version()).toList());
        assertEquals(30100.0, results.get(0).outcome().state().inputs().rent(), 1e-9);
        assertEquals(30110.0, results.get(1).outcome().state().inputs().rent(), 1e-9);
        assertEquals("rent", results.get(1).outcome().changes().get(0).path());
        assertEquals(40, results.get(2).outcome().state().inputs().humanAgents(), 1e-9);

        List<CalculatorVersion> stored = versions.history(s);
        assertEquals(List.of(1L, 2L, 3L), stored.stream().map(v -> v.version).toList());
        assertEquals(List.of(0L, 1L, 2L), stored.stream().map(v -> v.parentVersion).toList());
        assertEquals(3L, head(s).getLong("published"), "the session's published mark covers the three after their acks");
        assertEquals(3, calculator.current(s).version());

        List<Received> events = awaitEvents(s, 3);
        assertEquals(List.of(1, 2, 3), events.stream().map(e -> e.value().path("payload").path("version").asInt()).toList());
        assertEquals(2, events.get(2).value().path("payload").path("previousVersion").asInt());
    }

    @Test
    void aBadCommandInTheMiddleIsRefusedWithoutAffectingTheOthers() {
        String s = session();
        List<Result> results = calculator.execute(List.of(
                change(s, "ok-1", null, ChangeOp.set("humanAgents", 40)),
                change(s, "bad", null, ChangeOp.set("humanAgents", 45), ChangeOp.set("targetOccupancy", 3)),
                change(s, "ok-2", null, ChangeOp.add("humanAgents", 1))));
        assertEquals(1, results.get(0).outcome().state().version());
        ChangeRejectedException refused = assertInstanceOf(ChangeRejectedException.class, results.get(1).refused());
        assertEquals("OUT_OF_BOUNDS", refused.code());
        assertEquals("targetOccupancy", refused.path());
        assertEquals(2, results.get(2).outcome().state().version());
        assertEquals(41, results.get(2).outcome().state().inputs().humanAgents(), 1e-9, "the refused batch left nothing behind");

        // On the state topic, in command order: state 1, the refusal (at version 1), state 2.
        List<Received> events = awaitEvents(s, 3);
        assertEquals(List.of("calculator.state.changed", "calculator.change.rejected", "calculator.state.changed"),
                events.stream().map(e -> e.value().path("type").asText()).toList());
        assertEquals("bad", events.get(1).value().path("payload").path("requestId").asText());
        assertEquals(1, events.get(1).value().path("payload").path("currentVersion").asInt());
    }

    @Test
    void aDuplicateRequestIdInOneBatchIsAppliedOnce() {
        String s = session();
        List<Result> results = calculator.execute(List.of(
                change(s, "same", null, ChangeOp.add("humanAgents", 5)),
                change(s, "same", null, ChangeOp.add("humanAgents", 5)),
                change(s, "next", null, ChangeOp.add("humanAgents", 1))));
        assertFalse(results.get(0).outcome().replayed());
        assertTrue(results.get(1).outcome().replayed());
        assertEquals(1, results.get(1).outcome().state().version());
        assertEquals(35, results.get(1).outcome().state().inputs().humanAgents(), 1e-9);
        assertEquals(2, results.get(2).outcome().state().version());
        assertEquals(36, results.get(2).outcome().state().inputs().humanAgents(), 1e-9);
        assertEquals(2, versions.history(s).size());

        // A later batch repeating it replays too.
        Result again = calculator.execute(List.of(change(s, "same", null, ChangeOp.add("humanAgents", 5)))).get(0);
        assertTrue(again.outcome().replayed());
        assertEquals(1, again.outcome().state().version());
    }

    @Test
    void twoSessionsInterleavedKeepTheirOwnOrder() {
        String a = session();
        String b = session();
        List<Result> results = calculator.execute(List.of(
                change(a, "a1", null, ChangeOp.set("rent", 1000)),
                change(b, "b1", null, ChangeOp.set("rent", 2000)),
                change(a, "a2", 1L, ChangeOp.add("rent", 1)),
                change(b, "b2", 0L, ChangeOp.add("rent", 1)),
                change(a, "a3", null, ChangeOp.add("rent", 1))));
        assertEquals(List.of(1L, 1L, 2L, 3L),
                List.of(results.get(0), results.get(1), results.get(2), results.get(4)).stream()
                        .map(r -> r.outcome().state().version()).toList());
        assertEquals(1002.0, results.get(4).outcome().state().inputs().rent(), 1e-9);
        VersionConflictException stale = assertInstanceOf(VersionConflictException.class, results.get(3).refused());
        assertEquals(1, stale.currentVersion(), "b2 expected version 0 but b1 had made version 1");
        assertEquals(2000.0, calculator.current(b).inputs().rent(), 1e-9);
        assertEquals(3, calculator.current(a).version());
        assertEquals(1, calculator.current(b).version());
    }

    @Test
    void undoAndResetInsideABatchSeeTheVersionsTheBatchMade() {
        String s = session();
        List<Result> results = calculator.execute(List.of(
                change(s, "c1", null, ChangeOp.set("humanAgents", 50)),
                change(s, "c2", null, ChangeOp.scale("rent", 0.9)),
                command(s, HistoryEntry.UNDO, "u1"),
                command(s, HistoryEntry.RESET, "r1"),
                command(s, HistoryEntry.UNDO, "u2"),
                command(s, HistoryEntry.UNDO, "u3"),
                command(s, HistoryEntry.UNDO, "u4"),
                command(s, HistoryEntry.UNDO, "u5")));
        assertEquals(30000.0, results.get(2).outcome().state().inputs().rent(), 1e-9, "u1 reverts c2");
        assertEquals(50, results.get(2).outcome().state().inputs().humanAgents(), 1e-9);
        assertEquals(30, results.get(3).outcome().state().inputs().humanAgents(), 1e-9, "reset");
        assertEquals(50, results.get(4).outcome().state().inputs().humanAgents(), 1e-9, "u2 reverts the reset");
        assertEquals(30, results.get(5).outcome().state().inputs().humanAgents(), 1e-9, "u3 reverts c1");
        assertEquals(6, results.get(5).outcome().state().version());
        assertInstanceOf(NothingToUndoException.class, results.get(6).refused());
        assertInstanceOf(NothingToUndoException.class, results.get(7).refused());
        List<CalculatorVersion> history = versions.history(s);
        assertEquals(java.util.Arrays.asList(null, null, 1L, null, 3L, 0L),
                history.stream().map(v -> v.restoredVersion).toList());
    }

    @Test
    void insightsAreEvaluatedPerChangeInOrderWithTheirHysteresis() {
        String s = session();
        calculator.execute(List.of(
                change(s, "i1", null, ChangeOp.set("humanAgents", 25)),
                change(s, "i2", null, ChangeOp.set("humanAgents", 24)),
                change(s, "i3", null, ChangeOp.set("humanAgents", 30)),
                change(s, "i4", null, ChangeOp.set("humanAgents", 25))));
        stateEvents.await(r -> r.key().equals(s) && r.value().path("payload").path("version").asInt() == 4
                && r.value().path("type").asText().equals("calculator.insight"), Duration.ofSeconds(15));
        List<Received> events = stateEvents.drain(Duration.ofSeconds(1)).stream().filter(r -> r.key().equals(s)).toList();
        List<Integer> fired = events.stream().filter(r -> r.value().path("type").asText().equals("calculator.insight")
                && r.value().path("payload").path("insightId").asText().equals("PEAK_UTILIZATION_HIGH"))
                .map(r -> r.value().path("payload").path("version").asInt()).toList();
        assertEquals(List.of(1, 4), fired, "fired at 1, held back at 2, re-armed at 3, fired again at 4");
        // Each insight follows the state it fired on.
        int state4 = indexOf(events, "calculator.state.changed", 4);
        int insight4 = indexOf(events, "calculator.insight", 4);
        assertTrue(state4 >= 0 && state4 < insight4);
    }

    @Test
    void aVersionStoredButNotPublishedIsPublishedWhenItsRequestComesAgain() {
        String s = session();
        calculator.execute(List.of(change(s, "p1", null, ChangeOp.set("rent", 1234))));
        awaitEvents(s, 1);
        // As if the process died between the insert (and the head's move) and the publish.
        versions.mongoDatabase().getCollection("calculator_heads").updateOne(Filters.eq("_id", s), Updates.set("published", 0L));

        // A later version is published and marked on its own: the mark cannot jump the unpublished one.
        calculator.execute(List.of(change(s, "p2", null, ChangeOp.add("rent", 1))));
        assertEquals(0L, head(s).getLong("published"));
        assertTrue(versions.at(s, 2).orElseThrow().published);

        Result again = calculator.execute(List.of(change(s, "p1", null, ChangeOp.set("rent", 1234)))).get(0);
        assertTrue(again.outcome().replayed());
        assertEquals(1, again.outcome().state().version());
        List<Received> events = awaitEvents(s, 3);
        assertEquals(List.of(1, 2, 1), events.stream().map(e -> e.value().path("payload").path("version").asInt()).toList());
        assertEquals(1234.0, events.get(2).value().path("payload").path("inputs").path("rent").asDouble(), 1e-9);
        assertEquals(1L, head(s).getLong("published"), "republished, version 1 is covered again");

        // Published now: another retry publishes nothing.
        calculator.execute(List.of(change(s, "p1", null, ChangeOp.set("rent", 1234)), change(s, "p2", null, ChangeOp.add("rent", 1))));
        assertEquals(3, stateEvents.drain(Duration.ofSeconds(1)).stream().filter(r -> r.key().equals(s)
                && !r.value().path("type").asText().equals("calculator.insight")).count());
    }

    @Test
    void aHeadThatLagsIsCaughtUpByProbing() {
        String s = session();
        calculator.execute(List.of(change(s, "h1", null, ChangeOp.add("rent", 1)), change(s, "h2", null, ChangeOp.add("rent", 1))));
        // As if the process died between a version's insert and its head's update.
        versions.mongoDatabase().getCollection("calculator_heads").updateOne(Filters.eq("_id", s), Updates.set("version", 0L));
        Result next = calculator.execute(List.of(change(s, "h3", null, ChangeOp.add("rent", 1)))).get(0);
        assertEquals(3, next.outcome().state().version());
        assertEquals(30003.0, next.outcome().state().inputs().rent(), 1e-9);
        assertEquals(3L, head(s).getLong("version"));
    }

    @Test
    void racingWritersNeverBreakTheVersionChain() throws Exception {
        // Batches and single REST-style commands on one session at once: the unique version id decides every
        // race; a loser is planned again on the state read back. Every command either applied once or refused
        // as a conflict, and the versions form one gapless chain whose every step added exactly its one.
        String s = session();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Result>>> runs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                runs.add(pool.submit(() -> {
                    List<Result> all = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        List<Request> batch = new ArrayList<>();
                        for (int k = 0; k < (writer % 2 == 0 ? 1 : 4); k++) {
                            batch.add(change(s, "w" + writer + "-" + round + "-" + k, null, ChangeOp.add("rent", 1)));
                        }
                        all.addAll(calculator.execute(batch));
                    }
                    return all;
                }));
            }
            int applied = 0;
            for (Future<List<Result>> run : runs) {
                for (Result result : run.get()) {
                    if (result.refused() != null) {
                        assertInstanceOf(VersionConflictException.class, result.refused());
                    } else {
                        assertFalse(result.outcome().replayed());
                        applied++;
                    }
                }
            }
            List<CalculatorVersion> history = versions.history(s);
            assertEquals(applied, history.size());
            for (int v = 0; v < history.size(); v++) {
                assertEquals(v + 1, history.get(v).version);
                assertEquals(v, history.get(v).parentVersion);
                assertEquals(30000.0 + v + 1, calculator.at(s, v + 1).inputs().rent(), 1e-9);
            }
            assertTrue(applied > 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void commandsProducedTogetherOverKafkaAreAppliedInOrderAndAnsweredOnce() throws Exception {
        String s = session();
        List<Map<String, Object>> commands = List.of(
                changeEvent(s, "k1", ChangeOp.set("humanAgents", 40)),
                changeEvent(s, "k2", ChangeOp.set("targetOccupancy", 3)),
                changeEvent(s, "k1", ChangeOp.set("humanAgents", 40)),
                changeEvent(s, "k3", ChangeOp.add("humanAgents", 2)),
                TopicProbe.envelope("calculator.undo.requested", "acme", s, Map.of("requestId", "k4", "actor", "user",
                        "actorRef", "ana")),
                TopicProbe.envelope("calculator.change.requested", "acme", s, Map.of("requestId", "k5", "actor", "user",
                        "actorRef", "ana", "ops", List.of())));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (Map<String, Object> command : commands) {
                producer.send(new ProducerRecord<>(Topics.CALCULATOR_COMMANDS, s, TopicProbe.json(command)));
            }
            producer.flush();
        }
        stateEvents.await(r -> r.key().equals(s) && r.value().path("payload").path("requestId").asText().equals("k5"),
                Duration.ofSeconds(20));
        List<Received> events = stateEvents.drain(Duration.ofMillis(500)).stream().filter(r -> r.key().equals(s)
                && !r.value().path("type").asText().equals("calculator.insight")).toList();
        assertEquals(List.of("k1", "k2", "k3", "k4", "k5"),
                events.stream().map(e -> e.value().path("payload").path("requestId").asText()).toList(),
                "k1's repeat made no second state event");
        assertEquals(List.of("calculator.state.changed", "calculator.change.rejected", "calculator.state.changed",
                "calculator.state.changed", "calculator.change.rejected"),
                events.stream().map(e -> e.value().path("type").asText()).toList());
        assertEquals(List.of(1, 2, 3), events.stream().filter(e -> e.value().path("type").asText().equals("calculator.state.changed"))
                .map(e -> e.value().path("payload").path("version").asInt()).toList());
        assertEquals(40.0, events.get(3).value().path("payload").path("inputs").path("humanAgents").asDouble(), 1e-9,
                "the undo reverted k3");
        assertEquals("MALFORMED_REQUEST", events.get(4).value().path("payload").path("code").asText());
        assertEquals(3, events.get(4).value().path("payload").path("currentVersion").asInt());
        assertEquals("targetOccupancy", events.get(1).value().path("payload").path("path").asText());
    }

    private Document head(String session) {
        return versions.mongoDatabase().getCollection("calculator_heads").find(Filters.eq("_id", session)).first();
    }

    private static int indexOf(List<Received> events, String type, int version) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).value().path("type").asText().equals(type)
                    && events.get(i).value().path("payload").path("version").asInt() == version) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code count} state-topic events of the session (insights aside), in order. */
    private static List<Received> awaitEvents(String session, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<Received> events = List.of();
        while (System.nanoTime() < deadline) {
            events = stateEvents.drain(Duration.ofMillis(200)).stream().filter(r -> r.key().equals(session)
                    && !r.value().path("type").asText().equals("calculator.insight")).toList();
            if (events.size() >= count) {
                return events.subList(0, count);
            }
        }
        throw new AssertionError("expected " + count + " events of " + session + ", got " + events);
    }

    private static Map<String, Object> changeEvent(String session, String requestId, ChangeOp... ops) {
        return TopicProbe.envelope("calculator.change.requested", "acme", session, Map.of("requestId", requestId,
                "actor", "user", "actorRef", "ana", "ops", List.of(ops)));
    }

    private static Request change(String session, String requestId, Long expectedVersion, ChangeOp... ops) {
        Command command = new Command("acme", requestId, "user", "ana", expectedVersion);
        return new Request(session, command, HistoryEntry.CHANGE, List.of(ops), cause(session, requestId, ops));
    }

    private static Request command(String session, String kind, String requestId) {
        return new Request(session, new Command("acme", requestId, "user", "ana", null), kind, List.of(),
                cause(session, requestId));
    }

    /** The Kafka command a request answers, so refusals are published as they are for the consumer. */
    private static EventEnvelope<?> cause(String session, String requestId, ChangeOp... ops) {
        return EventEnvelope.of("acme", session, null, new CalculatorChangeRequested(requestId, "user", "ana", null,
                List.of(ops)));
    }

    private static String session() {
        return "chat:acme:ana:" + UUID.randomUUID();
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
