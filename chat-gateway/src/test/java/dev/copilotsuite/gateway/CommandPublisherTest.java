package dev.copilotsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.gateway.service.CommandPublisher;
import dev.copilotsuite.platform.messaging.NotDurableException;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The webhook's durability rule at the publisher: the segments are reported held only once Kafka
 * acknowledged every one of them, and a broker that does not answer is reported within the timeout
 * instead of holding the request until the producer gives up (two minutes by default).
 */
class CommandPublisherTest {

    static final Duration TIMEOUT = Duration.ofMillis(300);

    @Test
    void returnsOnceKafkaAcknowledgedEverySegment() {
        ScriptedEmitter kafka = new ScriptedEmitter(message -> message.ack());
        published(publisher(kafka), segments(3));
        String log = Topics.GATEWAY_SESSIONS;
        assertEquals(List.of("channel s-0", log + " s-0", "channel s-1", log + " s-1", "channel s-2", log + " s-2"),
                kafka.sends(), "in order, each once to copilot-service's topic (the channel's) and once to the session log");
    }

    @Test
    void aBrokerThatNeverAnswersIsReportedWithinTheTimeout() {
        ScriptedEmitter kafka = new ScriptedEmitter(message -> {
            // held in the producer's buffer: neither acknowledged nor refused
        });
        long started = System.nanoTime();
        NotDurableException failure = assertThrows(NotDurableException.class,
                () -> published(publisher(kafka), segments(2)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis >= TIMEOUT.toMillis() && tookMillis < 5_000, "answered within the timeout: " + tookMillis + " ms");
        assertTrue(failure.getMessage().contains("300 ms"), failure.getMessage());
    }

    @Test
    void oneSegmentNotAcknowledgedFailsTheWholeBatch() {
        List<Message<?>> seen = new ArrayList<>();
        ScriptedEmitter kafka = new ScriptedEmitter(message -> {
            seen.add(message);
            if (seen.size() == 2) {
                message.nack(new IllegalStateException("NOT_ENOUGH_REPLICAS"));
            } else {
                message.ack();
            }
        });
        NotDurableException failure = assertThrows(NotDurableException.class,
                () -> published(publisher(kafka), segments(3)));
        assertTrue(failure.getMessage().contains("NOT_ENOUGH_REPLICAS"), failure.getMessage());
    }

    @Test
    void anEmitterThatRefusesOutrightIsReported() {
        ScriptedEmitter kafka = new ScriptedEmitter(message -> {
            throw new IllegalStateException("SRMSG00034: Insufficient downstream requests to emit item");
        });
        NotDurableException failure = assertThrows(NotDurableException.class,
                () -> published(publisher(kafka), segments(1)));
        assertTrue(failure.getMessage().contains("Insufficient downstream requests"), failure.getMessage());
    }

    @Test
    void aSessionLogThatRefusesOutrightFailsThePostAndKeepsNoPermit() {
        boolean[] refuse = {true};
        ScriptedEmitter kafka = new ScriptedEmitter(message -> {
            boolean toLog = message.getMetadata(OutgoingKafkaRecordMetadata.class)
                    .map(meta -> Topics.GATEWAY_SESSIONS.equals(meta.getTopic())).orElse(false);
            if (toLog && refuse[0]) {
                throw new IllegalStateException("SRMSG00034: Insufficient downstream requests to emit item");
            }
            message.ack();
        });
        CommandPublisher publisher = publisher(kafka);
        for (int i = 0; i < 100; i++) { // more posts than the 64 permits: a permit kept by a refusal would overload
            NotDurableException failure = assertThrows(NotDurableException.class, () -> published(publisher, segments(1)));
            assertTrue(failure.getMessage().contains("Insufficient downstream requests"), failure.getMessage());
        }
        refuse[0] = false;
        published(publisher, segments(64));
    }

    /** Waits for the publish's answer, throwing its failure as the webhook sees it: the exception itself. */
    private static void published(CommandPublisher publisher, List<TranscriptSegmentReceived> segments) {
        CompletableFuture<Void> answer = publisher.segments("demo", "call:demo:c-1", segments, TIMEOUT);
        try {
            answer.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertFalse(e.getCause() instanceof CompletionException, "the failure is not wrapped");
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static CommandPublisher publisher(ScriptedEmitter transcripts) {
        return new CommandPublisher(new ScriptedEmitter(Message::ack), new ScriptedEmitter(Message::ack), transcripts, 64,
                Duration.ofSeconds(1));
    }

    private static List<TranscriptSegmentReceived> segments(int count) {
        List<TranscriptSegmentReceived> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new TranscriptSegmentReceived(new TranscriptLine("s-" + i, null, "CUSTOMER", "line " + i, false,
                    i * 1000L, i * 1000L + 900, null, List.of()), CallContext.EMPTY));
        }
        return out;
    }

    /** Stands in for the Kafka channel: what it does with each message is the test's script. */
    static final class ScriptedEmitter implements Emitter<EventEnvelope<?>> {
        private final Consumer<Message<?>> script;
        private final List<String> sent = new ArrayList<>();

        ScriptedEmitter(Consumer<Message<?>> script) {
            this.script = script;
        }

        /** Each send as "topic segmentId", the topic "channel" when the message names none. */
        List<String> sends() {
            return sent;
        }

        @Override
        public CompletionStage<Void> send(EventEnvelope<?> payload) {
            throw new UnsupportedOperationException("the publisher sends messages, so it can see their acks");
        }

        @Override
        public <M extends Message<? extends EventEnvelope<?>>> void send(M message) {
            script.accept(message);
            String topic = message.getMetadata(OutgoingKafkaRecordMetadata.class).map(OutgoingKafkaRecordMetadata::getTopic)
                    .orElse(null);
            sent.add((topic == null ? "channel" : topic) + " "
                    + ((TranscriptSegmentReceived) message.getPayload().payload()).line().segmentId());
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
