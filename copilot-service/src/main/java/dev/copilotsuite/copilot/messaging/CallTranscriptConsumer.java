package dev.copilotsuite.copilot.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.copilotsuite.copilot.service.CallService;
import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.call.CopilotToggled;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.platform.messaging.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;

/** Feeds each call's segments and the agent's copilot toggles to the call they belong to, in order. */
@ApplicationScoped
public class CallTranscriptConsumer {

    private static final String CONSUMER = "copilot-call-transcripts";

    private static final Logger LOG = Logger.getLogger(CallTranscriptConsumer.class);

    private final CallService calls;
    private final ProcessedEvents processed;

    public CallTranscriptConsumer(CallService calls, ProcessedEvents processed) {
        this.calls = calls;
        this.processed = processed;
    }

    @Incoming(Topics.CALL_TRANSCRIPTS)
    @Blocking
    public void onCallEvent(EventEnvelope<?> event) {
        processed.process(CONSUMER, event, () -> {
            if (event.payload() instanceof TranscriptSegmentReceived segment) {
                calls.receive(event, segment);
            } else if (event.payload() instanceof CopilotToggled toggled) {
                calls.toggle(event, toggled);
            } else {
                LOG.warnf("ignoring %s on %s", event.type(), Topics.CALL_TRANSCRIPTS);
            }
        });
    }
}
