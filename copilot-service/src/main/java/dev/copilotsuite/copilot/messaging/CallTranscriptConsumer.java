package dev.copilotsuite.copilot.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.copilotsuite.copilot.config.CopilotConfig;
import dev.copilotsuite.copilot.repository.Call;
import dev.copilotsuite.copilot.service.CallService;
import dev.copilotsuite.copilot.service.PendingSuggestions;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.call.CopilotToggled;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.platform.messaging.ProcessedEvents;

/**
 * Feeds each call's segments and the agent's copilot toggles to the call they belong to: one call's
 * events in order, one at a time, and different calls in parallel ({@link CallLanes}). A record is
 * acknowledged once its call's lane handled it (a failure goes to the channel's failure strategy).
 *
 * <p>Unlike the suite's other consumers this one keeps no {@code processed_events} marks: {@link CallService} is
 * idempotent on the event's own keys (a line by its segment key and the event that stored it, the caller's
 * lookup and the card set by the event that made them), so a redelivered record stores nothing new and at most
 * publishes its own updates again. The marks were two of the five MongoDB round trips of every segment.
 */
@ApplicationScoped
public class CallTranscriptConsumer {

    private static final Logger LOG = Logger.getLogger(CallTranscriptConsumer.class);

    private final CallService calls;
    private final PendingSuggestions pending;
    private final CallLanes lanes;

    public CallTranscriptConsumer(CallService calls, PendingSuggestions pending, CopilotConfig config) {
        this.calls = calls;
        this.pending = pending;
        this.lanes = new CallLanes(config.callWorkers(), config.maxQueuedEvents(), "call-lane");
    }

    /** Hands the record to its call's lane; answers once the lanes have room for the next record. */
    @Incoming(Topics.CALL_TRANSCRIPTS)
    public CompletionStage<Void> onCallEvent(Message<EventEnvelope<?>> message) {
        EventEnvelope<?> event = message.getPayload();
        if (event == null) {
            // a record that did not deserialize: nothing to do for any call
            return message.ack();
        }
        String callId = Call.idOf(event.tenantId(), event.sessionId());
        boolean recomputes = recomputesSuggestions(event);
        if (recomputes) {
            pending.queued(callId);
        }
        CallLanes.Submitted submitted = lanes.submit(callId, () -> {
            if (recomputes) {
                pending.started(callId);
            }
            MDC.put(ProcessedEvents.SESSION_ID, event.sessionId());
            try {
                handle(event);
            } finally {
                MDC.remove(ProcessedEvents.SESSION_ID);
            }
        });
        submitted.done().whenComplete((ignored, failure) -> {
            if (failure == null) {
                message.ack();
            } else {
                LOG.errorf(failure, "event %s of call %s failed", event.id(), callId);
                message.nack(failure);
            }
        });
        return submitted.room();
    }

    private void handle(EventEnvelope<?> event) {
        if (event.payload() instanceof TranscriptSegmentReceived segment) {
            calls.receive(event, segment);
        } else if (event.payload() instanceof CopilotToggled toggled) {
            calls.toggle(event, toggled);
        } else {
            LOG.warnf("ignoring %s on %s", event.type(), Topics.CALL_TRANSCRIPTS);
        }
    }

    /** A caller's final line and the agent's toggle recompute the call's suggestions; a partial never does. */
    static boolean recomputesSuggestions(EventEnvelope<?> event) {
        if (event.payload() instanceof CopilotToggled) {
            return true;
        }
        if (event.payload() instanceof TranscriptSegmentReceived segment) {
            TranscriptLine line = segment.line();
            return line != null && !line.partial() && line.text() != null && !line.text().isBlank()
                    && (line.speaker() == null || "CUSTOMER".equals(line.speaker()));
        }
        return false;
    }

    @PreDestroy
    void close() {
        lanes.close();
    }
}
